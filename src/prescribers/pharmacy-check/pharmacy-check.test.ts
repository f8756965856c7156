import { describe, expect, it } from 'vitest';
import { proposeLockIn } from '../lock-in/lock-in-clock.ts';
import type { LockIn } from '../lock-in/lock-in-types.ts';
import { checkPharmacyClaim, defaultPharmacyCheckPolicy } from './pharmacy-check.ts';
import { buildPharmacyCheckIndex, type DrugClass } from './pharmacy-check-index.ts';

const drugs: Array<{ ndc: string; drugClass: DrugClass; ingredient?: string }> = [
  { ndc: 'OXY', drugClass: 'opioid_analgesic' },
  { ndc: 'BUP', drugClass: 'buprenorphine' },
  { ndc: 'NTX', drugClass: 'naltrexone' },
  { ndc: 'NLX', drugClass: 'naloxone' },
  { ndc: 'ALP', drugClass: 'benzodiazepine' },
  { ndc: 'BUP-PATCH', drugClass: 'opioid_analgesic', ingredient: 'buprenorphine' },
];

function lockedIn(
  memberId: string,
  scope: 'pharmacy' | 'prescriber' | 'both',
  state: LockIn['state'] = 'active',
): LockIn {
  const base = proposeLockIn(
    `L-${memberId}`,
    memberId,
    { criteria: [], averageDailyMmeW180: null, prescribersW180: 0, pharmaciesW180: 0, asOf: '2026-01-01' },
    '2026-01-01',
    'p',
  ).lockIn;
  return {
    ...base,
    state,
    scope,
    pharmacyNpi: scope === 'prescriber' ? null : 'PH-LOCK',
    prescriberNpi: scope === 'pharmacy' ? null : 'PR-LOCK',
    effectiveFrom: '2026-03-01',
    endsOn: '2027-02-28',
  };
}

const index = buildPharmacyCheckIndex(drugs, [
  lockedIn('BOTH', 'both'),
  lockedIn('PHARM', 'pharmacy'),
  lockedIn('PRESC', 'prescriber'),
  lockedIn('DONE', 'both', 'expired'),
  lockedIn('PENDING', 'both', 'decided'),
]);

const claim = { ndc: 'OXY', pharmacyNpi: 'PH-LOCK', prescriberNpi: 'PR-LOCK', date: '2026-06-01' };

