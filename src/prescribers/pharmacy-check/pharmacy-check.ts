import type { DrugClass, LockInRule, PharmacyCheckIndex } from './pharmacy-check-index.ts';

/** A pharmacy's claim as it arrives at point of sale. */
export interface PharmacyClaimRequest {
  memberId: string;
  ndc: string;
  pharmacyNpi: string;
  prescriberNpi: string;
  date: string;
  daysSupply?: number | undefined;
}

export type PharmacyCheckReason =
  | 'NOT_LIMITED_DRUG'
  | 'UNKNOWN_NDC'
  | 'MOUD_NEVER_BLOCKED'
  | 'NALOXONE_NEVER_BLOCKED'
  | 'NO_LOCK_IN'
  | 'LOCKED_PROVIDERS_MATCH'
  | 'EMERGENCY_SUPPLY'
  | 'PHARMACY_NOT_LOCKED_IN'
  | 'PRESCRIBER_NOT_LOCKED_IN'
  | 'PHARMACY_AND_PRESCRIBER_NOT_LOCKED_IN';

export interface PharmacyCheckDecision {
  decision: 'allow' | 'deny';
  reason: PharmacyCheckReason;
  message: string;
  warnings: string[];
  lockInId: string | null;
}

export interface PharmacyCheckPolicy {
  /** A fill of at most this many days passes a lock-in as an emergency supply, with a warning. */
  emergencySupplyDays: number;
  /** Classes a lock-in limits; MOUD and naloxone are never limited whatever this says. */
  limitedClasses: ReadonlySet<DrugClass>;
}

/** CMS drug management programs limit frequently abused drugs; the issue asks for opioids. */
export const defaultPharmacyCheckPolicy: PharmacyCheckPolicy = {
  emergencySupplyDays: 3,
  limitedClasses: new Set<DrugClass>(['opioid_analgesic']),
};

const neverBlocked: Partial<Record<DrugClass, PharmacyCheckReason>> = {
  buprenorphine: 'MOUD_NEVER_BLOCKED',
  naltrexone: 'MOUD_NEVER_BLOCKED',
  naloxone: 'NALOXONE_NEVER_BLOCKED',
};

function allow(
  reason: PharmacyCheckReason,
  message: string,
  lockInId: string | null = null,
  warnings: string[] = [],
) {
  return { decision: 'allow', reason, message, warnings, lockInId } satisfies PharmacyCheckDecision;
}

/**
 * Decides a claim as a PBM point-of-sale lock-in edit would: MOUD and naloxone always pass,
 * drugs a lock-in does not limit pass, a limited drug passes only at the locked pharmacy from
 * the locked prescriber, and a short emergency supply passes elsewhere with a warning.
 */
export function checkPharmacyClaim(
  index: PharmacyCheckIndex,
  request: PharmacyClaimRequest,
  policy: PharmacyCheckPolicy = defaultPharmacyCheckPolicy,
): PharmacyCheckDecision {
  const drugClass = index.drugClass(request.ndc);
  const rule = bindingRule(index.lockInRules(request.memberId), request.date);
  if (drugClass === undefined) {
    const warnings = rule
      ? ['The NDC is not in the drug reference; the lock-in edit could not be applied.']
      : [];
    return allow(
      'UNKNOWN_NDC',
      'NDC not in the drug reference: no lock-in edit applies.',
      rule?.lockInId ?? null,
      warnings,
    );
  }
  const always = neverBlocked[drugClass];
  if (always)
    return allow(always, 'Medication for opioid use disorder and naloxone are never blocked by a lock-in.');
  if (!policy.limitedClasses.has(drugClass))
    return allow('NOT_LIMITED_DRUG', 'This drug is not limited by lock-in.');
  if (rule === null) return allow('NO_LOCK_IN', 'No lock-in is in force for this member on this date.');

  const pharmacyOk = rule.pharmacyNpi === null || rule.pharmacyNpi === request.pharmacyNpi;
  const prescriberOk = rule.prescriberNpi === null || rule.prescriberNpi === request.prescriberNpi;
  if (pharmacyOk && prescriberOk)
    return allow(
      'LOCKED_PROVIDERS_MATCH',
      'Filled at the locked pharmacy from the locked prescriber.',
      rule.lockInId,
    );

  const days = request.daysSupply;
  if (days !== undefined && days > 0 && days <= policy.emergencySupplyDays) {
    return allow(
      'EMERGENCY_SUPPLY',
      `Emergency supply of ${days} days allowed outside the lock-in.`,
      rule.lockInId,
      [
        `Member is locked in (${describe(rule)}); only an emergency supply of up to ${policy.emergencySupplyDays} days is allowed elsewhere. The plan will follow up.`,
      ],
    );
  }
  const reason: PharmacyCheckReason = !pharmacyOk
    ? prescriberOk
      ? 'PHARMACY_NOT_LOCKED_IN'
      : 'PHARMACY_AND_PRESCRIBER_NOT_LOCKED_IN'
    : 'PRESCRIBER_NOT_LOCKED_IN';
  return {
    decision: 'deny',
    reason,
    message: `Member is locked in (${describe(rule)}) from ${rule.effectiveFrom} to ${rule.endsOn}. An emergency supply of up to ${policy.emergencySupplyDays} days may be dispensed.`,
    warnings: [],
    lockInId: rule.lockInId,
  };
}

function bindingRule(rules: readonly LockInRule[], date: string): LockInRule | null {
  for (const r of rules) if (r.effectiveFrom <= date && date <= r.endsOn) return r;
  return null;
}

function describe(rule: LockInRule): string {
  const parts: string[] = [];
  if (rule.pharmacyNpi) parts.push(`pharmacy NPI ${rule.pharmacyNpi}`);
  if (rule.prescriberNpi) parts.push(`prescriber NPI ${rule.prescriberNpi}`);
  return parts.join(', ');
}
