import { type RiskFactor, w180OpioidFillsSql } from './risk-factor.ts';

/** §5 LONG_TERM_OPIOID (CDC: opioid use on most days for more than three months): ≥ 90 opioid days in W180. */
export const longTermOpioid: RiskFactor = {
  code: 'LONG_TERM_OPIOID',
  section: 'RISK-RULES §5',
  label: 'Long-term opioid',
  part2: false,
  prescribing: true,
  rule: (config) =>
    `${config.thresholds.longTermMinDays} or more days covered by an opioid fill in the last ${config.windows.shortDays} days.`,
  ruleSql: 'm.opioid_days >= p.long_term_min_days',
  valueSql: 'm.opioid_days',
  evidenceSql: w180OpioidFillsSql,
  numbers: (row, config) => ({
    opioidDays: row.opioid_days,
    minOpioidDays: config.thresholds.longTermMinDays,
  }),
};
