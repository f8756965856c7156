import { sql } from 'kysely';
import { z } from 'zod';
import type { PlatformRouteModule } from './route-module.ts';

/** Liveness (the process answers) and readiness (both stores answer). */
export const healthRoutes: PlatformRouteModule = {
  name: 'health',
  register(app, deps) {
    app.get(
      '/api/health',
      {
        config: { roles: 'public' },
        schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/api/ready',
      {
        config: { roles: 'public' },
        schema: {
          tags: ['health'],
          response: {
            200: z.object({ status: z.literal('ready') }),
            503: z.object({ status: z.literal('unavailable') }),
          },
        },
      },
      async (_request, reply) => {
        try {
          await sql`select 1`.execute(deps.store.db);
          await deps.warehouse.all('select 1 as one');
          return { status: 'ready' as const };
        } catch {
          return reply.status(503).send({ status: 'unavailable' as const });
        }
      },
    );
  },
};
