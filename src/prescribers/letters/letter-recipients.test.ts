import { describe, expect, it } from 'vitest';
import { applySuppression, findRecipients } from './letter-recipients.ts';
import type { L90Fill } from './letter-types.ts';

const fill = (memberId: string, prescriberNpi: string, claimId: string): L90Fill => ({
  memberId,
  prescriberNpi,
  claimId,
  fillDate: '2026-06-01',
  drugClass: 'opioid_analgesic',
});

describe('letter recipients', () => {
  it('names each distinct prescriber of a high-risk member once, and nobody for other members', () => {
    const r = findRecipients(new Set(['M1']), [
      fill('M1', 'P2', 'a'),
      fill('M1', 'P1', 'b'),
      fill('M1', 'P1', 'c'),
      fill('M1', '', 'd'),
      fill('M2', 'P3', 'e'),
    ]);
    expect(r.map((x) => [x.prescriberNpi, x.memberId, x.fills.length])).toEqual([
      ['P1', 'M1', 2],
      ['P2', 'M1', 1],
    ]);
  });
});

describe('suppression (RISK-RULES §8)', () => {
  const recipients = findRecipients(new Set(['M1']), [fill('M1', 'P1', 'a')]);
  const factors = (codes: string[]) => () => codes;

  it('suppresses a repeat within 180 days when no new factor appeared', () => {
    const [d] = applySuppression(
      recipients,
      factors(['HIGH_MME']),
      [
        {
          prescriberNpi: 'P1',
          memberId: 'M1',
          sentOn: '2026-01-02',
          factorCodes: ['HIGH_MME', 'OPIOID_BENZO_OVERLAP'],
        },
      ],
      '2026-06-30',
    );
    expect(d).toMatchObject({ kind: 'suppressed', priorSentOn: '2026-01-02' });
  });

  it('sends again on day 181', () => {
    const [d] = applySuppression(
      recipients,
      factors(['HIGH_MME']),
      [{ prescriberNpi: 'P1', memberId: 'M1', sentOn: '2026-01-01', factorCodes: ['HIGH_MME'] }],
      '2026-06-30',
    );
    expect(d?.kind).toBe('send');
  });

  it('sends again within 180 days when a new factor appeared, naming it', () => {
    const [d] = applySuppression(
      recipients,
      factors(['HIGH_MME', 'OPIOID_OVERDOSE_HISTORY']),
      [{ prescriberNpi: 'P1', memberId: 'M1', sentOn: '2026-06-01', factorCodes: ['HIGH_MME'] }],
      '2026-06-30',
    );
    expect(d).toMatchObject({ kind: 'send', newFactorCodes: ['OPIOID_OVERDOSE_HISTORY'] });
  });

  it('judges against the latest letter, and a letter to another prescriber does not count', () => {
    const [d] = applySuppression(
      recipients,
      factors(['HIGH_MME', 'OPIOID_OVERDOSE_HISTORY']),
      [
        {
          prescriberNpi: 'P1',
          memberId: 'M1',
          sentOn: '2026-03-01',
          factorCodes: ['HIGH_MME', 'OPIOID_OVERDOSE_HISTORY'],
        },
        { prescriberNpi: 'P1', memberId: 'M1', sentOn: '2026-05-01', factorCodes: ['HIGH_MME'] },
        {
          prescriberNpi: 'P9',
          memberId: 'M1',
          sentOn: '2026-06-01',
          factorCodes: ['HIGH_MME', 'OPIOID_OVERDOSE_HISTORY'],
        },
      ],
      '2026-06-30',
    );
    expect(d?.kind).toBe('send');
  });
});
