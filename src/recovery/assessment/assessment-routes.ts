import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { assessmentAnswersSchema } from './assessment-answers.ts';
import { assessmentQuestionnaire } from './assessment-questionnaire.ts';
import { listAssessments, listScores, saveAssessment } from './assessment-store.ts';

const memberParams = z.object({ memberId: z.string().min(1).max(64) });
const scoreView = z.object({
  instrument: z.string(),
  system: z.string(),
  code: z.string(),
  display: z.string(),
  score: z.number(),
  band: z.string().nullable(),
  effectiveAt: z.string(),
  sourceId: z.string(),
  scoreId: z.string(),
});
const notScored = z.array(z.object({ instrument: z.string(), reason: z.string() }));

/** The comprehensive assessment: its Questionnaire, entering one (case manager, or the facility the member is referred to), reading them and the score trend. */
export const assessmentRoutes: RouteModule = {
  name: 'recovery-assessments',
  register(app) {
    app.get(
      '/api/fhir/Questionnaire/comprehensive-assessment',
      {
        config: { roles: ['case_manager', 'supervisor', 'facility_staff'] },
        schema: { tags: ['fhir'], response: { 200: z.record(z.string(), z.unknown()) } },
      },
      async (request, reply) => {
        await request.access.nonMember(async () => undefined);
        reply.type('application/fhir+json');
        return assessmentQuestionnaire();
      },
    );

    app.post(
      '/api/members/:memberId/assessments',
      {
        config: { roles: ['case_manager', 'facility_staff'] },
        schema: {
          tags: ['recovery'],
          params: memberParams,
          body: z.object({ status: z.enum(['in-progress', 'completed']), answers: assessmentAnswersSchema }),
          response: { 201: z.object({ assessmentId: z.string(), scores: z.array(scoreView), notScored }) },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const facility = user.role === 'facility_staff' ? (user.organization ?? null) : null;
        const result = await request.access.member(
          request.params.memberId,
          // A facility enters it as its own report about a member referred to it.
          { action: facility ? 'report' : 'create', resourceType: 'QuestionnaireResponse' },
          (grant, { db }) =>
            saveAssessment(db, { ...request.body, memberId: grant.memberId, facilityNpi: facility }, user),
        );
        reply.status(201);
        return result;
      },
    );

    app.get(
      '/api/members/:memberId/assessments',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['recovery'],
          params: memberParams,
          response: {
            200: z.object({
              assessments: z.array(
                z.object({
                  assessmentId: z.string(),
                  status: z.string(),
                  authoredAt: z.string(),
                  levelOfCare: z.string().nullable(),
                  answers: z.record(z.string(), z.unknown()),
                  scores: z.array(scoreView),
                  notScored,
                }),
              ),
              trend: z.array(scoreView),
            }),
          },
        },
      },
      async (request) =>
        request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'QuestionnaireResponse' },
          async (grant, { db }) => ({
            assessments: await listAssessments(db, grant.memberId),
            trend: await listScores(db, grant.memberId),
          }),
        ),
    );
  },
};
