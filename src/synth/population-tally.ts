import { detoxProcedureCodes, detoxRevenueCodes, diagnosisSets, inCodeSet } from '../reference/index.ts';
import type { MemberRecords } from './generate-member.ts';

/** Counts over the generated members; added up across chunks when generating in parallel. */
export interface PopulationTally {
  enrollmentSpans: number;
  medicalClaims: number;
  medicalLines: number;
  pharmacyClaims: number;
  adjustments: number;
  reversals: number;
  /** Members by the patterns drawn for them (not what the rules will find). */
  patterns: {
    chronicOpioid: number;
    highMme: number;
    opioidBenzo: number;
    shopper: number;
    oud: number;
    moud: number;
    otherSud: number;
    cancer: number;
    sickleCell: number;
    hospice: number;
    overdose: number;
    /** Members with a withdrawal management (detox) line: H0008–H0014 or revenue 0116…0156. */
    detox: number;
  };
}

const detoxProcedures = new Set<string>(detoxProcedureCodes);
const detoxRevenue = new Set<string>(detoxRevenueCodes);

/** Whether a line is withdrawal management, by the codes the unauthorized-detox report reads. */
export function isDetoxLine(line: { procedureCode: string | null; revenueCode: string | null }): boolean {
  return detoxProcedures.has(line.procedureCode ?? '') || detoxRevenue.has(line.revenueCode ?? '');
}

/** A tally with every count at zero. */
export function emptyTally(): PopulationTally {
  return {
    enrollmentSpans: 0,
    medicalClaims: 0,
    medicalLines: 0,
    pharmacyClaims: 0,
    adjustments: 0,
    reversals: 0,
    patterns: {
      chronicOpioid: 0,
      highMme: 0,
      opioidBenzo: 0,
      shopper: 0,
      oud: 0,
      moud: 0,
      otherSud: 0,
      cancer: 0,
      sickleCell: 0,
      hospice: 0,
      overdose: 0,
      detox: 0,
    },
  };
}

/** Adds one member's records to a tally. */
export function tallyMember(tally: PopulationTally, { member, profile, claims }: MemberRecords): void {
  tally.enrollmentSpans += member.spans.length;
  let overdose = false;
  let detox = false;
  for (const claim of claims) {
    if (claim.version > 1) {
      if (claim.reversed) tally.reversals++;
      else tally.adjustments++;
    }
    if (claim.kind === 'pharmacy') tally.pharmacyClaims++;
    else {
      tally.medicalClaims++;
      tally.medicalLines += claim.lines.length;
      if (!overdose && claim.diagnoses.some((d) => inCodeSet(diagnosisSets.opioidOverdose, d)))
        overdose = true;
      if (!detox && claim.lines.some(isDetoxLine)) detox = true;
    }
  }
  const p = tally.patterns;
  if (profile.chronic) p.chronicOpioid++;
  if (profile.chronic?.highMme) p.highMme++;
  if (profile.benzo === 'with-opioid') p.opioidBenzo++;
  if (profile.shopper) p.shopper++;
  if (profile.oud) p.oud++;
  if (profile.oud?.moud) p.moud++;
  if (profile.otherSud) p.otherSud++;
  if (profile.cancer) p.cancer++;
  if (profile.sickleCell) p.sickleCell++;
  if (profile.hospice) p.hospice++;
  if (overdose) p.overdose++;
  if (detox) p.detox++;
}

/** Adds `from` into `into`. */
export function addTally(into: PopulationTally, from: PopulationTally): void {
  into.enrollmentSpans += from.enrollmentSpans;
  into.medicalClaims += from.medicalClaims;
  into.medicalLines += from.medicalLines;
  into.pharmacyClaims += from.pharmacyClaims;
  into.adjustments += from.adjustments;
  into.reversals += from.reversals;
  for (const key of Object.keys(into.patterns) as (keyof PopulationTally['patterns'])[]) {
    into.patterns[key] += from.patterns[key];
  }
}
