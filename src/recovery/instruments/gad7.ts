import { bandOf, frequencyOptions, type Instrument, loinc } from './instrument.ts';

const items = [
  'Feeling nervous, anxious, or on edge',
  'Not being able to stop or control worrying',
  'Worrying too much about different things',
  'Trouble relaxing',
  'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable',
  'Feeling afraid, as if something awful might happen',
];

/**
 * GAD-7 (Spitzer, Kroenke, Williams & Löwe 2006; public domain): seven 0–3 items summed to
 * 0–21; 5, 10 and 15 are the published cut points of mild, moderate and severe anxiety.
 */
export const gad7: Instrument = {
  code: 'gad7',
  name: 'GAD-7',
  source: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092-1097',
  items: items.map((text, i) => ({ linkId: `gad7-${i + 1}`, text, options: frequencyOptions })),
  scales: [
    {
      code: '70274-6',
      system: loinc,
      display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
      linkIds: items.map((_, i) => `gad7-${i + 1}`),
      min: 0,
      max: 21,
      band: (score) =>
        bandOf(
          [
            [0, 'minimal'],
            [5, 'mild'],
            [10, 'moderate'],
            [15, 'severe'],
          ],
          score,
        ),
    },
  ],
};
