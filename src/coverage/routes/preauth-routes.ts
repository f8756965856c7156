import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { authorizationRequestSchema, denialReasons } from '../preauth/authorization.ts';
import { readAuthorization, readAuthorizations } from '../store/authorization-store.ts';
import { viewAuthorization } from './authorization-view.ts';
import { actOnPreauthorization, facilityNpiOf, submitPreauthorization } from './preauth-service.ts';
import { authorizationViewSchema } from './view-schemas.ts';

const text = z.string().max(4000);
export const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start-review') }),
  z.object({ kind: z.literal('pend'), informationRequested: text }),
  z.object({ kind: z.literal('provide-information'), information: text }),
  z.object({ kind: z.literal('approve') }),
  z.object({ kind: z.literal('partially-approve'), approvedUnits: z.array(z.number().int()), reason: text }),
  z.object({
    kind: z.literal('deny'),
    reasonCode: z.enum(denialReasons),
    reason: text,
    criteriaMissed: z.array(z.string()).optional(),
  }),
  z.object({ kind: z.literal('withdraw'), reason: text }),
]);

const idParams = z.object({ authorizationId: z.string().min(1).max(64) });
const list = z.object({ items: z.array(authorizationViewSchema) });
const now = () => new Date().toISOString();

/** Preauthorization: facility submits, reviewer works the queue and decides, everyone sees the result. */
export const preauthRoutes: RouteModule = {
  name: 'preauthorization',
  register(app) {
    app.post(
      '/api/preauthorizations',
      {
        config: { roles: ['facility_staff'] },
        schema: {
          tags: ['preauthorization'],
          body: authorizationRequestSchema,
          response: { 201: authorizationViewSchema },
        },
      },
      async (request, reply) => {
        const a = await submitPreauthorization(request.access, request.body, now());
        return reply.code(201).send(viewAuthorization(a, 'facility', now()));
      },
    );

    app.get(
      '/api/preauthorizations/queue',
      {
        config: { roles: ['um_reviewer', 'supervisor'] },
        schema: { tags: ['preauthorization'], response: { 200: list } },
      },
      async (request) => {
        const items = await readAuthorizations(request.access.db, { open: true });
        await request.access.audit({
          action: 'search',
          memberId: null,
          resourceType: 'Preauthorization',
          resourceId: null,
          purpose: 'payment',
          outcome: 'success',
          detail: `${items.length} open requests`,
        });
        const t = now();
        return { items: items.map((a) => viewAuthorization(a, 'reviewer', t)) };
      },
    );

    app.get(
      '/api/preauthorizations/:authorizationId',
      {
        config: { roles: ['um_reviewer', 'supervisor', 'facility_staff', 'case_manager', 'member'] },
        schema: { tags: ['preauthorization'], params: idParams, response: { 200: authorizationViewSchema } },
      },
      async (request) => {
        const user = request.access.requireUser();
        const a = await readAuthorization(request.access.db, request.params.authorizationId);
        const intent = { action: 'read', resourceType: 'Preauthorization', resourceId: a.id };
        if (user.role === 'facility_staff') {
          if (a.request.facility.npi !== facilityNpiOf(user)) {
            await request.access.audit({
              ...intent,
              memberId: a.request.memberId,
              purpose: 'payment',
              outcome: 'denied',
            });
            throw new AppError('not_found', 'There is no such preauthorization request.');
          }
          await request.access.audit({
            ...intent,
            memberId: a.request.memberId,
            purpose: 'payment',
            outcome: 'success',
          });
          return viewAuthorization(a, 'facility', now());
        }
        const audience = user.role === 'um_reviewer' || user.role === 'supervisor' ? 'reviewer' : 'member';
        return request.access.member(a.request.memberId, intent, async () =>
          viewAuthorization(a, audience, now()),
        );
      },
    );

    app.post(
      '/api/preauthorizations/:authorizationId/actions',
      {
        config: { roles: ['um_reviewer', 'facility_staff'] },
        schema: {
          tags: ['preauthorization'],
          params: idParams,
          body: z.object({ version: z.number().int().min(1), action: actionSchema }),
          response: { 200: authorizationViewSchema },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { authorizationId } = request.params;
        const a = await readAuthorization(request.access.db, authorizationId);
        const run = () =>
          actOnPreauthorization(
            request.access.db,
            user,
            authorizationId,
            request.body.version,
            request.body.action,
            now(),
          );
        if (user.role === 'facility_staff') {
          const audit = (outcome: 'success' | 'failure' | 'denied', detail: string | null = null) =>
            request.access.audit({
              action: request.body.action.kind,
              memberId: a.request.memberId,
              resourceType: 'Preauthorization',
              resourceId: authorizationId,
              purpose: 'payment',
              outcome,
              detail,
            });
          try {
            const after = await run();
            await audit('success');
            return viewAuthorization(after, 'facility', now());
          } catch (error) {
            const code = error instanceof AppError ? error.code : 'internal';
            await audit(code === 'forbidden' ? 'denied' : 'failure', code);
            throw error;
          }
        }
        return request.access.member(
          a.request.memberId,
          { action: request.body.action.kind, resourceType: 'Preauthorization', resourceId: authorizationId },
          async () => viewAuthorization(await run(), 'reviewer', now()),
        );
      },
    );

    app.get(
      '/api/members/:memberId/preauthorizations',
      {
        config: { roles: ['case_manager', 'supervisor', 'um_reviewer', 'member'] },
        schema: {
          tags: ['preauthorization'],
          params: z.object({ memberId: z.string().min(1).max(64) }),
          response: { 200: list },
        },
      },
      async (request) => {
        const { memberId } = request.params;
        return request.access.member(
          memberId,
          { action: 'read', resourceType: 'Preauthorization' },
          async () => {
            const t = now();
            const items = await readAuthorizations(request.access.db, { memberId });
            return { items: items.map((a) => viewAuthorization(a, 'member', t)) };
          },
        );
      },
    );

    app.get(
      '/api/facility/preauthorizations',
      {
        config: { roles: ['facility_staff'] },
        schema: { tags: ['preauthorization'], response: { 200: list } },
      },
      async (request) => {
        const npi = facilityNpiOf(request.access.requireUser());
        const items = await readAuthorizations(request.access.db, { facilityNpi: npi });
        await request.access.audit({
          action: 'search',
          memberId: null,
          resourceType: 'Preauthorization',
          resourceId: null,
          purpose: 'payment',
          outcome: 'success',
          detail: `${items.length} requests of facility`,
        });
        const t = now();
        return { items: items.map((a) => viewAuthorization(a, 'facility', t)) };
      },
    );
  },
};
