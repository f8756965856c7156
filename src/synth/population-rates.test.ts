import { beforeAll, describe, expect, it } from 'vitest';
import { type Market, marketCounties, marketStates, marketZip3 } from '../reference/markets.ts';
import { diagnosisSets, inCodeSet } from '../reference/value-sets.ts';
import { endOfMonth, parseDay } from './dates.ts';
import { generateMember, type MemberRecords } from './generate-member.ts';
import { type PopulationRates, RateMeter } from './population-rates.ts';
import { buildProviderDirectory } from './providers.ts';

const asOf = parseDay('2026-06-30');

function* population(members: number, enrichment: number, seed = 42): Generator<MemberRecords> {
  const directory = buildProviderDirectory(members);
  for (let seq = 1; seq <= members; seq++) {
    yield generateMember(seq, { seed, windowStart: asOf - 729, asOf, enrichment, directory });
  }
}

function measure(members: number, enrichment: number): PopulationRates {
  const meter = new RateMeter(asOf);
  for (const records of population(members, enrichment)) meter.add(records);
  return meter.result();
}

describe('rates at enrichment 1 (a commercial plan, loose bounds)', () => {
  let rates: PopulationRates;
  beforeAll(() => {
    rates = measure(20_000, 1);
  });

  it('has 10–15 % of members filling an opioid in a year and 2–4 % on long-term therapy', () => {
    expect(rates.opioidUserShare).toBeGreaterThan(0.08);
    expect(rates.opioidUserShare).toBeLessThan(0.17);
    expect(rates.longTermOpioidShare).toBeGreaterThan(0.015);
    expect(rates.longTermOpioidShare).toBeLessThan(0.045);
  });

  it('has 5–10 % of opioid users at 90 MME, 10–20 % overlapping a benzodiazepine, under 1 % shopping', () => {
    expect(rates.highMmeShareOfUsers).toBeGreaterThan(0.03);
    expect(rates.highMmeShareOfUsers).toBeLessThan(0.13);
    expect(rates.benzoOverlapShareOfUsers).toBeGreaterThan(0.07);
    expect(rates.benzoOverlapShareOfUsers).toBeLessThan(0.25);
    expect(rates.shoppingShareOfUsers).toBeGreaterThan(0);
    expect(rates.shoppingShareOfUsers).toBeLessThan(0.012);
  });

  it('has 0.3–0.8 % with diagnosed OUD, a quarter to two fifths of them on MOUD', () => {
    expect(rates.oudShare).toBeGreaterThan(0.002);
    expect(rates.oudShare).toBeLessThan(0.01);
    expect(rates.moudShareOfOud).toBeGreaterThan(0.15);
    expect(rates.moudShareOfOud).toBeLessThan(0.5);
  });

  it('has 15–25 ED visits per 100 members a year and 0.3–1 overdoses per 1,000', () => {
    expect(rates.edVisitsPer100).toBeGreaterThan(14);
    expect(rates.edVisitsPer100).toBeLessThan(26);
    expect(rates.overdosesPer1000).toBeGreaterThan(0.2);
    expect(rates.overdosesPer1000).toBeLessThan(1.6);
  });

  it('gives a few members in ten thousand a withdrawal management (detox) service in a year', () => {
    expect(rates.detoxPer1000).toBeGreaterThan(0.05);
    expect(rates.detoxPer1000).toBeLessThan(3);
  });

  it('puts about 60 % in the focus markets, mostly commercial, about 30 claim lines a member', () => {
    expect(rates.focusMarketShare).toBeGreaterThan(0.55);
    expect(rates.focusMarketShare).toBeLessThan(0.65);
    expect(rates.commercialShare).toBeGreaterThan(0.8);
    expect(rates.commercialShare).toBeLessThan(0.9);
    expect(rates.claimLinesPerMember).toBeGreaterThan(24);
    expect(rates.claimLinesPerMember).toBeLessThan(36);
  });
});

describe('risk enrichment', () => {
  it('gives a 3,000-member demo at enrichment 20 a few hundred worklist-like members, far more than enrichment 1', () => {
    const plain = measure(3_000, 1);
    const enriched = measure(3_000, 20);
    expect(enriched.worklistLike).toBeGreaterThan(150);
    expect(enriched.worklistLike).toBeGreaterThan(plain.worklistLike * 10);
  });
});

