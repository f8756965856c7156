import { type CallSituation, hadOverdose } from './call-situation.ts';
import type { ScriptSection } from './script-types.ts';

/** Offers virtual behavioral care at the same out-of-pocket cost as an office visit. */
export function buildVirtualCare(): ScriptSection {
  return {
    id: 'virtual-care',
    title: 'Virtual behavioral care',
    say: [
      'You can also see a behavioral-health provider by video, from a phone, tablet or computer, at a time that suits you.',
      'A virtual visit costs you the same out-of-pocket as an in-office visit.',
    ],
    guidance: ['Offer to schedule the first virtual visit while on the call.'],
    because: ['Every call'],
  };
}

/** Offers naloxone; more insistent after an overdose, a check-up when the member already has it. */
export function buildNaloxone(situation: CallSituation): ScriptSection {
  const hasNaloxone = situation.context.includes('NALOXONE_FILL');
  const say = hasNaloxone
    ? ['Do you still have naloxone at home, and do the people close to you know where it is? It does expire.']
    : [
        'Naloxone, also called Narcan, can reverse an opioid overdose. Most pharmacies have it without a prescription, and your plan covers it.',
        'It is good to keep it at home and let the people close to you know where it is.',
      ];
  return {
    id: 'naloxone',
    title: 'Naloxone',
    say,
    guidance: hadOverdose(situation)
      ? ['After an overdose this matters most: make sure the member can get naloxone today.']
      : [],
    because: [
      ...(hasNaloxone ? ['Naloxone filled in the last 12 months'] : ['Every call']),
      ...(hadOverdose(situation) ? ['Opioid overdose'] : []),
    ],
  };
}

/** Says plainly what the plan covers when it has no behavioral-health case management. */
export function buildCoverage(situation: CallSituation): ScriptSection | undefined {
  if (situation.hasBehavioralHealthCaseManagement) return undefined;
  return {
    id: 'coverage',
    title: 'What this plan includes',
    say: [
      'Your plan does not include ongoing behavioral-health case management, so I may not be able to follow up with you over time.',
      'I can still help you get connected today. To see which behavioral-health services your plan covers, check your plan materials or call the number on the back of your ID card.',
    ],
    guidance: ['Prefer one-time referrals (prescriber, virtual care) over a follow-up plan.'],
    because: ['Plan without behavioral-health case management'],
  };
}

/** Asks what the member wants next: a referral, a follow-up call, or nothing for now. */
export function buildNextStep(situation: CallSituation): ScriptSection {
  return {
    id: 'next-step',
    title: 'What would you like to do next?',
    say: [
      'What would be most helpful for you right now?',
      situation.hasBehavioralHealthCaseManagement
        ? 'Would it be all right if I called you again in a week to see how things are going?'
        : 'Would you like me to send you the details of what we talked about?',
    ],
    guidance: ['Record the member’s choice as a referral or next step; their choice, their pace.'],
    because: ['Every call'],
  };
}

/** Always closes with the crisis line. */
export function buildCrisis(): ScriptSection {
  return {
    id: 'crisis',
    title: 'Crisis line',
    say: [
      'If things ever feel overwhelming, you can call or text 988, any time, day or night.',
      'If someone is not breathing or will not wake up, call 911 and use naloxone if you have it.',
    ],
    guidance: ['If the member is in danger now, stay on the line and connect them to 988 or 911.'],
    because: ['Every call'],
  };
}

/** Respects a decline, leaves the door open, and records it (a decline suppresses re-identification). */
export function buildIfDeclined(): ScriptSection {
  return {
    id: 'if-declined',
    title: 'If the member says no',
    say: [
      'That is completely fine, thank you for talking with me. If you change your mind, the number on your ID card reaches us.',
    ],
    guidance: [
      'Record the outcome "declined": the member will not be called again for 180 days (RISK-RULES §7).',
    ],
    because: ['Every call'],
  };
}
