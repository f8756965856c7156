import type { MemberMetrics } from '../../risk/index.ts';
import type { ReviewEvidence } from './lock-in-types.ts';

/** RISK-RULES §9 thresholds (CMS OMS criteria); configuration may change them. */
export interface ReviewThresholds {
  minAverageDailyMme: number;
  prescribersWithPharmacies: number;
  pharmacies: number;
  prescribersAlone: number;
}

export const defaultReviewThresholds: ReviewThresholds = {
  minAverageDailyMme: 90,
  prescribersWithPharmacies: 3,
  pharmacies: 3,
  prescribersAlone: 5,
};

export interface ReviewCandidate {
  memberId: string;
  evidence: ReviewEvidence;
}

/**
 * The §9 evidence for one member, or null when not a candidate: not excluded, enrolled, and
 * either (a) W180 average daily MME ≥ 90 with ≥ 3 prescribers and ≥ 3 pharmacies or ≥ 5
 * prescribers, or (b) an opioid overdose history with an opioid fill in W180.
 */
export function findReviewEvidence(
  m: MemberMetrics,
  asOf: string,
  t: ReviewThresholds = defaultReviewThresholds,
): ReviewEvidence | null {
  if (m.exclusions.length > 0 || !m.enrolled) return null;
  const mme = Math.round(m.w180.averageDailyMme * 100) / 100; // RISK-RULES §4: round before comparing
  const prescribers = m.w180.prescribers.length;
  const pharmacies = m.w180.pharmacies.length;
  const criteria: ReviewEvidence['criteria'] = [];
  if (
    m.w180.opioidDays > 0 &&
    mme >= t.minAverageDailyMme &&
    ((prescribers >= t.prescribersWithPharmacies && pharmacies >= t.pharmacies) ||
      prescribers >= t.prescribersAlone)
  )
    criteria.push('MME_AND_MULTIPLE_PROVIDERS');
  const overdose = m.factors.some((f) => f.code === 'OPIOID_OVERDOSE_HISTORY' && f.met);
  if (overdose && m.w180.opioidFillDates > 0) criteria.push('OVERDOSE_HISTORY_WITH_OPIOID');
  if (criteria.length === 0) return null;
  return {
    criteria,
    averageDailyMmeW180: m.w180.opioidDays > 0 ? mme : null,
    prescribersW180: prescribers,
    pharmaciesW180: pharmacies,
    asOf,
  };
}

/** Every §9 review candidate among the evaluated members, by member id. */
export function findReviewCandidates(
  metrics: readonly MemberMetrics[],
  asOf: string,
  t?: ReviewThresholds,
): ReviewCandidate[] {
  const out: ReviewCandidate[] = [];
  for (const m of metrics) {
    const evidence = findReviewEvidence(m, asOf, t);
    if (evidence) out.push({ memberId: m.memberId, evidence });
  }
  return out.sort((a, b) => a.memberId.localeCompare(b.memberId));
}
