import { type Instrument, loinc } from './instrument.ts';

const option = (code: string, display: string, score: number) => ({ code, display, score });

/**
 * AUDIT-C (Bush et al. 1998; the first three items of the WHO AUDIT, public domain): three
 * 0–4 items summed to 0–12. A score of 4 or more (3 or more for women) screens positive;
 * the band says so without assuming sex, which the assessment does not record.
 */
export const auditC: Instrument = {
  code: 'audit-c',
  name: 'AUDIT-C',
  source: 'Bush K, Kivlahan DR, McDonell MB, et al. Arch Intern Med 1998;158:1789-1795',
  items: [
    {
      linkId: 'auditc-1',
      text: 'How often do you have a drink containing alcohol?',
      options: [
        option('never', 'Never', 0),
        option('monthly-or-less', 'Monthly or less', 1),
        option('2-4-per-month', '2–4 times a month', 2),
        option('2-3-per-week', '2–3 times a week', 3),
        option('4-plus-per-week', '4 or more times a week', 4),
      ],
    },
    {
      linkId: 'auditc-2',
      text: 'How many standard drinks containing alcohol do you have on a typical day?',
      options: [
        option('1-2', '1 or 2', 0),
        option('3-4', '3 or 4', 1),
        option('5-6', '5 or 6', 2),
        option('7-9', '7 to 9', 3),
        option('10-plus', '10 or more', 4),
      ],
    },
    {
      linkId: 'auditc-3',
      text: 'How often do you have six or more drinks on one occasion?',
      options: [
        option('never', 'Never', 0),
        option('less-than-monthly', 'Less than monthly', 1),
        option('monthly', 'Monthly', 2),
        option('weekly', 'Weekly', 3),
        option('daily', 'Daily or almost daily', 4),
      ],
    },
  ],
  scales: [
    {
      code: '75626-2',
      system: loinc,
      display: 'Total score [AUDIT-C]',
      linkIds: ['auditc-1', 'auditc-2', 'auditc-3'],
      min: 0,
      max: 12,
      band: (score) => (score >= 4 ? 'positive' : score === 3 ? 'positive for women' : 'negative'),
    },
  ],
};
