/** Risk factor codes exactly as RISK-RULES §5 spells them. */
export type RiskFactorCode =
  | 'OUD_DIAGNOSIS'
  | 'OPIOID_OVERDOSE_HISTORY'
  | 'HIGH_MME'
  | 'MULTIPLE_PRESCRIBERS_PHARMACIES'
  | 'OPIOID_BENZO_OVERLAP'
  | 'LONG_TERM_OPIOID'
  | 'OTHER_SUD_DIAGNOSIS';

/** What prescriber monitoring needs to know of one member as of `D` (from the risk engine). */
export interface MemberRiskProfile {
  memberId: string;
  eligible: boolean;
  exclusions: string[];
  factors: Array<{ code: RiskFactorCode; value: number | null; evidence: string[] }>;
  /** Context codes (RISK-RULES §5): ON_MOUD, NALOXONE_FILL. */
  context: string[];
  averageDailyMmeW180: number | null;
  prescribersW180: number;
  pharmaciesW180: number;
  overlapDaysW180: number;
}

/** One opioid or benzodiazepine fill in L90, the link between a member and a prescriber. */
export interface L90Fill {
  memberId: string;
  prescriberNpi: string;
  claimId: string;
  fillDate: string;
  drugClass: 'opioid_analgesic' | 'benzodiazepine';
}

/** A letter already sent: the facts it disclosed decide whether a new one is due (RISK-RULES §8). */
export interface PriorLetter {
  prescriberNpi: string;
  memberId: string;
  sentOn: string;
  factorCodes: string[];
}

/** One fact in a letter, marked when it reveals substance-use disorder treatment or diagnosis. */
export interface LetterFact {
  code: RiskFactorCode | 'ON_MOUD' | 'PRESCRIBER_FILLS';
  text: string;
  part2: boolean;
}

/** A member as one prescriber's letter shows them. */
export interface LetterMember {
  memberId: string;
  name: string;
  birthDate: string | null;
  facts: LetterFact[];
  /** Risk factor codes this letter discloses, kept for the next run's suppression check. */
  disclosedFactorCodes: string[];
  /** Facts left out because 42 CFR Part 2 consent does not cover this prescriber. */
  withheldPart2: number;
}

export interface PrescriberLetterContent {
  asOf: string;
  prescriber: { npi: string; name: string | null };
  members: LetterMember[];
  prescriberVolume: PrescriberVolume | null;
}

/** A prescriber's own opioid prescribing in L90, across all members. */
export interface PrescriberVolume {
  npi: string;
  opioidFills: number;
  opioidPatients: number;
  opioidDaysSupply: number;
  highRiskPatients: number;
}
