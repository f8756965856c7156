import { z } from 'zod';
import { writeAuditEvent } from '../audit/audit-event.ts';
import { isoDaySchema } from '../calendar/iso-day-schema.ts';
import { AppError } from '../errors.ts';
import type { PlatformRouteModule } from '../http/route-module.ts';
import { type AccountLinker, codeRefused, describeActivation, redeemActivation } from './activation.ts';
import { tooManyAttempts } from './log-in.ts';
import { LoginThrottle } from './login-throttle.ts';
import { newUserSchema } from './users.ts';

const codeSchema = z.string().trim().min(8).max(40);

/**
 * Opening an account with a one-time code (a member's from their case manager or a letter,
 * a supporter's from the member's invitation): public, as sign-in is, and throttled by
 * address the same way, since a code is a secret someone could try to guess.
 */
export function activationRoutes(link: AccountLinker): PlatformRouteModule {
  const throttle = new LoginThrottle();
  const key = (address: string) => `activation:${address}`;
  return {
    name: 'activation',
    register(app, deps) {
      async function guarded<T>(address: string, fn: () => Promise<T>): Promise<T> {
        if (throttle.isBlocked(key(address), address))
          throw new AppError('too_many_requests', tooManyAttempts);
        try {
          return await fn();
        } catch (error) {
          if (error instanceof AppError && error.code === 'unauthenticated')
            throttle.recordFailure(key(address), address);
          throw error;
        }
      }

      app.post(
        '/api/auth/activation/lookup',
        {
          config: { roles: 'public' },
          schema: {
            tags: ['auth'],
            body: z.object({ code: codeSchema }),
            response: { 200: z.object({ role: z.enum(['member', 'supporter']), expiresAt: z.string() }) },
          },
        },
        async (request) =>
          guarded(request.ip, async () => {
            const found = await describeActivation(deps.store.db, request.body.code);
            if (!found) throw new AppError('unauthenticated', codeRefused);
            return { role: found.role, expiresAt: found.expiresAt.toISOString() };
          }),
      );

      app.post(
        '/api/auth/activate',
        {
          config: { roles: 'public' },
          schema: {
            tags: ['auth'],
            body: z.object({
              code: codeSchema,
              username: newUserSchema.shape.username,
              password: newUserSchema.shape.password,
              birthDate: isoDaySchema.optional(),
            }),
            response: {
              201: z.object({ username: z.string(), role: z.enum(['member', 'supporter']) }),
            },
          },
        },
        async (request, reply) => {
          const account = await guarded(request.ip, () =>
            redeemActivation(deps.store.db, request.body, link),
          ).catch(async (error: unknown) => {
            await writeAuditEvent(deps.store.db, {
              actorId: null,
              actorUsername: null,
              actorRole: null,
              action: 'activate',
              memberId: null,
              resourceType: 'Account',
              resourceId: null,
              purpose: 'security',
              outcome: 'denied',
              requestId: request.id,
              detail: error instanceof AppError ? error.code : 'internal',
            });
            throw error;
          });
          await writeAuditEvent(deps.store.db, {
            actorId: account.userId,
            actorUsername: account.username,
            actorRole: account.role,
            action: 'activate',
            memberId: account.memberId,
            resourceType: 'Account',
            resourceId: account.userId,
            purpose: 'security',
            outcome: 'success',
            requestId: request.id,
            detail: null,
          });
          return reply.status(201).send({ username: account.username, role: account.role });
        },
      );
    },
  };
}
