import type { L90Fill, LetterFact, LetterMember, MemberRiskProfile, RiskFactorCode } from './letter-types.ts';

/** Facts that reveal a substance-use disorder whatever claim they come from (42 CFR Part 2). */
const part2Codes: ReadonlySet<string> = new Set(['OUD_DIAGNOSIS', 'OTHER_SUD_DIAGNOSIS', 'ON_MOUD']);

export interface FactInputs {
  profile: MemberRiskProfile;
  member: { name: string; birthDate: string | null };
  /** This prescriber's own L90 fills for the member. */
  fills: readonly L90Fill[];
  /** Claim ids labeled Part 2 in `claim_label`. */
  part2ClaimIds: ReadonlySet<string>;
  /** Whether the member's consent lets Part 2 facts go to this prescriber. */
  part2Allowed: boolean;
}

const mme = (value: number | null): string => (value === null ? 'not available' : value.toFixed(2));

/** The plain sentence a letter gives for a risk factor, with its figures. */
function describeFactor(code: RiskFactorCode, profile: MemberRiskProfile): string | null {
  switch (code) {
    case 'HIGH_MME':
      return `Average daily dose over the last 180 days: ${mme(profile.averageDailyMmeW180)} morphine milligram equivalents (MME), at or above 90 MME.`;
    case 'MULTIPLE_PRESCRIBERS_PHARMACIES':
      return `Opioid prescriptions from ${profile.prescribersW180} prescribers, filled at ${profile.pharmaciesW180} pharmacies, in the last 180 days.`;
    case 'OPIOID_BENZO_OVERLAP':
      return `Opioid and benzodiazepine prescriptions overlapped on ${profile.overlapDaysW180} days in the last 180 days.`;
    case 'OPIOID_OVERDOSE_HISTORY':
      return 'A claim for an opioid overdose in the last 12 months.';
    case 'LONG_TERM_OPIOID':
      return 'Opioid use on 90 or more of the last 180 days.';
    case 'OUD_DIAGNOSIS':
      return 'A diagnosis of opioid use disorder in the last 12 months.';
    case 'OTHER_SUD_DIAGNOSIS':
      return null; // not needed to explain an opioid prescribing letter: minimum necessary
  }
}

/**
 * The facts one prescriber's letter gives about one member: only what supports the letter,
 * and Part 2 facts (by code or by a labeled evidence claim) only when consent allows.
 */
export function buildLetterMember(input: FactInputs): LetterMember {
  const { profile, part2ClaimIds, part2Allowed } = input;
  const facts: LetterFact[] = [];
  const disclosed: string[] = [];
  let withheld = 0;
  const offer = (fact: LetterFact, factorCode?: string) => {
    if (fact.part2 && !part2Allowed) {
      withheld++;
      return;
    }
    facts.push(fact);
    if (factorCode) disclosed.push(factorCode);
  };
  for (const factor of profile.factors) {
    const text = describeFactor(factor.code, profile);
    if (text === null) continue;
    const part2 = part2Codes.has(factor.code) || factor.evidence.some((id) => part2ClaimIds.has(id));
    offer({ code: factor.code, text, part2 }, factor.code);
  }
  if (profile.context.includes('ON_MOUD'))
    offer({
      code: 'ON_MOUD',
      text: 'Currently receiving medication for opioid use disorder (MOUD).',
      part2: true,
    });
  const own = input.fills;
  if (own.length > 0) {
    const opioid = own.filter((f) => f.drugClass === 'opioid_analgesic').length;
    const benzo = own.length - opioid;
    const parts = [opioid ? `${opioid} opioid` : '', benzo ? `${benzo} benzodiazepine` : ''].filter(Boolean);
    offer({
      code: 'PRESCRIBER_FILLS',
      text: `Your prescriptions filled in the last 90 days: ${parts.join(' and ')} (last filled ${latest(own)}).`,
      part2: own.some((f) => part2ClaimIds.has(f.claimId)),
    });
  }
  return {
    memberId: profile.memberId,
    name: input.member.name,
    birthDate: input.member.birthDate,
    facts,
    disclosedFactorCodes: disclosed.sort(),
    withheldPart2: withheld,
  };
}

function latest(fills: readonly L90Fill[]): string {
  return (
    fills
      .map((f) => f.fillDate)
      .sort()
      .at(-1) ?? ''
  );
}
