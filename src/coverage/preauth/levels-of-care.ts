/**
 * Levels of care that need preauthorization and the medical-necessity criteria a
 * reviewer applies, written as data. The criteria follow the dimensions of The
 * ASAM Criteria (3rd ed.) for withdrawal management and intensive outpatient care,
 * and the plan's eligibility list; they are a demo policy, not ASAM's licensed text.
 */
export type Criterion =
  | { id: string; text: string; source: string; kind: 'diagnosis'; prefixes: readonly string[] }
  | { id: string; text: string; source: string; kind: 'face-to-face-within'; days: number }
  | {
      id: string;
      text: string;
      source: string;
      kind: 'withdrawal-score-at-most';
      max: Record<'COWS' | 'CIWA-B', number>;
    }
  | {
      id: string;
      text: string;
      source: string;
      kind: 'fact';
      fact: 'medicalComplicationsRequireInpatient' | 'stableLivingEnvironment' | 'committedToTreatment';
      expected: boolean;
    }
  | { id: string; text: string; source: string; kind: 'treatment-plan' }
  | { id: string; text: string; source: string; kind: 'units-at-most'; max: number };

export interface LevelOfCare {
  id: string;
  name: string;
  /** HCPCS codes billed for this level; a request's service lines must use them. */
  procedureCodes: readonly string[];
  criteria: readonly Criterion[];
}

const dependence: Criterion = {
  id: 'diagnosis',
  text: 'Diagnosis of opioid or sedative/benzodiazepine dependence (ICD-10-CM F11.2x or F13.2x)',
  source: 'Plan eligibility: substance dependence',
  kind: 'diagnosis',
  prefixes: ['F112', 'F132'],
};
const assessment: Criterion = {
  id: 'face-to-face',
  text: 'Face-to-face assessment by facility staff within 7 days before the request',
  source: 'Plan preauthorization policy: face-to-face assessment',
  kind: 'face-to-face-within',
  days: 7,
};
const stable: Criterion = {
  id: 'recovery-environment',
  text: 'Stable living environment that supports recovery',
  source: 'Plan eligibility: stability; ASAM dimension 6',
  kind: 'fact',
  fact: 'stableLivingEnvironment',
  expected: true,
};
const commitment: Criterion = {
  id: 'readiness',
  text: 'Willing to take part fully in treatment',
  source: 'Plan eligibility: commitment to treatment; ASAM dimension 4',
  kind: 'fact',
  fact: 'committedToTreatment',
  expected: true,
};
const noInpatientNeed: Criterion = {
  id: 'no-inpatient-need',
  text: 'No medical or psychiatric condition that needs inpatient care',
  source: 'ASAM dimensions 2 and 3',
  kind: 'fact',
  fact: 'medicalComplicationsRequireInpatient',
  expected: false,
};
const plan: Criterion = {
  id: 'treatment-plan',
  text: 'Treatment plan with goals and the services to be given',
  source: 'Plan preauthorization policy: clinical information and treatment plan',
  kind: 'treatment-plan',
};

export const levelsOfCare: readonly LevelOfCare[] = [
  {
    id: 'ambulatory-withdrawal-management',
    name: 'Ambulatory withdrawal management (outpatient detox)',
    procedureCodes: ['H0014'],
    criteria: [
      dependence,
      assessment,
      {
        id: 'withdrawal-severity',
        text: 'Withdrawal mild to moderate: COWS 24 or less, or CIWA-B 40 or less',
        source: 'ASAM dimension 1; COWS (Wesson & Ling 2003) moderate band; CIWA-B moderate band',
        kind: 'withdrawal-score-at-most',
        max: { COWS: 24, 'CIWA-B': 40 },
      },
      noInpatientNeed,
      stable,
      commitment,
      plan,
      {
        id: 'initial-days',
        text: 'At most 7 days requested for the first authorization',
        source: 'Demo plan policy: concurrent review after 7 days',
        kind: 'units-at-most',
        max: 7,
      },
    ],
  },
  {
    id: 'intensive-outpatient',
    name: 'Intensive outpatient program',
    procedureCodes: ['H0015', 'S9480'],
    criteria: [
      {
        ...dependence,
        prefixes: ['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F18', 'F19'],
        text: 'Diagnosis of a substance use disorder (ICD-10-CM F10–F19, not F17)',
      },
      assessment,
      noInpatientNeed,
      commitment,
      plan,
      {
        id: 'initial-days',
        text: 'At most 30 program days requested for the first authorization',
        source: 'Demo plan policy: concurrent review after 30 days',
        kind: 'units-at-most',
        max: 30,
      },
    ],
  },
];

/** The level of care with this id, or undefined. */
export function findLevelOfCare(id: string): LevelOfCare | undefined {
  return levelsOfCare.find((l) => l.id === id);
}
