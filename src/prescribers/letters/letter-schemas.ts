import { z } from 'zod';

/** The response shapes of the letter routes (RISK-RULES §8); the web app reads their types. */
export const letterSummary = z.object({
  letterId: z.string(),
  runId: z.string(),
  asOf: z.string(),
  prescriberNpi: z.string(),
  prescriberName: z.string().nullable(),
  status: z.enum(['generated', 'sent', 'superseded']),
  memberCount: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  sentBy: z.string().nullable(),
});
export type LetterSummary = z.output<typeof letterSummary>;

/** GET /api/prescribers/ranking: prescribers ranked by their high-risk patients, with each member's numbers. */
export const prescriberRankingView = z.object({
  asOf: z.string(),
  prescribers: z.array(
    z.object({
      npi: z.string(),
      name: z.string().nullable(),
      volume: z.object({
        opioidFills: z.number(),
        opioidPatients: z.number(),
        opioidDaysSupply: z.number(),
        highRiskPatients: z.number(),
      }),
      members: z.array(
        z.object({
          memberId: z.string(),
          factors: z.array(z.string()),
          averageDailyMmeW180: z.number().nullable(),
          prescribersW180: z.number(),
          pharmaciesW180: z.number(),
          overlapDaysW180: z.number(),
          fillsByThisPrescriber: z.number(),
        }),
      ),
    }),
  ),
});
export type PrescriberRanking = z.output<typeof prescriberRankingView>;

/** POST /api/letters/runs: what a letter run made. */
export const letterRunView = z.object({
  runId: z.string(),
  asOf: z.string(),
  counts: z.object({
    highRiskMembers: z.number(),
    pairs: z.number(),
    suppressed: z.number(),
    letters: z.number(),
    part2Withheld: z.number(),
  }),
  letters: z.array(z.object({ letterId: z.string(), prescriberNpi: z.string(), members: z.number() })),
});
export type LetterRun = z.output<typeof letterRunView>;

/** GET /api/letters/:letterId: one letter, its members, events and the pairs its run suppressed. */
export const letterDetailView = z.object({
  letter: letterSummary,
  members: z.array(
    z.object({
      memberId: z.string(),
      disclosedFactorCodes: z.array(z.string()),
      newFactorCodes: z.array(z.string()),
      withheldPart2: z.number(),
    }),
  ),
  events: z.array(
    z.object({
      kind: z.string(),
      at: z.string(),
      actor: z.string().nullable(),
      detail: z.string().nullable(),
      deliveryId: z.string().nullable(),
    }),
  ),
  suppressedInRun: z.array(
    z.object({
      prescriberNpi: z.string(),
      memberId: z.string(),
      priorSentOn: z.string(),
      reason: z.string(),
    }),
  ),
});
export type LetterDetail = z.output<typeof letterDetailView>;

/** GET /api/letters/report: every sent letter's member, why, and what was new. */
export const letterReportView = z.object({
  items: z.array(
    z.object({
      letterId: z.string(),
      asOf: z.string(),
      prescriberNpi: z.string(),
      prescriberName: z.string().nullable(),
      sentAt: z.string(),
      sentBy: z.string().nullable(),
      memberId: z.string(),
      why: z.array(z.string()),
      newSinceLastLetter: z.array(z.string()),
      part2FactsLeftOut: z.number(),
    }),
  ),
});
export type LetterReport = z.output<typeof letterReportView>;
