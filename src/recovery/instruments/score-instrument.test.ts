import { describe, expect, it } from 'vitest';
import { auditC } from './audit-c.ts';
import { bam } from './bam.ts';
import { barc10 } from './barc10.ts';
import { gad7 } from './gad7.ts';
import type { Instrument } from './instrument.ts';
import { phq9 } from './phq9.ts';
import { type Answers, scoreAnswers, scoreInstrument } from './score-instrument.ts';

/** Answers giving each item the option with the listed score. */
function answersScoring(instrument: Instrument, scores: readonly number[]): Record<string, string> {
  return Object.fromEntries(
    instrument.items.map((item, i) => [item.linkId, item.options.find((o) => o.score === scores[i])!.code]),
  );
}
function scored(instrument: Instrument, answers: Answers) {
  const result = scoreInstrument(instrument, answers);
  if (result.kind !== 'scored') throw new Error(`not scored: ${result.reason}`);
  return result.scores.map((s) => ({ code: s.scale.code, score: s.score, band: s.band }));
}

describe('PHQ-9 (total 0–27, bands at 5, 10, 15, 20)', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal'],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild'],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 'mild'],
    [[2, 2, 2, 2, 2, 0, 0, 0, 0], 10, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 2, 0, 0], 14, 'moderate'],
    [[3, 3, 3, 3, 3, 0, 0, 0, 0], 15, 'moderately severe'],
    [[3, 3, 3, 3, 3, 2, 2, 0, 0], 19, 'moderately severe'],
    [[3, 3, 3, 3, 3, 3, 2, 0, 0], 20, 'severe'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe'],
  ])('%j scores %i (%s) as LOINC 44261-6', (items, total, band) => {
    expect(scored(phq9, answersScoring(phq9, items))).toEqual([{ code: '44261-6', score: total, band }]);
  });
});

describe('GAD-7 (total 0–21, bands at 5, 10, 15)', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
    [[1, 1, 1, 1, 0, 0, 0], 4, 'minimal'],
    [[1, 1, 1, 1, 1, 0, 0], 5, 'mild'],
    [[2, 2, 2, 2, 1, 0, 0], 9, 'mild'],
    [[2, 2, 2, 2, 2, 0, 0], 10, 'moderate'],
    [[3, 3, 3, 3, 2, 0, 0], 14, 'moderate'],
    [[3, 3, 3, 3, 3, 0, 0], 15, 'severe'],
    [[3, 3, 3, 3, 3, 3, 3], 21, 'severe'],
  ])('%j scores %i (%s) as LOINC 70274-6', (items, total, band) => {
    expect(scored(gad7, answersScoring(gad7, items))).toEqual([{ code: '70274-6', score: total, band }]);
  });
});

describe('AUDIT-C (0–12; 4 or more positive, 3 positive for women)', () => {
  it.each([
    [[0, 0, 0], 0, 'negative'],
    [[1, 1, 0], 2, 'negative'],
    [[2, 1, 0], 3, 'positive for women'],
    [[2, 1, 1], 4, 'positive'],
    [[4, 4, 4], 12, 'positive'],
  ])('%j scores %i (%s)', (items, total, band) => {
    expect(scored(auditC, answersScoring(auditC, items))).toEqual([{ code: '75626-2', score: total, band }]);
  });
});

describe('Brief Addiction Monitor subscales', () => {
  // Items in order 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17.
  it('sums Use (4, 5, 6), Risk (1, 2, 3, 8, 11, 15) and Protective (9, 10, 12, 13, 14, 16)', () => {
    const answers = {
      'bam-1': '2', // good health → 2
      'bam-2': '4-8', // 2
      'bam-3': '9-15', // 3
      'bam-4': '1-3', // 1
      'bam-5': '0', // 0
      'bam-6': '16-30', // 4
      'bam-8': '3', // 3
      'bam-9': '1', // 1
      'bam-10': '0', // 0
      'bam-11': '1-3', // 1
      'bam-12': '4', // 4
      'bam-13': '16-30', // 4
      'bam-14': 'yes', // 4
      'bam-15': '2', // 2
      'bam-16': '9-15', // 3
      'bam-17': '2', // unscored
    };
    expect(scored(bam, answers)).toEqual([
      { code: 'bam-use', score: 5, band: null },
      { code: 'bam-risk', score: 13, band: null },
      { code: 'bam-protective', score: 16, band: null },
    ]);
  });
  it('bins days as the manual does: 0, 1–3, 4–8, 9–15, 16–30 → 0–4', () => {
    expect(bam.items.find((i) => i.linkId === 'bam-4')!.options.map((o) => [o.code, o.score])).toEqual([
      ['0', 0],
      ['1-3', 1],
      ['4-8', 2],
      ['9-15', 3],
      ['16-30', 4],
    ]);
  });
  it('scores without the unscored item 17', () => {
    const answers = answersScoring(bam, Array(16).fill(0));
    delete answers['bam-17'];
    expect(scored(bam, answers).map((s) => s.score)).toEqual([0, 0, 0]);
  });
});

describe('BARC-10 (10–60; 47 the cut point)', () => {
  it.each([
    [Array(10).fill(1), 10, 'recovery capital below 47'],
    [[5, 5, 5, 5, 5, 5, 5, 4, 4, 3], 46, 'recovery capital below 47'],
    [[5, 5, 5, 5, 5, 5, 5, 4, 4, 4], 47, 'recovery capital at or above 47'],
    [Array(10).fill(6), 60, 'recovery capital at or above 47'],
  ])('%j scores %i', (items, total, band) => {
    expect(scored(barc10, answersScoring(barc10, items))).toEqual([
      { code: 'barc10-total', score: total, band },
    ]);
  });
});

describe('refusing a score', () => {
  it('refuses a partial instrument, naming the unanswered items', () => {
    const answers = answersScoring(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    delete answers['phq9-9'];
    const result = scoreInstrument(phq9, answers);
    expect(result).toMatchObject({ kind: 'not_scored', reason: '1 of 9 items unanswered (phq9-9)' });
  });
  it('refuses free text in place of a coded answer', () => {
    const answers = { ...answersScoring(gad7, [0, 0, 0, 0, 0, 0, 0]), 'gad7-3': 'sometimes, I guess' };
    expect(scoreInstrument(gad7, answers)).toMatchObject({
      kind: 'not_scored',
      reason: expect.stringContaining('gad7-3'),
    });
  });
  it('refuses a number in place of the answer code', () => {
    const answers = { ...answersScoring(auditC, [0, 0, 0]), 'auditc-1': 0 };
    expect(scoreInstrument(auditC, answers).kind).toBe('not_scored');
  });
  it('scores only the instruments the answers touch', () => {
    const results = scoreAnswers(answersScoring(gad7, [1, 1, 1, 1, 1, 1, 1]));
    expect(results.map((r) => [r.instrument.code, r.kind])).toEqual([['gad7', 'scored']]);
  });
});
