import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildLetterMember } from './letter-facts.ts';
import { riskProfile } from './letter-fixtures.ts';
import { renderPrescriberLetter } from './letter-pdf.ts';
import type { PrescriberLetterContent } from './letter-types.ts';

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

function content(part2Allowed: boolean): PrescriberLetterContent {
  const member = buildLetterMember({
    profile: riskProfile('M1', {
      factors: [
        { code: 'HIGH_MME', value: 120.5, evidence: ['RX1'] },
        { code: 'OPIOID_BENZO_OVERLAP', value: 41, evidence: ['RX1'] },
        { code: 'OUD_DIAGNOSIS', value: null, evidence: ['MED-OUD'] },
      ],
      overlapDaysW180: 41,
    }),
    member: { name: 'Alex Rivera', birthDate: '1970-02-03' },
    fills: [
      {
        memberId: 'M1',
        prescriberNpi: '1234567893',
        claimId: 'RX1',
        fillDate: '2026-06-01',
        drugClass: 'opioid_analgesic',
      },
    ],
    part2ClaimIds: new Set(['MED-OUD']),
    part2Allowed,
  });
  return {
    asOf: '2026-06-30',
    prescriber: { npi: '1234567893', name: 'Dr. Jordan Lee' },
    members: [member],
    prescriberVolume: {
      npi: '1234567893',
      opioidFills: 37,
      opioidPatients: 12,
      opioidDaysSupply: 610,
      highRiskPatients: 1,
    },
  };
}

describe('prescriber letter PDF', () => {
  it('reads as a complete letter: letterhead, date, prescriber, facts, resources, lock-in, contact', async () => {
    const bytes = await renderPrescriberLetter(content(false), '2026-07-01');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    for (const expected of [
      'Checkpoint Health Plan',
      'July 1, 2026',
      'Dr. Jordan Lee',
      'NPI 1234567893',
      'Alex Rivera, born 1970-02-03 (member ID M1)',
      '120.50 morphine milligram equivalents',
      'overlapped on 41 days',
      '37 opioid prescriptions filled for 12 of our members',
      'Opioid and chronic-pain case management',
      'Medication for opioid use disorder (MOUD)',
      'Naloxone',
      '988',
      'How lock-in works',
      'pharmacy-safety@checkpoint.example',
    ])
      expect(text).toContain(expected);
  });

  it('leaves the OUD diagnosis and the Part 2 notice out without consent', async () => {
    const text = await pdfText(await renderPrescriberLetter(content(false), '2026-07-01'));
    expect(text).not.toContain('opioid use disorder in the last 12 months');
    expect(text).not.toContain('42 CFR part 2');
  });

  it('includes them with consent, with the redisclosure notice', async () => {
    const text = await pdfText(await renderPrescriberLetter(content(true), '2026-07-01'));
    expect(text).toContain('A diagnosis of opioid use disorder in the last 12 months');
    expect(text).toContain('federal confidentiality rules (42 CFR part 2)');
  });

  it('uses person-first words only', async () => {
    const text = (await pdfText(await renderPrescriberLetter(content(true), '2026-07-01'))).toLowerCase();
    for (const word of ['addict', 'abuser', 'junkie', 'clean', 'dirty', 'substitution', 'replacement'])
      expect(text).not.toMatch(new RegExp(`\\b${word}\\b`));
  });
});