describe('pharmacy check', () => {
  const table: Array<
    [string, Partial<typeof claim> & { memberId: string; daysSupply?: number }, 'allow' | 'deny', string]
  > = [
    [
      'opioid at the locked pharmacy from the locked prescriber',
      { memberId: 'BOTH' },
      'allow',
      'LOCKED_PROVIDERS_MATCH',
    ],
    [
      'opioid at another pharmacy',
      { memberId: 'BOTH', pharmacyNpi: 'PH-X', daysSupply: 30 },
      'deny',
      'PHARMACY_NOT_LOCKED_IN',
    ],
    [
      'opioid from another prescriber',
      { memberId: 'BOTH', prescriberNpi: 'PR-X', daysSupply: 30 },
      'deny',
      'PRESCRIBER_NOT_LOCKED_IN',
    ],
    [
      'opioid elsewhere from someone else',
      { memberId: 'BOTH', pharmacyNpi: 'PH-X', prescriberNpi: 'PR-X' },
      'deny',
      'PHARMACY_AND_PRESCRIBER_NOT_LOCKED_IN',
    ],
    [
      'pharmacy-only lock-in ignores the prescriber',
      { memberId: 'PHARM', prescriberNpi: 'PR-X' },
      'allow',
      'LOCKED_PROVIDERS_MATCH',
    ],
    [
      'pharmacy-only lock-in denies another pharmacy',
      { memberId: 'PHARM', pharmacyNpi: 'PH-X' },
      'deny',
      'PHARMACY_NOT_LOCKED_IN',
    ],
    [
      'prescriber-only lock-in ignores the pharmacy',
      { memberId: 'PRESC', pharmacyNpi: 'PH-X' },
      'allow',
      'LOCKED_PROVIDERS_MATCH',
    ],
    [
      'prescriber-only lock-in denies another prescriber',
      { memberId: 'PRESC', prescriberNpi: 'PR-X' },
      'deny',
      'PRESCRIBER_NOT_LOCKED_IN',
    ],
    [
      'emergency supply of 3 days elsewhere',
      { memberId: 'BOTH', pharmacyNpi: 'PH-X', daysSupply: 3 },
      'allow',
      'EMERGENCY_SUPPLY',
    ],
    [
      '4 days is not an emergency supply',
      { memberId: 'BOTH', pharmacyNpi: 'PH-X', daysSupply: 4 },
      'deny',
      'PHARMACY_NOT_LOCKED_IN',
    ],
    [
      'buprenorphine elsewhere',
      { memberId: 'BOTH', ndc: 'BUP', pharmacyNpi: 'PH-X', prescriberNpi: 'PR-X' },
      'allow',
      'MOUD_NEVER_BLOCKED',
    ],
    [
      'a buprenorphine patch a file classes as an opioid analgesic',
      { memberId: 'BOTH', ndc: 'BUP-PATCH', pharmacyNpi: 'PH-X' },
      'allow',
      'MOUD_NEVER_BLOCKED',
    ],
    [
      'naltrexone elsewhere',
      { memberId: 'BOTH', ndc: 'NTX', pharmacyNpi: 'PH-X' },
      'allow',
      'MOUD_NEVER_BLOCKED',
    ],
    [
      'naloxone elsewhere',
      { memberId: 'BOTH', ndc: 'NLX', pharmacyNpi: 'PH-X' },
      'allow',
      'NALOXONE_NEVER_BLOCKED',
    ],
    [
      'benzodiazepine elsewhere (not limited by default)',
      { memberId: 'BOTH', ndc: 'ALP', pharmacyNpi: 'PH-X' },
      'allow',
      'NOT_LIMITED_DRUG',
    ],
    ['a member with no lock-in', { memberId: 'NOBODY', pharmacyNpi: 'PH-X' }, 'allow', 'NO_LOCK_IN'],
    [
      'the day before the effective date',
      { memberId: 'BOTH', pharmacyNpi: 'PH-X', date: '2026-02-28' },
      'allow',
      'NO_LOCK_IN',
    ],
    [
      'the effective date',
      { memberId: 'BOTH', pharmacyNpi: 'PH-X', date: '2026-03-01' },
      'deny',
      'PHARMACY_NOT_LOCKED_IN',
    ],
    [
      'the last day',
      { memberId: 'BOTH', pharmacyNpi: 'PH-X', date: '2027-02-28' },
      'deny',
      'PHARMACY_NOT_LOCKED_IN',
    ],
    [
      'the day after the last day',
      { memberId: 'BOTH', pharmacyNpi: 'PH-X', date: '2027-03-01' },
      'allow',
      'NO_LOCK_IN',
    ],
    ['an expired lock-in', { memberId: 'DONE', pharmacyNpi: 'PH-X' }, 'allow', 'NO_LOCK_IN'],
    [
      'a decided lock-in not yet confirmed',
      { memberId: 'PENDING', pharmacyNpi: 'PH-X' },
      'allow',
      'NO_LOCK_IN',
    ],
    [
      'an NDC outside the reference',
      { memberId: 'BOTH', ndc: '00000000000', pharmacyNpi: 'PH-X' },
      'allow',
      'UNKNOWN_NDC',
    ],
  ];
  for (const [name, overrides, decision, reason] of table) {
    it(`${decision}s ${name} (${reason})`, () => {
      const result = checkPharmacyClaim(index, { ...claim, ...overrides });
      expect(result).toMatchObject({ decision, reason });
    });
  }

  it('warns on an emergency supply and names the lock-in', () => {
    const result = checkPharmacyClaim(index, {
      ...claim,
      memberId: 'BOTH',
      pharmacyNpi: 'PH-X',
      daysSupply: 2,
    });
    expect(result.lockInId).toBe('L-BOTH');
    expect(result.warnings[0]).toContain('emergency supply of up to 3 days');
  });

  it('limits benzodiazepines when the policy says so', () => {
    const policy = {
      ...defaultPharmacyCheckPolicy,
      limitedClasses: new Set<DrugClass>(['opioid_analgesic', 'benzodiazepine']),
    };
    const result = checkPharmacyClaim(
      index,
      { ...claim, memberId: 'BOTH', ndc: 'ALP', pharmacyNpi: 'PH-X' },
      policy,
    );
    expect(result.decision).toBe('deny');
  });

  it('picks up a change to one member without a rebuild', () => {
    const local = buildPharmacyCheckIndex(drugs, []);
    expect(checkPharmacyClaim(local, { ...claim, memberId: 'NEW', pharmacyNpi: 'PH-X' }).decision).toBe(
      'allow',
    );
    local.replaceMember('NEW', [lockedIn('NEW', 'pharmacy')]);
    expect(checkPharmacyClaim(local, { ...claim, memberId: 'NEW', pharmacyNpi: 'PH-X' }).decision).toBe(
      'deny',
    );
    local.replaceMember('NEW', [lockedIn('NEW', 'pharmacy', 'ended')]);
    expect(checkPharmacyClaim(local, { ...claim, memberId: 'NEW', pharmacyNpi: 'PH-X' }).decision).toBe(
      'allow',
    );
  });
});
