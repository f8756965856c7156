import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import {
  answerFeedback,
  invitationResolver,
  listOpenInvitations,
  summarizeFeedback,
} from './feedback-store.ts';
import { feedbackAnswersSchema, feedbackQuestions, milestones, respondents } from './feedback-survey.ts';

/** Feedback surveys: the questions, the member's and family's open surveys, answering, and the de-identified summary. */
export const feedbackRoutes: RouteModule = {
  name: 'recovery-feedback',
  register(app) {
    app.get(
      '/api/members/:memberId/feedback',
      {
        config: { roles: ['member', 'supporter', 'case_manager'] },
        schema: {
          tags: ['recovery'],
          params: z.object({ memberId: z.string().min(1).max(64) }),
          response: {
            200: z.object({
              questions: z.array(z.object({ id: z.string(), text: z.string() })),
              surveys: z.array(
                z.object({
                  invitationId: z.string(),
                  milestone: z.enum(milestones),
                  respondent: z.enum(respondents),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const respondent =
          user.role === 'supporter' ? 'family' : user.role === 'member' ? 'member' : undefined;
        const surveys = await request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'FeedbackInvitation' },
          (grant, { db }) => listOpenInvitations(db, grant.memberId, respondent),
        );
        return { questions: [...feedbackQuestions], surveys };
      },
    );

    app.post(
      '/api/feedback/:invitationId',
      {
        config: { roles: ['member', 'supporter'] },
        schema: {
          tags: ['recovery'],
          params: z.object({ invitationId: z.string().min(1).max(64) }),
          body: z.object({ answers: feedbackAnswersSchema }),
          response: { 201: z.object({ thanks: z.literal(true) }) },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        await request.access.resource(
          invitationResolver,
          request.params.invitationId,
          { action: 'create', resourceType: 'FeedbackResponse' },
          (_invitation, _grant, { db }) =>
            answerFeedback(
              db,
              request.params.invitationId,
              user.role === 'supporter' ? 'family' : 'member',
              request.body.answers,
            ),
        );
        reply.status(201);
        return { thanks: true as const };
      },
    );

    app.get(
      '/api/analytics/feedback',
      {
        config: { roles: ['analyst', 'supervisor'] },
        schema: {
          tags: ['analytics'],
          response: {
            200: z.object({
              questions: z.array(z.object({ id: z.string(), text: z.string() })),
              cells: z.array(
                z.object({
                  milestone: z.string(),
                  respondent: z.string(),
                  responses: z.number().nullable(),
                  means: z.record(z.string(), z.number()).nullable(),
                  suppressed: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const cells = await request.access.operation(
          { action: 'search', resourceType: 'FeedbackSummary' },
          ({ db }) => summarizeFeedback(db),
          (found) => `${found.length} cells`,
        );
        return { questions: [...feedbackQuestions], cells };
      },
    );
  },
};