type Rule = 'county' | 'zip3' | 'state' | 'other';

/** Which step of RISK-RULES §2 decides a member's market. */
function decidingRule(m: { countyFips: string | null; zip: string; state: string }): [Rule, Market] {
  if (m.countyFips && marketCounties[m.countyFips]) return ['county', marketCounties[m.countyFips] as Market];
  if (!m.countyFips && marketZip3[m.zip.slice(0, 3)])
    return ['zip3', marketZip3[m.zip.slice(0, 3)] as Market];
  if (marketStates[m.state]) return ['state', marketStates[m.state] as Market];
  return ['other', 'other'];
}

describe('members and their coverage', () => {
  const sample = [...population(4_000, 3)];

  it('exercises every market rule: county, ZIP3 without a county, state, and other', () => {
    const seen = new Set(sample.map(({ member }) => decidingRule(member).join(':')));
    for (const market of ['NYC', 'CHICAGO', 'PHILADELPHIA', 'DC']) {
      expect(seen).toContain(`county:${market}`);
      expect(seen).toContain(`zip3:${market}`);
    }
    for (const market of ['CT', 'MD', 'NJ', 'VA']) expect(seen).toContain(`state:${market}`);
    expect(seen).toContain('other:other');
    // A county outside the markets decides "other" even where the state is NY or PA.
    expect(sample.some(({ member }) => member.countyFips === '36119' && member.market === 'other')).toBe(
      true,
    );
    for (const { member } of sample) expect(member.market).toBe(decidingRule(member)[1]);
  });

  it('bills claims only while the member is enrolled and never after the as-of date', () => {
    const outside: string[] = [];
    for (const { member, claims } of sample) {
      for (const c of claims) {
        const day = c.kind === 'pharmacy' ? c.fillDay : c.startDay;
        if (day > asOf || !member.spans.some((s) => s.start <= day && day <= s.end)) outside.push(c.claimId);
      }
    }
    expect(outside).toEqual([]);
    expect(sample.reduce((n, r) => n + r.claims.length, 0)).toBeGreaterThan(50_000);
  });

  it('has every plan type and line of business, enrollment gaps and ends', () => {
    const planTypes = new Set(sample.flatMap(({ member }) => member.spans.map((s) => s.plan.planType)));
    expect([...planTypes].sort()).toEqual(['EPO', 'HMO', 'POS', 'PPO']);
    const lobs = new Set(sample.flatMap(({ member }) => member.spans.map((s) => s.plan.lineOfBusiness)));
    expect([...lobs].sort()).toEqual(['commercial', 'medicaid', 'medicare']);
    expect(
      sample.some(
        ({ member }) =>
          member.spans.length === 2 && (member.spans[1]?.start ?? 0) > (member.spans[0]?.end ?? 0) + 1,
      ),
    ).toBe(true);
    expect(sample.some(({ member }) => (member.spans.at(-1)?.end ?? Infinity) < asOf)).toBe(true);
  });
});

describe('overdoses', () => {
  it('has survivors, repeats, and fatal-looking overdoses after which claims and coverage stop', () => {
    let fatal = 0;
    let survived = 0;
    let repeated = 0;
    for (const { member, claims } of population(2_500, 30, 77)) {
      const overdoseDays = claims
        .filter(
          (c) => c.kind === 'medical' && c.diagnoses.some((d) => inCodeSet(diagnosisSets.opioidOverdose, d)),
        )
        .map((c) => (c.kind === 'medical' ? c.startDay : 0));
      if (overdoseDays.length === 0) continue;
      const last = Math.max(...overdoseDays);
      const lastClaim = Math.max(...claims.map((c) => (c.kind === 'pharmacy' ? c.fillDay : c.startDay)));
      const coverageEnd = Math.max(...member.spans.map((s) => s.end));
      if (new Set(overdoseDays).size > 1) repeated++;
      if (lastClaim === last && coverageEnd === endOfMonth(last)) fatal++;
      else if (lastClaim > last) survived++;
    }
    expect(fatal).toBeGreaterThan(0);
    expect(survived).toBeGreaterThan(fatal);
    expect(repeated).toBeGreaterThan(0);
  });
});
