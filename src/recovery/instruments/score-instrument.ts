import { auditC } from './audit-c.ts';
import { bam } from './bam.ts';
import { barc10 } from './barc10.ts';
import { gad7 } from './gad7.ts';
import type { Instrument, InstrumentScale } from './instrument.ts';
import { phq9 } from './phq9.ts';

/** Every instrument the assessment scores, in the order it asks them. */
export const instruments: readonly Instrument[] = [phq9, gad7, auditC, bam, barc10];

/** A coded answer per link id, as the assessment stores it. */
export type Answers = Readonly<Record<string, unknown>>;

export interface ScaleScore {
  instrument: string;
  scale: InstrumentScale;
  score: number;
  band: string | null;
}

export type InstrumentResult =
  | { kind: 'scored'; instrument: Instrument; scores: ScaleScore[] }
  | { kind: 'not_scored'; instrument: Instrument; reason: string };

/**
 * Scores one instrument from coded answers. A scale is scored only when every one of its
 * items has one of the item's own answer codes: a missing item, or text in place of a
 * code, refuses the score (the instrument's norms do not hold for a partial sum).
 */
export function scoreInstrument(instrument: Instrument, answers: Answers): InstrumentResult {
  const itemScore = new Map<string, number>();
  for (const item of instrument.items) {
    const answer = answers[item.linkId];
    if (answer === undefined || answer === null) continue;
    const option = item.options.find((o) => o.code === answer);
    if (!option)
      return {
        kind: 'not_scored',
        instrument,
        reason: `${item.linkId} is not one of the item's answers`,
      };
    itemScore.set(item.linkId, option.score);
  }
  const scores: ScaleScore[] = [];
  for (const scale of instrument.scales) {
    const absent = scale.linkIds.filter((id) => !itemScore.has(id));
    if (absent.length > 0)
      return {
        kind: 'not_scored',
        instrument,
        reason: `${absent.length} of ${scale.linkIds.length} items unanswered (${absent.join(', ')})`,
      };
    const score = scale.linkIds.reduce((sum, id) => sum + itemScore.get(id)!, 0);
    scores.push({ instrument: instrument.code, scale, score, band: scale.band?.(score) ?? null });
  }
  return { kind: 'scored', instrument, scores };
}

/** Every instrument the answers touch, scored or refused; instruments with no answer at all are left out. */
export function scoreAnswers(answers: Answers): InstrumentResult[] {
  return instruments
    .filter((i) =>
      i.items.some((item) => answers[item.linkId] !== undefined && answers[item.linkId] !== null),
    )
    .map((i) => scoreInstrument(i, answers));
}
