import { checkpointInstrumentSystem, type Instrument, type InstrumentItem } from './instrument.ts';

type Options = InstrumentItem['options'];

/** A "how many days in the past 30" item, coded as the BAM manual bins it. */
const days: Options = [
  { code: '0', display: '0 days', score: 0 },
  { code: '1-3', display: '1–3 days', score: 1 },
  { code: '4-8', display: '4–8 days', score: 2 },
  { code: '9-15', display: '9–15 days', score: 3 },
  { code: '16-30', display: '16–30 days', score: 4 },
];
const extent = (labels: readonly string[]): Options =>
  labels.map((display, score) => ({ code: String(score), display, score }));
const notAtAllToExtremely = extent(['Not at all', 'Slightly', 'Moderately', 'Considerably', 'Extremely']);

const item = (n: number, text: string, options: Options): InstrumentItem => ({
  linkId: `bam-${n}`,
  text: `In the past 30 days, ${text}`,
  options,
});

const scale = (code: string, display: string, numbers: readonly number[]) => ({
  code,
  system: checkpointInstrumentSystem,
  display,
  linkIds: numbers.map((n) => `bam-${n}`),
  min: 0,
  max: numbers.length * 4,
});

/**
 * The Brief Addiction Monitor (Cacciola et al. 2013; US Department of Veterans Affairs,
 * public domain). Day counts are binned 0 / 1–3 / 4–8 / 9–15 / 16–30 → 0–4; income is
 * yes 4, no 0. Its three subscales, as its manual scores them: Use (items 4, 5, 6; 0–12),
 * Risk factors (1, 2, 3, 8, 11, 15; 0–24) and Protective factors (9, 10, 12, 13, 14, 16;
 * 0–24). Item 7 (which drugs) is asked in the substance-use history; item 17 is unscored.
 */
export const bam: Instrument = {
  code: 'bam',
  name: 'Brief Addiction Monitor',
  source: 'Cacciola JS, Alterman AI, DePhilippis D, et al. J Subst Abuse Treat 2013;44:256-263',
  items: [
    item(
      1,
      'how would you say your physical health has been?',
      extent(['Excellent', 'Very good', 'Good', 'Fair', 'Poor']),
    ),
    item(2, 'how many nights did you have trouble falling asleep or staying asleep?', days),
    item(3, 'how many days have you felt depressed, anxious, angry or very upset for most of the day?', days),
    item(4, 'how many days did you drink any alcohol?', days),
    item(
      5,
      'how many days did you have at least 5 drinks (if you are a man) or 4 drinks (if you are a woman)?',
      days,
    ),
    item(
      6,
      'how many days did you use any illegal or street drugs or misuse any prescription medications?',
      days,
    ),
    item(
      8,
      'how much were you bothered by cravings or urges to drink alcohol or use drugs?',
      notAtAllToExtremely,
    ),
    item(
      9,
      'how confident are you in your ability to be completely abstinent from alcohol and drugs?',
      notAtAllToExtremely,
    ),
    item(10, 'how many days did you attend self-help meetings to support your recovery?', days),
    item(
      11,
      'how many days were you in situations or with people that might put you at increased risk for using?',
      days,
    ),
    item(12, 'does your religion or spirituality help support your recovery?', notAtAllToExtremely),
    item(13, 'how many days did you spend much of the time at work, school, or doing volunteer work?', days),
    item(
      14,
      'did you have enough income (from legal sources) to pay for necessities such as housing, transportation, food and clothing?',
      [
        { code: 'no', display: 'No', score: 0 },
        { code: 'yes', display: 'Yes', score: 4 },
      ],
    ),
    item(
      15,
      'how much have you been bothered by arguments or problems getting along with family or friends?',
      notAtAllToExtremely,
    ),
    item(
      16,
      'how many days were you in contact or spent time with family or friends who are supportive of your recovery?',
      days,
    ),
    item(
      17,
      'how satisfied are you with your progress toward achieving your recovery goals?',
      notAtAllToExtremely,
    ),
  ],
  scales: [
    scale('bam-use', 'Brief Addiction Monitor: Use', [4, 5, 6]),
    scale('bam-risk', 'Brief Addiction Monitor: Risk factors', [1, 2, 3, 8, 11, 15]),
    scale('bam-protective', 'Brief Addiction Monitor: Protective factors', [9, 10, 12, 13, 14, 16]),
  ],
};
