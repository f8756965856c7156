import { checkpointInstrumentSystem, type Instrument } from './instrument.ts';

const statements = [
  'There are more important things to me in life than using substances.',
  'In general I am happy with my life.',
  'I have enough energy to complete the tasks I set myself.',
  'I am proud of the community I live in and feel a part of it.',
  'I get lots of support from friends.',
  'I regard my life as challenging and fulfilling without the need for using drugs or alcohol.',
  'My living space has helped to drive my recovery journey.',
  'I take full responsibility for my actions.',
  'I am happy dealing with a range of professional people.',
  'I am making good progress on my recovery journey.',
];
const agreement = [
  'Strongly disagree',
  'Disagree',
  'Somewhat disagree',
  'Somewhat agree',
  'Agree',
  'Strongly agree',
].map((display, i) => ({ code: String(i + 1), display, score: i + 1 }));

/**
 * BARC-10, the Brief Assessment of Recovery Capital (Vilsaint et al. 2017; free to use):
 * ten statements rated 1–6, summed to 10–60; 47 or more is the published cut point
 * associated with sustained remission.
 */
export const barc10: Instrument = {
  code: 'barc10',
  name: 'BARC-10',
  source: 'Vilsaint CL, Kelly JF, Bergman BG, et al. Drug Alcohol Depend 2017;177:71-76',
  items: statements.map((text, i) => ({ linkId: `barc10-${i + 1}`, text, options: agreement })),
  scales: [
    {
      code: 'barc10-total',
      system: checkpointInstrumentSystem,
      display: 'Brief Assessment of Recovery Capital (BARC-10) total score',
      linkIds: statements.map((_, i) => `barc10-${i + 1}`),
      min: 10,
      max: 60,
      band: (score) => (score >= 47 ? 'recovery capital at or above 47' : 'recovery capital below 47'),
    },
  ],
};
