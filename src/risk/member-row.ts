/**
 * One row of `rk_member` as the SQL gives it (snake_case): what the rules measured for a
 * member, and for each factor of `factors/` its `<code>_rule`, `<code>_met` and `<code>_value`.
 */
export interface MemberRow {
  member_id: string;
  market: string;
  eligible: boolean;
  enrolled: boolean;
  line_of_business: string | null;
  opioid_days: number;
  avg_mme: number;
  opioid_fill_dates: number;
  opioid_days_supply: number;
  benzo_fill_dates: number;
  benzo_days: number;
  overlap_days: number;
  prescribers: number;
  pharmacies: number;
  l90_opioid_days: number;
  l90_avg_mme: number;
  w365_opioid_days: number;
  w365_avg_mme: number;
  oud_claims: number;
  overdose_claims: number;
  other_sud_claims: number;
  cancer: boolean;
  sickle_cell: boolean;
  hospice: boolean;
  on_moud: boolean;
  naloxone_fill: boolean;
  opioid_fill_l90: boolean;
  latest_emergency: string | null;
  opioid_episode: boolean;
  excluded: boolean;
  [column: string]: unknown;
}
