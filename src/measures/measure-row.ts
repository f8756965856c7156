export const measureCodes = [
  'member_months',
  'overdose_rate',
  'opioid_users',
  'average_mme',
  'high_mme_share',
  'opioid_benzo_share',
  'fua_7',
  'fua_30',
  'moud_continuity_180',
  'funnel_identified',
  'funnel_attempted',
  'funnel_reached',
  'funnel_engaged',
  'funnel_treatment_started',
  'days_to_first_attempt_median',
  'days_to_first_attempt_p90',
  'goal_ratio',
  'did_ratio',
] as const;
export type MeasureCode = (typeof measureCodes)[number];
export type Period = 'range' | 'baseline' | 'latest12';

/** One row of the measures output: a measure for a market and a month or a period; never about one member. */
export interface MeasureRow {
  measure: MeasureCode;
  market: string;
  month: string | null;
  period: Period | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  suppressed: boolean;
}
