import { bandOf, frequencyOptions, type Instrument, loinc } from './instrument.ts';

const items = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
];

/**
 * PHQ-9 (Kroenke, Spitzer & Williams 2001; public domain, no permission required): nine
 * 0–3 items summed to 0–27; 5, 10, 15 and 20 are the published cut points of mild,
 * moderate, moderately severe and severe depression.
 */
export const phq9: Instrument = {
  code: 'phq9',
  name: 'PHQ-9',
  source: 'Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606-613',
  items: items.map((text, i) => ({ linkId: `phq9-${i + 1}`, text, options: frequencyOptions })),
  scales: [
    {
      code: '44261-6',
      system: loinc,
      display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
      linkIds: items.map((_, i) => `phq9-${i + 1}`),
      min: 0,
      max: 27,
      band: (score) =>
        bandOf(
          [
            [0, 'minimal'],
            [5, 'mild'],
            [10, 'moderate'],
            [15, 'moderately severe'],
            [20, 'severe'],
          ],
          score,
        ),
    },
  ],
};
