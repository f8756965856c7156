import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { proposeLockIn } from './lock-in-clock.ts';
import { transitionLockIn } from './lock-in-machine.ts';
import { renderInitialNotice, renderSecondNotice } from './lock-in-notice-pdf.ts';
import type { LockIn } from './lock-in-types.ts';

async function text(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const to = { name: 'Alex Rivera', addressLines: ['12 Elm Street', 'Newark, NJ 07102'] };

function noticed(): LockIn {
  let l = proposeLockIn(
    'L1',
    'M1',
    {
      criteria: ['MME_AND_MULTIPLE_PROVIDERS'],
      averageDailyMmeW180: 135,
      prescribersW180: 4,
      pharmaciesW180: 3,
      asOf: '2026-06-30',
    },
    '2026-07-01',
    'p',
  ).lockIn;
  l = transitionLockIn(l, { kind: 'decide', scope: 'both', rationale: 'r' }, '2026-07-01', 'p').lockIn;
  return transitionLockIn(l, { kind: 'send_initial_notice' }, '2026-07-02', 'p').lockIn;
}

describe('lock-in member notices', () => {
  it('initial notice gives the reason, the 30-day deadline and what is never limited', async () => {
    const t = await text(await renderInitialNotice(noticed(), to));
    expect(t).toContain('Alex Rivera');
    expect(t).toContain('135.00 morphine milligram equivalents');
    expect(t).toContain('4 prescribers and 3 pharmacies');
    expect(t).toContain('You have until August 1, 2026 to respond');
    expect(t).toContain('one pharmacy and one prescriber');
    expect(t).toContain('medication for opioid use disorder');
    expect(t).toContain('988');
  });

  it('second notice names the pharmacy and prescriber, the dates and the right to appeal', async () => {
    const l = transitionLockIn(
      noticed(),
      {
        kind: 'send_second_notice',
        effectiveFrom: '2026-08-15',
        pharmacyNpi: '1003000126',
        prescriberNpi: '1234567893',
      },
      '2026-08-02',
      'p',
    ).lockIn;
    const t = await text(await renderSecondNotice(l, to, new Map([['1003000126', 'Main Street Pharmacy']])));
    expect(t).toContain('Pharmacy: Main Street Pharmacy (NPI 1003000126)');
    expect(t).toContain('Prescriber: NPI 1234567893');
    expect(t).toContain('From August 15, 2026 to August 14, 2027');
    expect(t).toContain('We did not hear from you within 30 days');
    expect(t).toContain('Your right to appeal');
  });
});
