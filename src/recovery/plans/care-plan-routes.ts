import { z } from 'zod';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { carePlanResolver, serviceRequestResolver } from '../recovery-resolvers.ts';
import { carePlanContentSchema, serviceRequestSchema, serviceRequestStatuses } from '../recovery-schemas.ts';
import { listCarePlans } from './care-plan-queries.ts';
import { addServiceRequest, changeServiceStatus, markGoalStep, saveCarePlan } from './care-plan-store.ts';

const planRoles = ['case_manager', 'supervisor'] as const;
const memberParams = z.object({ memberId: z.string().min(1).max(64) });
const planParams = z.object({ planId: z.string().min(1).max(64) });
const planBody = z.object({
  category: z.enum(['treatment', 'aftercare']),
  status: z.enum(['draft', 'active', 'completed', 'revoked']),
  caseId: z.string().min(1).max(64).optional(),
  content: carePlanContentSchema,
});
const saved = z.object({ planId: z.string(), version: z.number().int() });
const planView = z.object({
  planId: z.string(),
  memberId: z.string(),
  category: z.string(),
  status: z.string(),
  version: z.number().int(),
  content: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
  services: z.array(
    z.object({
      requestId: z.string(),
      planId: z.string(),
      category: z.string(),
      service: z.string(),
      performerName: z.string(),
      performerNpi: z.string().nullable(),
      status: z.enum(serviceRequestStatuses),
      sessionsPerWeek: z.number().nullable(),
      version: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
  history: z.array(
    z.object({
      version: z.number(),
      status: z.string(),
      changedBy: z.string(),
      changedAt: z.string(),
      summary: z.string(),
    }),
  ),
});

/** Treatment and aftercare plans (FHIR CarePlan with Goals) and their services as referrals (ServiceRequest). */
export const carePlanRoutes: RouteModule = {
  name: 'recovery-care-plans',
  register(app) {
    app.get(
      '/api/members/:memberId/care-plans',
      {
        config: { roles: planRoles },
        schema: {
          tags: ['recovery'],
          params: memberParams,
          response: { 200: z.object({ plans: z.array(planView) }) },
        },
      },
      async (request) => {
        const plans = await request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'CarePlan' },
          (grant, { db }) => listCarePlans(db, grant.memberId),
        );
        return { plans };
      },
    );

    app.post(
      '/api/members/:memberId/care-plans',
      {
        config: { roles: ['case_manager'] },
        schema: { tags: ['recovery'], params: memberParams, body: planBody, response: { 201: saved } },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const result = await request.access.member(
          request.params.memberId,
          { action: 'create', resourceType: 'CarePlan' },
          (grant, { db }) =>
            saveCarePlan(
              db,
              { ...request.body, caseId: request.body.caseId ?? null, memberId: grant.memberId },
              user,
            ),
        );
        reply.status(201);
        return result;
      },
    );

    app.put(
      '/api/care-plans/:planId',
      {
        config: { roles: ['case_manager'] },
        schema: {
          tags: ['recovery'],
          params: planParams,
          body: planBody.extend({ version: z.number().int().min(1) }),
          response: { 200: saved },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { planId } = request.params;
        return request.access.resource(carePlanResolver, planId, 'update', (plan, _grant, { db }) =>
          saveCarePlan(
            db,
            { ...request.body, caseId: request.body.caseId ?? null, memberId: plan.memberId, planId },
            user,
          ),
        );
      },
    );

    app.post(
      '/api/care-plans/:planId/goals/:goalId/steps/:stepId',
      {
        config: { roles: ['member', 'case_manager'] },
        schema: {
          tags: ['recovery'],
          params: planParams.extend({
            goalId: z.string().min(1).max(64),
            stepId: z.string().min(1).max(64),
          }),
          body: z.object({ done: z.boolean() }),
          response: { 200: saved },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { planId, goalId, stepId } = request.params;
        return request.access.resource(carePlanResolver, planId, 'update', (_plan, _grant, { db }) =>
          markGoalStep(db, { planId, goalId, stepId }, request.body.done, user, todayIso()),
        );
      },
    );

    app.post(
      '/api/care-plans/:planId/services',
      {
        config: { roles: ['case_manager'] },
        schema: {
          tags: ['recovery'],
          params: planParams,
          body: serviceRequestSchema,
          response: { 201: z.object({ requestId: z.string() }) },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const { planId } = request.params;
        const requestId = await request.access.resource(
          carePlanResolver,
          planId,
          { action: 'create', resourceType: 'ServiceRequest' },
          (plan, _grant, { db }) =>
            addServiceRequest(db, { planId, memberId: plan.memberId }, request.body, user),
        );
        reply.status(201);
        return { requestId };
      },
    );

    app.post(
      '/api/service-requests/:requestId/status',
      {
        // The performing facility accepts, starts, completes or declines; the case manager may cancel.
        config: { roles: ['case_manager', 'facility_staff'] },
        schema: {
          tags: ['recovery'],
          params: z.object({ requestId: z.string().min(1).max(64) }),
          body: z.object({
            status: z.enum(serviceRequestStatuses),
            version: z.number().int().min(1),
            note: z.string().max(1000).optional(),
          }),
          response: { 200: z.object({ status: z.enum(serviceRequestStatuses), version: z.number().int() }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { requestId } = request.params;
        return request.access.resource(serviceRequestResolver, requestId, 'update', (_r, _grant, { db }) =>
          changeServiceStatus(db, requestId, request.body, user),
        );
      },
    );
  },
};
