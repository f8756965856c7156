import { describe, expect, it } from 'vitest';
import { diagnosisSets, inCodeSet } from '../reference/value-sets.ts';
import { parseDay } from './dates.ts';
import { generateMember, type MemberRecords } from './generate-member.ts';
import { buildProviderDirectory } from './providers.ts';

const asOf = parseDay('2026-06-30');
const start = parseDay('2025-07-01');
const members = 6000;
const directory = buildProviderDirectory(members);

function population(program?: { start: number; reachedShare: number; reduction: number }): MemberRecords[] {
  const out: MemberRecords[] = [];
  for (let seq = 1; seq <= members; seq++)
    out.push(
      generateMember(seq, { seed: 5, windowStart: asOf - 729, asOf, enrichment: 20, directory, program }),
    );
  return out;
}

const overdoseDays = (r: MemberRecords) =>
  r.claims
    .filter((c) => c.kind === 'medical' && c.version === 1)
    .filter(
      (c) => c.kind === 'medical' && c.diagnoses.some((d) => inCodeSet(diagnosisSets.opioidOverdose, d)),
    )
    .map((c) => (c.kind === 'medical' ? c.startDay : 0));

describe('the modelled program effect (off by default)', () => {
  const without = population();
  const withEffect = population({ start, reachedShare: 1, reduction: 1 });

  it('changes nothing outside the focus markets, nor anything before the program start', () => {
    for (const [i, a] of without.entries()) {
      const b = withEffect[i]!;
      if (a.member.market === 'other') expect(b).toEqual(a);
      else expect(overdoseDays(b).filter((d) => d < start)).toEqual(overdoseDays(a).filter((d) => d < start));
    }
  });

  it('removes the overdoses of reached members in the focus markets after the start', () => {
    const overdosesAfterStart = (records: MemberRecords[]) =>
      records
        .filter((r) => r.member.market !== 'other')
        .flatMap(overdoseDays)
        .filter((d) => d >= start).length;
    expect(overdosesAfterStart(without)).toBeGreaterThan(20);
    expect(overdosesAfterStart(withEffect)).toBe(0);
  });
});
