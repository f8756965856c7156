import { type CallSituation, hadOverdose, isOnMoud } from './call-situation.ts';
import type { ScriptSection } from './script-types.ts';

// Words follow NIDA "Words Matter" and SAMHSA person-first language:
// no labels for people, no "abuse", no "clean/dirty", treatment is never "replacement".

/** Introduces the caller and verifies identity before anything about health is said. */
export function buildOpening(situation: CallSituation): ScriptSection {
  const name = situation.preferredName ?? 'the member';
  return {
    id: 'opening',
    title: 'Introduce yourself and verify identity',
    say: [
      `Hello, may I speak with ${name}? My name is …, I'm a care manager with your health plan.`,
      'Before we talk, could you confirm your date of birth for me?',
    ],
    guidance: [
      'Say nothing about health, visits or medicines until identity is verified.',
      'If someone else answers, leave only your name, the plan and a call-back number.',
    ],
    because: ['Every call'],
  };
}

/** Names why we are calling in words the member already knows: a recent emergency, not a diagnosis. */
export function buildReason(situation: CallSituation): ScriptSection {
  const stay = situation.emergencies.includes('EMERGENCY_ADMISSION');
  const visit = stay ? 'a recent hospital stay' : 'a recent visit to the emergency room';
  return {
    id: 'reason',
    title: 'Why we are calling',
    say: [
      `We reach out to members after ${visit} to see how you are doing and whether we can help.`,
      'This call is voluntary, and whatever you decide, your coverage does not change.',
    ],
    guidance: [
      'Never tell the member what their claims "show" or "prove"; let them say what happened.',
      hadOverdose(situation)
        ? 'The record shows an overdose. Do not name it unless the member does; listen first.'
        : 'Do not name diagnoses or medicines the member has not mentioned.',
    ],
    because: [stay ? 'Emergency admission in the last 90 days' : 'Emergency in the last 90 days'],
  };
}

/** Opens the conversation to the member's own account and wishes. */
export function buildCheckIn(situation: CallSituation): ScriptSection {
  const recent = situation.daysSinceEmergency !== undefined && situation.daysSinceEmergency <= 7;
  return {
    id: 'check-in',
    title: 'Check in',
    say: [
      recent ? 'How are you feeling since you got home?' : 'How have things been since then?',
      'Is there anything that would help right now?',
    ],
    guidance: ['Listen more than you talk. Reflect back what you hear; avoid judgement.'],
    because: recent ? ['Emergency within the last 7 days'] : ['Every call'],
  };
}

/** Encourages a conversation with the member's own provider. */
export function buildProvider(situation: CallSituation): ScriptSection {
  return {
    id: 'provider',
    title: 'Talk with your provider',
    say: [
      'Many people find it helps to talk with their doctor about what happened and what comes next.',
      isOnMoud(situation)
        ? 'If you are already working with a provider on treatment, is anything making it hard to keep going?'
        : 'Would you like help finding a time to talk with your doctor, or finding a doctor?',
    ],
    guidance: isOnMoud(situation)
      ? ['The member may already be in treatment: support continuity, do not name the medicine first.']
      : [],
    because: isOnMoud(situation) ? ['On MOUD in the last 30 days'] : ['Every call'],
  };
}

/** Explains medication for opioid use disorder, or supports staying on it. */
export function buildMoud(situation: CallSituation): ScriptSection {
  if (isOnMoud(situation)) {
    return {
      id: 'moud',
      title: 'Staying on treatment',
      say: [
        'Medication treatment works best when it continues. If cost, refills or travel get in the way, we can help.',
        'If a return to use happens, it is not a failure; your provider can adjust the plan.',
      ],
      guidance: ['Offer help with refills, a nearer prescriber, or virtual visits.'],
      because: ['On MOUD in the last 30 days'],
    };
  }
  return {
    id: 'moud',
    title: 'Medication for opioid use disorder (MOUD)',
    say: [
      'There are medicines that make it easier to stop or cut down on opioids and lower the chance of an overdose.',
      'Buprenorphine can be prescribed by many doctors and taken at home; methadone is given at a treatment program; naltrexone is a monthly shot or a daily pill.',
      'Your plan covers them, together with counseling. Would you like to hear more, or be connected with a prescriber?',
    ],
    guidance: [
      'Offer only if the conversation opens to it; the member chooses.',
      'MOUD is treatment, not a "replacement" or "substitution".',
    ],
    because: hadOverdose(situation) ? ['Opioid overdose'] : ['Risk factors for opioid use disorder'],
  };
}

/** Speaks to high-dose opioids and opioids taken with benzodiazepines without citing the claims. */
export function buildMedicines(situation: CallSituation): ScriptSection | undefined {
  const highDose = situation.riskFactors.includes('HIGH_MME');
  const benzo = situation.riskFactors.includes('OPIOID_BENZO_OVERLAP');
  if (!highDose && !benzo) return undefined;
  const say = [
    'Some pain medicines can slow breathing, especially at higher doses or when taken with medicines for sleep or anxiety.',
  ];
  if (highDose)
    say.push('Your doctor can talk with you about your pain plan and whether a lower dose could work.');
  if (benzo)
    say.push(
      'If you take a medicine for anxiety or sleep, such as a benzodiazepine, ask your doctor whether it is safe with your pain medicine. Please do not stop it suddenly on your own.',
    );
  return {
    id: 'medicines',
    title: 'Medicines and safety',
    say,
    guidance: [
      'Do not recite fills, doses or prescribers; invite the member to review medicines with their doctor.',
    ],
    because: [
      ...(highDose ? ['High daily MME (≥ 90) over 180 days'] : []),
      ...(benzo ? ['Opioid and benzodiazepine taken together'] : []),
    ],
  };
}
