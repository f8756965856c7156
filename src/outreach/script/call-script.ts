import { type CallSituation, hadOverdose, isOnMoud } from './call-situation.ts';
import {
  buildCheckIn,
  buildMedicines,
  buildMoud,
  buildOpening,
  buildProvider,
  buildReason,
} from './script-sections.ts';
import type { CallScript, ReferralKind, ScriptSection } from './script-types.ts';
import {
  buildCoverage,
  buildCrisis,
  buildIfDeclined,
  buildNaloxone,
  buildNextStep,
  buildVirtualCare,
} from './support-sections.ts';

/** Builds the guided call script for a member's situation: ordered sections and suggested referrals. */
export function buildCallScript(situation: CallSituation): CallScript {
  const overdose = hadOverdose(situation);
  const optional = (section: ScriptSection | undefined): ScriptSection[] => (section ? [section] : []);
  const naloxone = buildNaloxone(situation);
  const sections: ScriptSection[] = [
    buildOpening(situation),
    buildReason(situation),
    buildCheckIn(situation),
    // After an overdose, naloxone comes before anything else is offered.
    ...(overdose ? [naloxone] : []),
    buildProvider(situation),
    buildMoud(situation),
    ...optional(buildMedicines(situation)),
    buildVirtualCare(),
    ...(overdose ? [] : [naloxone]),
    ...optional(buildCoverage(situation)),
    buildNextStep(situation),
    buildCrisis(),
    buildIfDeclined(),
  ];
  return { sections, suggestedReferrals: suggestReferrals(situation) };
}

/** Orders the referral kinds worth offering first for the situation. */
export function suggestReferrals(situation: CallSituation): ReferralKind[] {
  const kinds: ReferralKind[] = [];
  if (!isOnMoud(situation)) kinds.push('moud_prescriber');
  kinds.push('virtual_behavioral_care');
  if (situation.riskFactors.includes('OPIOID_BENZO_OVERLAP') || situation.riskFactors.includes('HIGH_MME'))
    kinds.push('outpatient_detox');
  if (hadOverdose(situation) || situation.riskFactors.includes('OUD_DIAGNOSIS'))
    kinds.push('intensive_outpatient');
  kinds.push('support_group', 'supportive_services');
  return kinds;
}
