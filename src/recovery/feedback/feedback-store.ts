import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction } from '../../platform/db/in-transaction.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { ResourceResolver } from '../../platform/http/request-access.ts';
import { recoveryDb } from '../recovery-tables.ts';
import {
  type FeedbackAnswers,
  feedbackQuestions,
  type Milestone,
  minimumCellSize,
  type Respondent,
} from './feedback-survey.ts';

/** An invitation resolves to the member it was sent for. */
export const invitationResolver: ResourceResolver = {
  resourceType: 'FeedbackInvitation',
  notFound: 'There is no such survey.',
  async resolve({ db }, id) {
    const row = await recoveryDb(db)
      .selectFrom('feedback_invitation')
      .select('member_id')
      .where('invitation_id', '=', id)
      .executeTakeFirst();
    return row && { memberId: row.member_id };
  },
};

/** Invites the member and their family to the survey of a milestone; inviting twice changes nothing. */
export async function inviteToFeedback(db: OpsDb, memberId: string, milestone: Milestone): Promise<void> {
  const rdb = recoveryDb(db);
  const market = await sql<{ market: string | null }>`
    select market from outreach_case where member_id = ${memberId} order by opened_at desc limit 1`.execute(
    db,
  );
  await rdb
    .insertInto('feedback_invitation')
    .values(
      (['member', 'family'] as const).map((respondent) => ({
        invitation_id: randomUUID(),
        member_id: memberId,
        milestone,
        respondent,
        market: market.rows[0]?.market ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['member_id', 'milestone', 'respondent']).doNothing())
    .execute();
}

/** The member's surveys waiting for an answer. */
export async function listOpenInvitations(db: OpsDb, memberId: string, respondent?: Respondent) {
  return recoveryDb(db)
    .selectFrom('feedback_invitation')
    .select(['invitation_id as invitationId', 'milestone', 'respondent'])
    .where('member_id', '=', memberId)
    .where('responded', '=', false)
    .$if(respondent !== undefined, (q) => q.where('respondent', '=', respondent!))
    .orderBy('created_at')
    .execute();
}

/**
 * Records an answer: the invitation is marked answered and the answers are stored apart,
 * with the milestone, respondent, market and month only. Answering twice is 409.
 */
export async function answerFeedback(
  db: OpsDb,
  invitationId: string,
  respondent: Respondent,
  answers: FeedbackAnswers,
): Promise<void> {
  await inTransaction(recoveryDb(db), async (trx) => {
    const invitation = await trx
      .updateTable('feedback_invitation')
      .set({ responded: true })
      .where('invitation_id', '=', invitationId)
      .where('respondent', '=', respondent)
      .where('responded', '=', false)
      .returning(['milestone', 'respondent', 'market'])
      .executeTakeFirst();
    if (!invitation)
      throw new AppError('conflict', 'This survey was already answered, or is not yours to answer.');
    await trx
      .insertInto('feedback_response')
      .values({
        response_id: randomUUID(),
        milestone: invitation.milestone,
        respondent: invitation.respondent,
        market: invitation.market,
        month: new Date().toISOString().slice(0, 7),
        answers: JSON.stringify(answers),
      })
      .execute();
  });
}

export interface FeedbackCell {
  milestone: string;
  respondent: string;
  responses: number | null;
  means: Record<string, number> | null;
  suppressed: boolean;
}

/**
 * Program analytics: responses and the mean of each statement by milestone and respondent.
 * A cell of 1–10 responses is suppressed (count and means); no total and no narrower
 * filter is offered beside the cells, so a suppressed cell cannot be worked out by subtraction.
 */
export async function summarizeFeedback(db: OpsDb) {
  const means = feedbackQuestions.map(
    (q) => sql<number>`round(avg((answers ->> ${q.id})::numeric), 2)`.as(q.id) as never,
  );
  const rows = await recoveryDb(db)
    .selectFrom('feedback_response')
    .select(['milestone', 'respondent', (eb) => eb.fn.countAll<number>().as('n'), ...means])
    .groupBy(['milestone', 'respondent'])
    .orderBy('milestone')
    .orderBy('respondent')
    .execute();
  return rows.map((r): FeedbackCell => {
    const n = Number(r.n);
    const suppressed = n < minimumCellSize;
    const row = r as unknown as Record<string, unknown>;
    return {
      milestone: r.milestone,
      respondent: r.respondent,
      responses: suppressed ? null : n,
      means: suppressed ? null : Object.fromEntries(feedbackQuestions.map((q) => [q.id, Number(row[q.id])])),
      suppressed,
    };
  });
}
