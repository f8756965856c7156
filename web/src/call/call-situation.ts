import type { CallSituation, EmergencyKind } from '../../../src/outreach/script/call-situation.ts';
import { emergencyKinds } from '../../../src/outreach/script/call-situation.ts';
import type { CaseView, CaseWork, MemberView } from '../api/types.ts';
import { daysSince } from '../ui/dates.ts';

const planTypes = ['HMO', 'EPO', 'POS', 'PPO'] as const;

/** The member's situation for the script, from the case's reasons, the member 360 and the plan. */
export function toCallSituation(
  kase: CaseView,
  member: MemberView | undefined,
  work: CaseWork | undefined,
): CallSituation {
  const emergencies = kase.reasons.emergencies
    .map((e) => e.kind)
    .filter((k): k is EmergencyKind => (emergencyKinds as readonly string[]).includes(k));
  const days = daysSince(kase.latestEmergencyDate);
  const planType = work?.plan?.planType ?? member?.coverage[0]?.planType ?? null;
  const firstName = member?.profile.firstName;
  return {
    ...(firstName ? { preferredName: firstName } : {}),
    emergencies: [...new Set(emergencies)],
    ...(days !== null && days >= 0 ? { daysSinceEmergency: days } : {}),
    riskFactors: kase.reasons.riskFactors.map((f) => f.code),
    context: [...new Set([...kase.reasons.context, ...(member?.risk.context ?? [])])],
    // Unknown coverage: say so rather than promise follow-up the plan may not include.
    hasBehavioralHealthCaseManagement: work?.plan?.behavioralHealthCaseManagement ?? false,
    ...(planType && (planTypes as readonly string[]).includes(planType)
      ? { planType: planType as (typeof planTypes)[number] }
      : {}),
  };
}
