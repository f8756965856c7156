import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { App, RouteModule } from './route-module.ts';

/** Every domain route file (`*-routes.ts` under `src/`, outside the platform). */
function domainRouteFiles(dir = path.resolve('src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'platform' ? [] : domainRouteFiles(full);
    return /-routes\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('a route module reaches member data only through request.access', () => {
  it('gets the app alone: no store, warehouse or database handle on it or on the request', () => {
    expectTypeOf<Parameters<RouteModule['register']>>().toEqualTypeOf<[app: App]>();
    expectTypeOf<App>().not.toHaveProperty('db');
    expectTypeOf<App>().not.toHaveProperty('store');
    expectTypeOf<App>().not.toHaveProperty('warehouse');
    expectTypeOf<FastifyRequest>().not.toHaveProperty('db');
    expectTypeOf<FastifyRequest>().toHaveProperty('access');
  });

  it('no domain route file opens a store or imports a database module itself', () => {
    const files = domainRouteFiles();
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return (
        /from '[^']*platform\/(db|warehouse)\/[^']*'/.test(text.replace(/import type [^;]+;/g, '')) ||
        /open(OpsStore|DuckDbWarehouse|PostgresWarehouse)\(/.test(text)
      );
    });
    expect(offenders.map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });
});
