import { describe, expect, it } from 'vitest';
import { isHighRiskForPrescribers } from './high-risk-members.ts';
import { buildLetterMember } from './letter-facts.ts';
import { riskProfile } from './letter-fixtures.ts';
import type { L90Fill } from './letter-types.ts';

const fills: L90Fill[] = [
  {
    memberId: 'M1',
    prescriberNpi: 'P1',
    claimId: 'RX1',
    fillDate: '2026-05-01',
    drugClass: 'opioid_analgesic',
  },
  {
    memberId: 'M1',
    prescriberNpi: 'P1',
    claimId: 'RX9',
    fillDate: '2026-05-20',
    drugClass: 'benzodiazepine',
  },
];
const member = { name: 'Alex Rivera', birthDate: '1970-02-03' };

describe('letter facts', () => {
  it('leaves out OUD, MOUD and a Part 2-labeled overdose claim without consent, and counts them', () => {
    const m = buildLetterMember({
      profile: riskProfile('M1'),
      member,
      fills,
      part2ClaimIds: new Set(['MED-OD', 'MED-OUD']),
      part2Allowed: false,
    });
    const codes = m.facts.map((f) => f.code);
    expect(codes).toEqual(['HIGH_MME', 'MULTIPLE_PRESCRIBERS_PHARMACIES', 'PRESCRIBER_FILLS']);
    expect(m.withheldPart2).toBe(3);
    expect(m.disclosedFactorCodes).toEqual(['HIGH_MME', 'MULTIPLE_PRESCRIBERS_PHARMACIES']);
  });

  it('shows an unlabeled overdose claim without consent: it is not Part 2 information', () => {
    const m = buildLetterMember({
      profile: riskProfile('M1'),
      member,
      fills,
      part2ClaimIds: new Set(),
      part2Allowed: false,
    });
    expect(m.facts.map((f) => f.code)).toContain('OPIOID_OVERDOSE_HISTORY');
    expect(m.facts.map((f) => f.code)).not.toContain('OUD_DIAGNOSIS');
  });

  it('includes Part 2 facts, marked, when consent allows', () => {
    const m = buildLetterMember({
      profile: riskProfile('M1'),
      member,
      fills,
      part2ClaimIds: new Set(['MED-OD', 'MED-OUD']),
      part2Allowed: true,
    });
    expect(m.facts.filter((f) => f.part2).map((f) => f.code)).toEqual([
      'OPIOID_OVERDOSE_HISTORY',
      'OUD_DIAGNOSIS',
      'ON_MOUD',
    ]);
    expect(m.withheldPart2).toBe(0);
  });

  it('states the figures that make the member high risk, MME to 2 decimals', () => {
    const m = buildLetterMember({
      profile: riskProfile('M1'),
      member,
      fills,
      part2ClaimIds: new Set(),
      part2Allowed: false,
    });
    const text = m.facts.map((f) => f.text).join('\n');
    expect(text).toContain('120.50 morphine milligram equivalents');
    expect(text).toContain('from 4 prescribers, filled at 5 pharmacies');
    expect(text).toContain('1 opioid and 1 benzodiazepine (last filled 2026-05-20)');
  });
});

describe('high risk for prescribers (RISK-RULES §8)', () => {
  it('needs eligibility, no exclusion, an L90 opioid fill and a letter factor', () => {
    expect(isHighRiskForPrescribers(riskProfile('M1'), true)).toBe(true);
    expect(isHighRiskForPrescribers(riskProfile('M1'), false)).toBe(false);
    expect(isHighRiskForPrescribers(riskProfile('M1', { eligible: false }), true)).toBe(false);
    expect(isHighRiskForPrescribers(riskProfile('M1', { exclusions: ['CANCER'] }), true)).toBe(false);
    const onlyLongTerm = riskProfile('M1', {
      factors: [{ code: 'LONG_TERM_OPIOID', value: 120, evidence: [] }],
    });
    expect(isHighRiskForPrescribers(onlyLongTerm, true)).toBe(false);
  });
});
