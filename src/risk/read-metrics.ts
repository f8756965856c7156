import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import type { RiskConfig } from './risk-config.ts';
import {
  type ContextCode,
  type Emergency,
  type EmergencyKind,
  type ExclusionCode,
  type FactorOutcome,
  type MemberMetrics,
  prescribingFactors,
  type RiskFactorCode,
  riskFactorCodes,
} from './risk-types.ts';

interface MemberRow {
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
  high_mme_rule: boolean;
  prescribers_rule: boolean;
  overlap_rule: boolean;
  long_term_rule: boolean;
  [key: string]: unknown;
}

/**
 * Which members to read: all with activity, the worklist's candidates, or those
 * with an opioid fill dated in W180 (all RISK-RULES §8–9 can select).
 */
export type MetricsScope = 'all' | 'candidates' | 'opioid-fill-w180';

const scopeJoins: Record<MetricsScope, string> = {
  all: '',
  candidates: 'join rk_candidate k on k.member_id = t.member_id',
  'opioid-fill-w180':
    'join (select member_id from rk_member where opioid_fill_dates > 0) k on k.member_id = t.member_id',
};

/** Reads the per-member outcome of the last rule run on this connection into typed metrics. */
export async function readMemberMetrics(
  warehouse: Warehouse,
  config: RiskConfig,
  scope: MetricsScope,
): Promise<MemberMetrics[]> {
  const only = scopeJoins[scope];
  const members = await warehouse.all<MemberRow>(`select t.* from rk_member t ${only} order by t.member_id`);
  const emergencies = groupBy(
    await warehouse.all<{ member_id: string; kind: EmergencyKind; claim_date: string; claim_id: string }>(
      `select t.member_id, t.kind, t.claim_date, t.claim_id from rk_emergency t ${only}
       order by t.member_id, t.claim_date, t.kind, t.claim_id`,
    ),
  );
  const evidence = groupBy(
    await warehouse.all<{ member_id: string; code: string; claim_id: string }>(
      `select t.member_id, t.code, t.claim_id from rk_evidence t ${only} order by t.member_id, t.code, t.claim_id`,
    ),
  );
  const providers = groupBy(
    await warehouse.all<{ member_id: string; role: string; npi: string }>(
      `select t.member_id, t.role, t.npi from (
         select distinct member_id, 'prescriber' as role, prescriber_npi as npi from rk_fill_window
         where window_name = 'W180' and fill_kind = 'opioid' and filled_in_window and prescriber_npi is not null
         union
         select distinct member_id, 'pharmacy', pharmacy_npi from rk_fill_window
         where window_name = 'W180' and fill_kind = 'opioid' and filled_in_window and pharmacy_npi is not null
       ) t ${only} order by t.member_id, t.role, t.npi`,
    ),
  );
  return members.map((row) =>
    toMetrics(
      row,
      config,
      emergencies.get(row.member_id) ?? [],
      evidence.get(row.member_id) ?? [],
      providers.get(row.member_id) ?? [],
    ),
  );
}

