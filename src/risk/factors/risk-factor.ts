import type { MemberRow } from '../member-row.ts';
import type { RiskConfig } from '../risk-config.ts';
import type { FactorOutcome, RiskFactorCode } from '../risk-types.ts';

/**
 * Everything about one RISK-RULES §5 risk factor, in one place: what it is called, the
 * rule as the configuration sets it, whether it is Part 2 data, and the SQL that decides
 * it and finds its proof. `member-steps.ts` builds `rk_member`'s factor columns,
 * `rk_member_factor` and `rk_evidence` from the list in `index.ts`; the explanation and
 * the web app's badges read the same list.
 */
export interface RiskFactor {
  code: RiskFactorCode;
  section: string;
  label: string;
  /** Facts from substance-use diagnoses: protected by 42 CFR Part 2, never re-disclosed. */
  part2: boolean;
  /** A prescribing factor, which a cancer, sickle-cell or hospice exclusion removes (§5 Exclusions). */
  prescribing: boolean;
  /** The rule in plain words, with the configuration's thresholds and windows. */
  rule(config: RiskConfig): string;
  /** SQL: whether the rule's own test passes, over `m` (a member's measures) and `p` (`rk_param`). */
  ruleSql: string;
  /** SQL over the same `m` and `p`: the headline number (average MME, days, prescribers, claims). */
  valueSql: string;
  /** SQL: `member_id, claim_id` of every claim that proves the factor (read only for members who have it). */
  evidenceSql: string;
  /** Every number the rule compared, and what it compared it with, for the explanation. */
  numbers(row: MemberRow, config: RiskConfig): FactorOutcome['numbers'];
  /** A diagnosis factor: the `rk_member` column counting the member's claims with a code-set hit. */
  claimCount?: { hit: string; column: string };
}

/** The §5 opioid episode the HIGH_MME and OPIOID_BENZO_OVERLAP rules share, decided once as `m.opioid_episode`. */
export const opioidEpisodeSql =
  'm.opioid_fill_dates >= p.episode_min_fills and m.opioid_days_supply >= p.episode_min_days_supply';

export function episodeNumbers(row: MemberRow, config: RiskConfig): FactorOutcome['numbers'] {
  return {
    opioidFillDates: row.opioid_fill_dates,
    minFillDates: config.thresholds.episodeMinFills,
    opioidDaysSupply: row.opioid_days_supply,
    minDaysSupply: config.thresholds.episodeMinDaysSupply,
    opioidEpisode: row.opioid_episode,
  };
}

export function episodeText(config: RiskConfig): string {
  const t = config.thresholds;
  return `an opioid episode (${t.episodeMinFills} or more opioid fills on different dates in the last ${config.windows.shortDays} days, adding up to ${t.episodeMinDaysSupply} or more days' supply)`;
}

/** A factor that one claim with a code of the set proves (§5: OUD, overdose history, other SUD). */
export function diagnosisFactor(args: {
  code: RiskFactorCode;
  label: string;
  part2: boolean;
  /** The `rk_medical_hit.hit` of the code set, and the `rk_member` column counting its claims. */
  hit: string;
  claimsColumn: string;
  what: string;
}): RiskFactor {
  return {
    code: args.code,
    section: 'RISK-RULES §5',
    label: args.label,
    part2: args.part2,
    prescribing: false,
    rule: (config) => `${args.what} on a medical claim in the last ${config.windows.longDays} days.`,
    ruleSql: `m.${args.claimsColumn} > 0`,
    valueSql: `m.${args.claimsColumn}`,
    evidenceSql: `select member_id, claim_id from rk_medical_hit where hit = '${args.hit}'`,
    numbers: (row) => ({ claims: Number(row[args.claimsColumn]), minClaims: 1 }),
    claimCount: { hit: args.hit, column: args.claimsColumn },
  };
}

/** The W180 opioid fills, which prove every prescribing factor but the prescriber count. */
export const w180OpioidFillsSql =
  "select member_id, claim_id from rk_fill_window where window_name = 'W180' and fill_kind = 'opioid'";
