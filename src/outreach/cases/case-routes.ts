import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { caseResolver, readCase, updateCaseNote } from './case-queries.ts';

const staff = ['case_manager', 'supervisor'] as const;

export const caseSchema = z.object({
  caseId: z.string(),
  memberId: z.string(),
  status: z.enum(['open', 'closed']),
  priority: z.number().int(),
  market: z.string().nullable(),
  reasons: z.object({
    emergencies: z.array(z.object({ kind: z.string(), date: z.string(), claimId: z.string() })),
    riskFactors: z.array(
      z.object({ code: z.string(), value: z.number().nullable().optional(), evidence: z.array(z.string()) }),
    ),
    context: z.array(z.string()),
  }),
  latestEmergencyDate: z.string().nullable(),
  assignedTo: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

/** `GET /api/cases/{caseId}` as the web app reads it. */
export type CaseResponse = z.infer<typeof caseSchema>;

const params = z.object({ caseId: z.string().min(1).max(64) });

/** GET and PATCH /api/cases/{caseId}: one outreach case, read and edited under the member access policy. */
export const caseRoutes: RouteModule = {
  name: 'cases',
  register(app) {
    app.get(
      '/api/cases/:caseId',
      { config: { roles: staff }, schema: { tags: ['outreach'], params, response: { 200: caseSchema } } },
      async (request) =>
        request.access.resource(caseResolver, request.params.caseId, 'read', (_case, _grant, { db }) =>
          readCase(db, request.params.caseId),
        ),
    );
    app.patch(
      '/api/cases/:caseId',
      {
        config: { roles: staff },
        schema: {
          tags: ['outreach'],
          params,
          body: z.object({ version: z.number().int().min(1), note: z.string().max(4000).nullable() }),
          response: { 200: caseSchema },
        },
      },
      async (request) =>
        request.access.resource(caseResolver, request.params.caseId, 'update', (_case, _grant, { db }) =>
          updateCaseNote(db, request.params.caseId, request.body.version, request.body.note),
        ),
    );
  },
};
