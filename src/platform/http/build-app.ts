import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from '../audit/audit-routes.ts';
import type { AccountLinker } from '../auth/activation.ts';
import { activationRoutes } from '../auth/activation-routes.ts';
import { authRoutes } from '../auth/auth-routes.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import type { Logger } from '../logger.ts';
import { installErrorHandler } from './error-handler.ts';
import type { RouteRoles } from './fastify-augment.ts';
import { installGuards } from './guard-hooks.ts';
import { healthRoutes } from './health-routes.ts';
import type { MemberAccessPolicy } from './request-access.ts';
import type { App, PlatformDeps, PlatformRouteModule, RouteModule } from './route-module.ts';

export interface BuildAppOptions extends PlatformDeps {
  logger: Logger;
  policy: MemberAccessPolicy;
  /** Domain route modules, in the order of `src/routes.ts`. */
  routes: readonly RouteModule[];
  /** Links an account opened with a code to what the code was made for (a supporter to the person the member named). */
  linkAccount: AccountLinker;
  /** The proxy to believe about the client's protocol and address (`AppConfig.trustProxy`). */
  trustProxy?: string | undefined;
  /** Folder of the built web app (served at `/` when it exists). */
  webDir?: string;
  /** Test seam: called with `METHOD url` (and the request) each time a route handler starts. */
  onHandler?: ((route: string, request: FastifyRequest) => void) | undefined;
  /** Runs before the stores close on shutdown (e.g. let queued warehouse work finish). */
  beforeClose?: (() => Promise<void>) | undefined;
  /** Test seam: called for every route added, with its declared roles. */
  onRouteAdded?:
    | ((route: { method: string; url: string; roles: RouteRoles | undefined }) => void)
    | undefined;
}

/**
 * What a browser may do with a page of member data: scripts and everything else only from this
 * origin, no framing by another site, no plugins, no referrer. Styles allow inline attributes
 * (the charts set them); scripts never run inline.
 */
const securityHeaders = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
  strictTransportSecurity: false,
};
const hsts = 'max-age=31536000; includeSubDomains';

function trustProxySetting(value: string | undefined): boolean | string | string[] {
  if (value === undefined) return false;
  if (value === 'true') return true;
  return value.includes(',') ? value.split(',') : value;
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP app: plumbing, guards, auth, health, OpenAPI, then every domain's routes. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: trustProxySetting(options.trustProxy),
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  // Log the route pattern, never the URL: paths and query strings can carry member ids.
  app.setChildLoggerFactory((logger, bindings, opts) =>
    logger.child(bindings, {
      ...opts,
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions?.url ?? '[unmatched]' }),
      },
    }),
  );
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyHelmet, securityHeaders);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
    // HSTS only over TLS: a browser that saw it over plain HTTP on localhost would refuse the demo.
    if (request.protocol === 'https') reply.header('strict-transport-security', hsts);
  });
  if (options.onRouteAdded) {
    const onRouteAdded = options.onRouteAdded;
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat())
        onRouteAdded({ method, url: route.url, roles: route.config?.roles });
    });
  }
  if (options.onHandler) {
    const onHandler = options.onHandler;
    app.addHook('onRoute', (route) => {
      const handler = route.handler;
      const name = `${route.method} ${route.url}`;
      route.handler = function wrapped(this: unknown, request, reply) {
        onHandler(name, request);
        return handler.call(this as never, request, reply);
      };
    });
  }
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Checkpoint API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  const serveSpa = options.webDir !== undefined && existsSync(path.join(options.webDir, 'index.html'));
  installErrorHandler(app, serveSpa);
  installGuards(app, options, options.policy);
  app.get('/api/openapi.json', { config: { roles: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  const platformModules: PlatformRouteModule[] = [
    healthRoutes,
    authRoutes(new LoginThrottle()),
    activationRoutes(options.linkAccount),
  ];
  const deps: PlatformDeps = { store: options.store, warehouse: options.warehouse };
  for (const module of platformModules) await module.register(app, deps);
  for (const module of [auditRoutes, ...options.routes]) await module.register(app);
  if (serveSpa && options.webDir) {
    await app.register(fastifyStatic, { root: path.resolve(options.webDir), prefix: '/', wildcard: false });
  }
  app.addHook('onClose', async () => {
    await options.beforeClose?.();
    await options.store.close();
    await options.warehouse.close();
  });
  return app;
}
