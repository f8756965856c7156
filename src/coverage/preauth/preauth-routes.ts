import { z } from 'zod';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { authorizationRequestSchema, denialReasons } from './authorization.ts';
import { preauthorizationResolver, readAuthorizations } from './authorization-store.ts';
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
/** Reviewers see the clinical detail; the facility its own request; members and case managers the outcome. */
const audienceOf = (user: SessionUser) =>
  user.role === 'facility_staff'
    ? 'facility'
    : user.role === 'um_reviewer' || user.role === 'supervisor'
      ? 'reviewer'
      : 'member';

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
        const items = await request.access.operation(
          { action: 'search', resourceType: 'Preauthorization' },
          ({ db }) => readAuthorizations(db, { open: true }),
          (found) => `${found.length} open requests`,
        );
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
        const audience = audienceOf(request.access.requireUser());
        return request.access.resource(
          preauthorizationResolver,
          request.params.authorizationId,
          'read',
          async ({ authorization }) => viewAuthorization(authorization, audience, now()),
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
        const { version, action } = request.body;
        return request.access.resource(
          preauthorizationResolver,
          authorizationId,
          action.kind,
          async (_found, _grant, { db }) =>
            viewAuthorization(
              await actOnPreauthorization(db, user, authorizationId, version, action, now()),
              audienceOf(user),
              now(),
            ),
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
          async (_grant, { db }) => {
            const t = now();
            const items = await readAuthorizations(db, { memberId });
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
        const items = await request.access.operation(
          { action: 'search', resourceType: 'Preauthorization' },
          ({ db }) => readAuthorizations(db, { facilityNpi: npi }),
          (found) => `${found.length} requests of facility`,
        );
        const t = now();
        return { items: items.map((a) => viewAuthorization(a, 'facility', t)) };
      },
    );
  },
};
