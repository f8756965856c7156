import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OpsStore } from '../db/ops-db.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** The Fastify instance every domain registers on: zod schemas type each handler. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the platform's own routes (sign-in, health) are built with; domain routes never see it. */
export interface PlatformDeps {
  readonly store: OpsStore;
  readonly warehouse: Warehouse;
}

/**
 * A domain's HTTP routes: `src/routes.ts` lists every module, and the server mounts them in
 * that order. `register` gets no store: a handler reaches member data only through
 * `request.access`, which checks access and audits (see README.md in this folder).
 */
export interface RouteModule {
  readonly name: string;
  register(app: App): void | Promise<void>;
}

/** The platform's own route modules, which work below the access layer (sessions, readiness). */
export interface PlatformRouteModule {
  readonly name: string;
  register(app: App, deps: PlatformDeps): void | Promise<void>;
}

/** A domain's route modules mounted as its one module, in order. */
export function combineRoutes(name: string, modules: readonly RouteModule[]): RouteModule {
  return {
    name,
    async register(app) {
      for (const module of modules) await module.register(app);
    },
  };
}
