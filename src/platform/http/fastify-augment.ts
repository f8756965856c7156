import type { Role } from '../auth/roles.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { RequestAccess } from './request-access.ts';

/**
 * Who may call a route: a list of roles, `'signed-in'` (any role), or `'public'`.
 * Every `/api` route must say; the server refuses to start otherwise.
 */
export type RouteRoles = readonly Role[] | 'signed-in' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    roles?: RouteRoles;
  }
  interface FastifyRequest {
    /** The signed-in person, or null on a public route. */
    user: SessionUser | null;
    /** The per-request, access-checked and audited way to member data. */
    access: RequestAccess;
  }
}
