import { episodeNumbers, episodeText, type RiskFactor } from './risk-factor.ts';

/**
 * §5 OPIOID_BENZO_OVERLAP (PQA COB): an opioid episode in W180, ≥ 2 benzodiazepine fills on
 * different dates in W180, and ≥ 30 days of W180 covered by both.
 */
export const opioidBenzoOverlap: RiskFactor = {
  code: 'OPIOID_BENZO_OVERLAP',
  section: 'RISK-RULES §5',
  label: 'Opioid + benzodiazepine',
  part2: false,
  prescribing: true,
  rule: (config) => {
    const t = config.thresholds;
    return `In the last ${config.windows.shortDays} days: ${episodeText(config)}, ${t.benzoMinFills} or more benzodiazepine fills on different dates, and ${t.overlapMinDays} or more days covered by both.`;
  },
  ruleSql:
    'm.opioid_episode and m.benzo_fill_dates >= p.benzo_min_fills and m.overlap_days >= p.overlap_min_days',
  valueSql: 'm.overlap_days',
  // Both drugs' fills in W180 prove the overlap.
  evidenceSql: "select member_id, claim_id from rk_fill_window where window_name = 'W180'",
  numbers: (row, config) => ({
    ...episodeNumbers(row, config),
    benzodiazepineFillDates: row.benzo_fill_dates,
    minBenzodiazepineFillDates: config.thresholds.benzoMinFills,
    overlapDays: row.overlap_days,
    minOverlapDays: config.thresholds.overlapMinDays,
  }),
};
