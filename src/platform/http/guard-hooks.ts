import type { FastifyReply, FastifyRequest } from 'fastify';
import { resumeSession } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import type { RouteRoles } from './fastify-augment.ts';
import { createRequestAccess, type MemberAccessPolicy } from './request-access.ts';
import type { App, PlatformDeps } from './route-module.ts';

export const sessionCookie = 'checkpoint_session';
export const csrfHeader = 'x-csrf-token';
const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Before any handler: every `/api` route must declare `config.roles` (checked when
 * routes are added); each request resolves its session, its role, and for
 * state-changing methods the CSRF token, and gets its access-checked store.
 */
export function installGuards(app: App, deps: PlatformDeps, policy: MemberAccessPolicy): void {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && route.config?.roles === undefined)
      throw new Error(`Route ${route.method} ${route.url} does not declare config.roles.`);
  });
  app.decorateRequest('user', null);
  app.decorateRequest('access', null as never);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[sessionCookie];
    const user = token ? ((await resumeSession(deps.store.db, token)) ?? null) : null;
    request.user = user;
    request.access = createRequestAccess({
      user,
      requestId: request.id,
      stores: { db: deps.store.db, warehouse: deps.warehouse },
      policy,
    });
    const roles: RouteRoles | undefined = request.routeOptions.config?.roles;
    if (roles === undefined || roles === 'public') {
      if (stateChanging.has(request.method) && !isJson(request))
        throw new AppError('bad_request', 'Send JSON (Content-Type: application/json).');
      return;
    }
    if (!user) {
      if (token) reply.clearCookie(sessionCookie, { path: '/' });
      throw new AppError('unauthenticated', 'Please sign in.');
    }
    if (roles !== 'signed-in' && !roles.includes(user.role)) {
      await request.access.audit({
        action: 'call',
        memberId: null,
        resourceType: 'Route',
        resourceId: `${request.method} ${request.routeOptions.url ?? ''}`,
        outcome: 'denied',
        detail: `role ${user.role} not allowed`,
      });
      throw new AppError('forbidden', 'Your role cannot do this.');
    }
    if (stateChanging.has(request.method) && request.headers[csrfHeader] !== user.csrfToken)
      throw new AppError(
        'forbidden',
        'The request is missing its CSRF token. Reload the page and try again.',
      );
  });
}

function isJson(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  return type === undefined
    ? request.headers['content-length'] === undefined
    : type.startsWith('application/json');
}
