import { z } from 'zod';
import { AppError } from '../errors.ts';
import { sessionCookie } from '../http/guard-hooks.ts';
import type { PlatformRouteModule } from '../http/route-module.ts';
import { type LoginThrottle, logIn } from './log-in.ts';
import { type Role, roles } from './roles.ts';
import { revokeSession, sessionMaxMs } from './sessions.ts';

export const meSchema = z.object({
  userId: z.string(),
  username: z.string(),
  role: z.enum(roles),
  displayName: z.string().nullable(),
  memberId: z.string().nullable(),
  /** The NPI of the treatment facility a facility user acts for; null for everyone else. */
  facilityNpi: z
    .string()
    .regex(/^\d{10}$/)
    .nullable(),
  /** Send this back in the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
});

/**
 * The facility NPI of a facility user: their organization when it is an NPI (ten digits), the
 * one preauthorization requests must name (coverage's `facilityNpiOf`). An organization may
 * also be a facility's name (it names the facility in consents): then, and for other roles, null.
 */
export function facilityNpiOfUser(user: { role: Role; organization: string | null }): string | null {
  return user.role === 'facility_staff' && user.organization && /^\d{10}$/.test(user.organization)
    ? user.organization
    : null;
}

/** Sign in, sign out, and who am I. */
export function authRoutes(throttle: LoginThrottle): PlatformRouteModule {
  return {
    name: 'auth',
    register(app, deps) {
      app.post(
        '/api/auth/login',
        {
          config: { roles: 'public' },
          schema: {
            tags: ['auth'],
            body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
            response: { 200: meSchema },
          },
        },
        async (request, reply) => {
          const result = await logIn(deps.store.db, throttle, { ...request.body, address: request.ip }).catch(
            async (error: unknown) => {
              await request.access.audit({
                action: 'login',
                memberId: null,
                resourceType: 'Session',
                resourceId: null,
                outcome: 'denied',
                detail: error instanceof AppError ? error.code : 'internal',
              });
              throw error;
            },
          );
          // A new random session id on every login: a planted cookie is never promoted (no fixation).
          const old = request.cookies[sessionCookie];
          if (old) await revokeSession(deps.store.db, old);
          reply.setCookie(sessionCookie, result.token, {
            path: '/',
            httpOnly: true,
            sameSite: 'strict',
            secure: request.protocol === 'https',
            maxAge: Math.floor(sessionMaxMs / 1000),
          });
          const user = await deps.store.db
            .selectFrom('app_user')
            .select(['display_name', 'member_id', 'organization'])
            .where('user_id', '=', result.userId)
            .executeTakeFirstOrThrow();
          await deps.store.db
            .insertInto('audit_event')
            .values({
              actor_id: result.userId,
              actor_username: result.username,
              actor_role: result.role,
              action: 'login',
              member_id: null,
              resource_type: 'Session',
              resource_id: null,
              purpose: 'security',
              outcome: 'success',
              request_id: request.id,
              detail: null,
            })
            .execute();
          return {
            userId: result.userId,
            username: result.username,
            role: result.role,
            displayName: user.display_name,
            memberId: user.member_id,
            facilityNpi: facilityNpiOfUser({ role: result.role, organization: user.organization }),
            csrfToken: result.csrfToken,
          };
        },
      );
      app.post(
        '/api/auth/logout',
        { config: { roles: 'signed-in' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
        async (request, reply) => {
          const token = request.cookies[sessionCookie];
          if (token) await revokeSession(deps.store.db, token);
          await request.access.audit({
            action: 'logout',
            memberId: null,
            resourceType: 'Session',
            resourceId: null,
            outcome: 'success',
          });
          reply.clearCookie(sessionCookie, { path: '/' });
          return reply.status(204).send(null);
        },
      );
      app.get(
        '/api/me',
        { config: { roles: 'signed-in' }, schema: { tags: ['auth'], response: { 200: meSchema } } },
        async (request) => {
          const u = request.access.requireUser();
          return {
            userId: u.userId,
            username: u.username,
            role: u.role,
            displayName: u.displayName,
            memberId: u.memberId,
            facilityNpi: facilityNpiOfUser(u),
            csrfToken: u.csrfToken,
          };
        },
      );
    },
  };
}