function toMetrics(
  row: MemberRow,
  config: RiskConfig,
  emergencyRows: ReadonlyArray<{ kind: EmergencyKind; claim_date: string; claim_id: string }>,
  evidenceRows: ReadonlyArray<{ code: string; claim_id: string }>,
  providerRows: ReadonlyArray<{ role: string; npi: string }>,
): MemberMetrics {
  const t = config.thresholds;
  const exclusions: ExclusionCode[] = [];
  if (row.cancer) exclusions.push('CANCER');
  if (row.sickle_cell) exclusions.push('SICKLE_CELL');
  if (row.hospice) exclusions.push('HOSPICE_PALLIATIVE');
  const episode = {
    opioidFillDates: row.opioid_fill_dates,
    minFillDates: t.episodeMinFills,
    opioidDaysSupply: row.opioid_days_supply,
    minDaysSupply: t.episodeMinDaysSupply,
    opioidEpisode: row.opioid_episode,
  };
  const rules: Record<
    RiskFactorCode,
    { ruleMet: boolean; value: number; numbers: FactorOutcome['numbers'] }
  > = {
    OPIOID_OVERDOSE_HISTORY: {
      ruleMet: row.overdose_claims > 0,
      value: row.overdose_claims,
      numbers: { claims: row.overdose_claims, minClaims: 1 },
    },
    OUD_DIAGNOSIS: {
      ruleMet: row.oud_claims > 0,
      value: row.oud_claims,
      numbers: { claims: row.oud_claims, minClaims: 1 },
    },
    HIGH_MME: {
      ruleMet: row.high_mme_rule,
      value: row.avg_mme,
      numbers: { ...episode, averageDailyMme: row.avg_mme, minAverageDailyMme: t.highMme },
    },
    OPIOID_BENZO_OVERLAP: {
      ruleMet: row.overlap_rule,
      value: row.overlap_days,
      numbers: {
        ...episode,
        benzodiazepineFillDates: row.benzo_fill_dates,
        minBenzodiazepineFillDates: t.benzoMinFills,
        overlapDays: row.overlap_days,
        minOverlapDays: t.overlapMinDays,
      },
    },
    MULTIPLE_PRESCRIBERS_PHARMACIES: {
      ruleMet: row.prescribers_rule,
      value: row.prescribers,
      numbers: {
        prescribers: row.prescribers,
        minPrescribers: t.minPrescribers,
        pharmacies: row.pharmacies,
        minPharmacies: t.minPharmacies,
      },
    },
    LONG_TERM_OPIOID: {
      ruleMet: row.long_term_rule,
      value: row.opioid_days,
      numbers: { opioidDays: row.opioid_days, minOpioidDays: t.longTermMinDays },
    },
    OTHER_SUD_DIAGNOSIS: {
      ruleMet: row.other_sud_claims > 0,
      value: row.other_sud_claims,
      numbers: { claims: row.other_sud_claims, minClaims: 1 },
    },
  };
  const factors: FactorOutcome[] = riskFactorCodes.map((code) => {
    const rule = rules[code];
    const excludedBy = prescribingFactors.includes(code) ? exclusions : [];
    const met = rule.ruleMet && excludedBy.length === 0;
    const proof = met ? evidenceRows.filter((e) => e.code === code).map((e) => e.claim_id) : [];
    return {
      code,
      met,
      ruleMet: rule.ruleMet,
      excludedBy: [...excludedBy],
      value: rule.value,
      numbers: rule.numbers,
      evidence: proof,
    };
  });
  const context: ContextCode[] = [];
  if (row.on_moud) context.push('ON_MOUD');
  if (row.naloxone_fill) context.push('NALOXONE_FILL');
  const emergencies: Emergency[] = emergencyRows.map((e) => ({
    kind: e.kind,
    date: e.claim_date,
    claimId: e.claim_id,
  }));
  return {
    memberId: row.member_id,
    market: row.market,
    enrolled: row.enrolled,
    lineOfBusiness: row.line_of_business,
    eligible: row.eligible,
    windows: [
      { window: 'L90', opioidDays: row.l90_opioid_days, averageDailyMme: row.l90_avg_mme },
      { window: 'W180', opioidDays: row.opioid_days, averageDailyMme: row.avg_mme },
      { window: 'W365', opioidDays: row.w365_opioid_days, averageDailyMme: row.w365_avg_mme },
    ],
    w180: {
      opioidDays: row.opioid_days,
      averageDailyMme: row.avg_mme,
      opioidFillDates: row.opioid_fill_dates,
      opioidDaysSupply: row.opioid_days_supply,
      opioidEpisode: row.opioid_episode,
      benzodiazepineFillDates: row.benzo_fill_dates,
      benzodiazepineDays: row.benzo_days,
      overlapDays: row.overlap_days,
      prescribers: providerRows.filter((p) => p.role === 'prescriber').map((p) => p.npi),
      pharmacies: providerRows.filter((p) => p.role === 'pharmacy').map((p) => p.npi),
    },
    opioidFillInL90: row.opioid_fill_l90,
    factors,
    riskFactors: factors.filter((f) => f.met).map((f) => f.code),
    emergencies,
    latestEmergency: row.latest_emergency,
    exclusions,
    context,
  };
}

function groupBy<T extends { member_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.member_id);
    if (list) list.push(row);
    else out.set(row.member_id, [row]);
  }
  return out;
}
