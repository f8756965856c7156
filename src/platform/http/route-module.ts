import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config.ts';
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

/** What the server was built with; prefer `request.access` in handlers, which checks and audits. */
export interface AppDeps {
  readonly store: OpsStore;
  readonly warehouse: Warehouse;
  readonly config: Pick<AppConfig, 'dataDir'> & Partial<AppConfig>;
}

/** A domain's HTTP routes: `src/routes.ts` lists every module, and the server mounts them in that order. */
export interface RouteModule {
  readonly name: string;
  register(app: App, deps: AppDeps): void | Promise<void>;
}
