import type { Instrument } from '../instruments/instrument.ts';
import { instruments } from '../instruments/score-instrument.ts';

type Option = { code: string; display: string };
/** One item of the assessment outside the scored instruments. */
export type AssessmentItem =
  | { linkId: string; text: string; type: 'choice'; options: readonly Option[] }
  | { linkId: string; text: string; type: 'integer'; min: number; max: number }
  | { linkId: string; text: string; type: 'boolean' | 'date' | 'string' };

const choice = (linkId: string, text: string, codes: readonly string[]): AssessmentItem => ({
  linkId,
  text,
  type: 'choice',
  options: codes.map((code) => ({ code, display: code.replaceAll('-', ' ') })),
});

/**
 * ASAM's six dimensions, rated 0–4 for severity of risk, and the level of care by its
 * number. Codes and ratings only: the ASAM Criteria's text is licensed and not shipped.
 */
export const asamDimensions = [1, 2, 3, 4, 5, 6].map((n) => `asam-d${n}`);
export const asamLevels = [
  '0.5',
  '1.0',
  '1.5',
  '1.7',
  '2.1',
  '2.5',
  '2.7',
  '3.1',
  '3.5',
  '3.7',
  '4.0',
] as const;
const ratings = [0, 1, 2, 3, 4].map(String);

/** The comprehensive assessment's sections, in the order the conversation goes. */
export const assessmentSections: readonly {
  linkId: string;
  text: string;
  items: readonly AssessmentItem[];
  instruments?: readonly Instrument[];
}[] = [
  {
    linkId: 'substance-use',
    text: 'Substance-use history',
    items: [
      choice('primary-substance', 'Primary substance', [
        'heroin',
        'fentanyl',
        'prescription-opioids',
        'alcohol',
        'stimulants',
        'cannabis',
        'other',
      ]),
      { linkId: 'age-first-use', text: 'Age at first use', type: 'integer', min: 5, max: 100 },
      choice('route', 'Usual route', ['oral', 'smoking', 'intranasal', 'injection']),
      { linkId: 'last-use', text: 'Date of last use', type: 'date' },
      { linkId: 'overdoses', text: 'Overdoses ever', type: 'integer', min: 0, max: 100 },
      { linkId: 'prior-treatment', text: 'Treated for substance use before', type: 'boolean' },
    ],
  },
  {
    linkId: 'medical',
    text: 'Medical',
    items: [
      { linkId: 'conditions', text: 'Chronic conditions and pain', type: 'string' },
      { linkId: 'pregnant', text: 'Pregnant', type: 'boolean' },
      { linkId: 'medications', text: 'Current medications', type: 'string' },
    ],
  },
  {
    linkId: 'mental-health',
    text: 'Mental health',
    items: [{ linkId: 'psychiatric-care', text: 'In mental-health care now', type: 'boolean' }],
    instruments: instruments.filter((i) => i.code === 'phq9' || i.code === 'gad7'),
  },
  {
    linkId: 'alcohol',
    text: 'Alcohol',
    items: [],
    instruments: instruments.filter((i) => i.code === 'audit-c'),
  },
  {
    linkId: 'recovery',
    text: 'Recovery and recovery capital',
    items: [],
    instruments: instruments.filter((i) => i.code === 'bam' || i.code === 'barc10'),
  },
  {
    linkId: 'social',
    text: 'Social: housing, work, legal, family and support',
    items: [
      choice('housing', 'Housing', ['stable', 'unstable', 'homeless', 'recovery-housing']),
      choice('employment', 'Work', ['employed', 'unemployed', 'student', 'unable-to-work', 'retired']),
      choice('legal', 'Legal', ['none', 'pending-charges', 'probation-or-parole', 'other']),
      choice('family-support', 'Family and support', ['supportive', 'mixed', 'none']),
      { linkId: 'dependents', text: 'Children or others who depend on the member', type: 'boolean' },
    ],
  },
  {
    linkId: 'asam',
    text: 'Level of care (ASAM dimensions, ratings only)',
    items: [
      ...asamDimensions.map((linkId, i) =>
        choice(linkId, `ASAM dimension ${i + 1} risk rating (0–4)`, ratings),
      ),
      choice('asam-level', 'Level of care (ASAM level number)', asamLevels),
    ],
  },
];

/** Every answerable item by link id: the sections' own and each instrument's. */
export const assessmentItems: ReadonlyMap<string, AssessmentItem> = new Map(
  assessmentSections.flatMap((s) => [
    ...s.items.map((i) => [i.linkId, i] as const),
    ...(s.instruments ?? []).flatMap((inst) =>
      inst.items.map(
        (i) =>
          [
            i.linkId,
            { linkId: i.linkId, text: i.text, type: 'choice', options: i.options } as AssessmentItem,
          ] as const,
      ),
    ),
  ]),
);

export const assessmentQuestionnaireUrl =
  'https://checkpoint.example.org/fhir/Questionnaire/comprehensive-assessment';

const fhirItem = (i: AssessmentItem) => ({
  linkId: i.linkId,
  text: i.text,
  type: i.type,
  ...(i.type === 'choice'
    ? { answerOption: i.options.map((o) => ({ valueCoding: { code: o.code, display: o.display } })) }
    : {}),
});

/** The assessment as the FHIR Questionnaire Checkpoint ships: one group per section, each instrument a group in it. */
export function assessmentQuestionnaire(): Record<string, unknown> {
  return {
    resourceType: 'Questionnaire',
    id: 'comprehensive-assessment',
    url: assessmentQuestionnaireUrl,
    version: '2026.1',
    name: 'CheckpointComprehensiveAssessment',
    title: 'Comprehensive assessment',
    status: 'active',
    subjectType: ['Patient'],
    item: assessmentSections.map((s) => ({
      linkId: s.linkId,
      text: s.text,
      type: 'group',
      item: [
        ...s.items.map(fhirItem),
        ...(s.instruments ?? []).map((inst) => ({
          linkId: inst.code,
          text: `${inst.name} (${inst.source})`,
          type: 'group',
          item: inst.items.map((i) =>
            fhirItem({ linkId: i.linkId, text: i.text, type: 'choice', options: i.options }),
          ),
        })),
      ],
    })),
  };
}
