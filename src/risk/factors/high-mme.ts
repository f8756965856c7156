import { episodeNumbers, episodeText, type RiskFactor, w180OpioidFillsSql } from './risk-factor.ts';

/** §5 HIGH_MME (PQA OHD / CMS OMS): an opioid episode in W180 and average daily MME over W180 ≥ 90. */
export const highMme: RiskFactor = {
  code: 'HIGH_MME',
  section: 'RISK-RULES §5',
  label: 'High MME',
  part2: false,
  prescribing: true,
  rule: (config) =>
    `${capitalize(episodeText(config))} and an average daily MME of ${config.thresholds.highMme} or more over those ${config.windows.shortDays} days.`,
  ruleSql: 'm.opioid_episode and m.avg_mme >= p.high_mme',
  valueSql: 'm.avg_mme',
  evidenceSql: w180OpioidFillsSql,
  numbers: (row, config) => ({
    ...episodeNumbers(row, config),
    averageDailyMme: row.avg_mme,
    minAverageDailyMme: config.thresholds.highMme,
  }),
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
