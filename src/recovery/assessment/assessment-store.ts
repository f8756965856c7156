import type { Actor } from '../../platform/auth/sessions.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { scoreAnswers } from '../instruments/score-instrument.ts';
import { recoveryDb } from '../recovery-tables.ts';
import type { AssessmentAnswers } from './assessment-answers.ts';
import { asamDimensions } from './assessment-questionnaire.ts';

export interface ScoreView {
  instrument: string;
  system: string;
  code: string;
  display: string;
  score: number;
  band: string | null;
  effectiveAt: string;
  sourceId: string;
  scoreId: string;
}

export interface AssessmentView {
  assessmentId: string;
  memberId: string;
  status: 'in-progress' | 'completed';
  authoredAt: string;
  facilityNpi: string | null;
  answers: AssessmentAnswers;
  levelOfCare: string | null;
  scores: ScoreView[];
  notScored: { instrument: string; reason: string }[];
}

/**
 * Stores an assessment and the score of each instrument it completes, in one transaction.
 * A partial instrument is stored as answered and reported as not scored, with the reason.
 */
export async function saveAssessment(
  db: OpsDb,
  input: {
    memberId: string;
    status: 'in-progress' | 'completed';
    answers: AssessmentAnswers;
    facilityNpi: string | null;
  },
  actor: Actor,
): Promise<{
  assessmentId: string;
  scores: ScoreView[];
  notScored: { instrument: string; reason: string }[];
}> {
  const assessmentId = crypto.randomUUID();
  const authoredAt = new Date();
  const results = scoreAnswers(input.answers);
  const scores: ScoreView[] = results.flatMap((r) =>
    r.kind === 'scored'
      ? r.scores.map((s) => ({
          instrument: r.instrument.code,
          system: s.scale.system,
          code: s.scale.code,
          display: s.scale.display,
          score: s.score,
          band: s.band,
          effectiveAt: authoredAt.toISOString(),
          sourceId: assessmentId,
          scoreId: crypto.randomUUID(),
        }))
      : [],
  );
  const notScored = results.flatMap((r) =>
    r.kind === 'not_scored' ? [{ instrument: r.instrument.code, reason: r.reason }] : [],
  );
  const asam = Object.fromEntries(
    asamDimensions.filter((d) => input.answers[d] != null).map((d) => [d, Number(input.answers[d])]),
  );
  await recoveryDb(db)
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('assessment')
        .values({
          assessment_id: assessmentId,
          member_id: input.memberId,
          case_id: null,
          facility_npi: input.facilityNpi,
          status: input.status,
          answers: JSON.stringify(input.answers),
          asam: JSON.stringify(asam),
          level_of_care: typeof input.answers['asam-level'] === 'string' ? input.answers['asam-level'] : null,
          authored_at: authoredAt,
          author_id: actor.userId,
        })
        .execute();
      if (scores.length > 0)
        await trx
          .insertInto('instrument_score')
          .values(
            scores.map((s) => ({
              score_id: s.scoreId,
              member_id: input.memberId,
              source_kind: 'assessment' as const,
              source_id: assessmentId,
              instrument: s.instrument,
              system: s.system,
              code: s.code,
              display: s.display,
              score: s.score,
              band: s.band,
              effective_at: authoredAt,
            })),
          )
          .execute();
    });
  return { assessmentId, scores, notScored };
}

/** The member's scores over time, oldest first: repeated instruments give a trend. */
export async function listScores(db: OpsDb, memberId: string): Promise<ScoreView[]> {
  const rows = await recoveryDb(db)
    .selectFrom('instrument_score')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('effective_at')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    instrument: r.instrument,
    system: r.system,
    code: r.code,
    display: r.display,
    score: r.score,
    band: r.band,
    effectiveAt: new Date(r.effective_at).toISOString(),
    sourceId: r.source_id,
    scoreId: r.score_id,
  }));
}

/** The member's assessments, newest first, each with its scores and what it could not score. */
export async function listAssessments(db: OpsDb, memberId: string): Promise<AssessmentView[]> {
  const rows = await recoveryDb(db)
    .selectFrom('assessment')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('authored_at', 'desc')
    .execute();
  const scores = await listScores(db, memberId);
  return rows.map((r) => {
    const answers = r.answers as AssessmentAnswers;
    return {
      assessmentId: r.assessment_id,
      memberId: r.member_id,
      status: r.status,
      authoredAt: new Date(r.authored_at).toISOString(),
      facilityNpi: r.facility_npi,
      answers,
      levelOfCare: r.level_of_care,
      scores: scores.filter((s) => s.sourceId === r.assessment_id),
      notScored: scoreAnswers(answers).flatMap((x) =>
        x.kind === 'not_scored' ? [{ instrument: x.instrument.code, reason: x.reason }] : [],
      ),
    };
  });
}
