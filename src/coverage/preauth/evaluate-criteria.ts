import type { AuthorizationRequest, CriterionResult } from './authorization.ts';
import { type Criterion, findLevelOfCare } from './levels-of-care.ts';

const dayMs = 86_400_000;
const factWords = {
  medicalComplicationsRequireInpatient: 'condition needing inpatient care',
  stableLivingEnvironment: 'stable living environment',
  committedToTreatment: 'committed to treatment',
} as const;

function evaluate(
  criterion: Criterion,
  request: AuthorizationRequest,
  receivedDay: string,
): Omit<CriterionResult, 'id' | 'text' | 'source'> {
  const a = request.assessment;
  switch (criterion.kind) {
    case 'diagnosis': {
      const hits = request.diagnosisCodes.filter((c) => criterion.prefixes.some((p) => c.startsWith(p)));
      return hits.length > 0
        ? { result: 'met', evidence: `Diagnosis ${hits.join(', ')}` }
        : { result: 'missed', evidence: `Diagnoses given: ${request.diagnosisCodes.join(', ')}` };
    }
    case 'face-to-face-within': {
      const age = (Date.parse(receivedDay) - Date.parse(a.date)) / dayMs;
      if (!a.faceToFace)
        return { result: 'missed', evidence: `Assessment on ${a.date} was not face to face` };
      if (age < 0) return { result: 'missed', evidence: `Assessment dated ${a.date}, after the request` };
      return age <= criterion.days
        ? { result: 'met', evidence: `Face-to-face assessment on ${a.date} by ${a.assessedBy}` }
        : { result: 'missed', evidence: `Assessment on ${a.date} is ${age} days old` };
    }
    case 'withdrawal-score-at-most': {
      if (!a.withdrawalScore) return { result: 'unknown', evidence: 'No withdrawal score given' };
      const { scale, value } = a.withdrawalScore;
      return {
        result: value <= criterion.max[scale] ? 'met' : 'missed',
        evidence: `${scale} ${value} (limit ${criterion.max[scale]})`,
      };
    }
    case 'fact': {
      const value = a[criterion.fact];
      if (value === undefined)
        return { result: 'unknown', evidence: `Not stated: ${factWords[criterion.fact]}` };
      return {
        result: value === criterion.expected ? 'met' : 'missed',
        evidence: `${factWords[criterion.fact]}: ${value ? 'yes' : 'no'}`,
      };
    }
    case 'treatment-plan':
      return request.treatmentPlan.trim().length >= 20
        ? { result: 'met', evidence: 'Treatment plan submitted' }
        : { result: 'missed', evidence: 'No treatment plan, or too short to review' };
    case 'units-at-most': {
      const units = request.services.reduce((t, s) => t + s.units, 0);
      return {
        result: units <= criterion.max ? 'met' : 'missed',
        evidence: `${units} units requested (limit ${criterion.max})`,
      };
    }
  }
}

/** Evaluates a request against its level of care's criteria: each met, missed or unknown, with the evidence. */
export function evaluateCriteria(request: AuthorizationRequest, receivedAt: string): CriterionResult[] {
  const level = findLevelOfCare(request.levelOfCare);
  if (!level) return [];
  const receivedDay = receivedAt.slice(0, 10);
  return level.criteria.map((c) => ({
    id: c.id,
    text: c.text,
    source: c.source,
    ...evaluate(c, request, receivedDay),
  }));
}

/** What the criteria point to; the reviewer decides. */
export function suggestDecision(
  results: readonly CriterionResult[],
): 'approve' | 'partially-approve' | 'pend' | 'deny' {
  const missed = results.filter((r) => r.result === 'missed').map((r) => r.id);
  if (missed.length === 0) return results.some((r) => r.result === 'unknown') ? 'pend' : 'approve';
  if (missed.every((id) => id === 'initial-days')) return 'partially-approve';
  return 'deny';
}
