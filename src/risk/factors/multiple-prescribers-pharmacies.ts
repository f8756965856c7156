import type { RiskFactor } from './risk-factor.ts';

/**
 * §5 MULTIPLE_PRESCRIBERS_PHARMACIES (PQA OMP): opioid fills dated in W180 from ≥ 4 distinct
 * prescribers and ≥ 4 distinct pharmacies; a fill without an id adds to neither count.
 */
export const multiplePrescribersPharmacies: RiskFactor = {
  code: 'MULTIPLE_PRESCRIBERS_PHARMACIES',
  section: 'RISK-RULES §5',
  label: 'Many prescribers & pharmacies',
  part2: false,
  prescribing: true,
  rule: (config) => {
    const t = config.thresholds;
    return `Opioid fills in the last ${config.windows.shortDays} days from ${t.minPrescribers} or more prescribers and ${t.minPharmacies} or more pharmacies.`;
  },
  ruleSql: 'm.prescribers >= p.min_prescribers and m.pharmacies >= p.min_pharmacies',
  valueSql: 'm.prescribers',
  // Only fills dated in the window count prescribers and pharmacies, so only they prove it.
  evidenceSql:
    "select member_id, claim_id from rk_fill_window where window_name = 'W180' and fill_kind = 'opioid' and filled_in_window",
  numbers: (row, config) => ({
    prescribers: row.prescribers,
    minPrescribers: config.thresholds.minPrescribers,
    pharmacies: row.pharmacies,
    minPharmacies: config.thresholds.minPharmacies,
  }),
};
