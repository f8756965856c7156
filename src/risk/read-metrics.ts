import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { factorColumns, riskFactors } from './factors/index.ts';
import type { MemberRow } from './member-row.ts';
import type { RiskConfig } from './risk-config.ts';
import type {
  ContextCode,
  Emergency,
  EmergencyKind,
  ExclusionCode,
  FactorOutcome,
  MemberMetrics,
} from './risk-types.ts';

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
  const exclusions: ExclusionCode[] = [];
  if (row.cancer) exclusions.push('CANCER');
  if (row.sickle_cell) exclusions.push('SICKLE_CELL');
  if (row.hospice) exclusions.push('HOSPICE_PALLIATIVE');
  const factors: FactorOutcome[] = riskFactors.map((factor) => {
    const columns = factorColumns(factor);
    const met = row[columns.met] === true;
    return {
      code: factor.code,
      met,
      ruleMet: row[columns.rule] === true,
      excludedBy: factor.prescribing ? [...exclusions] : [],
      value: Number(row[columns.value]),
      numbers: factor.numbers(row, config),
      evidence: met ? evidenceRows.filter((e) => e.code === factor.code).map((e) => e.claim_id) : [],
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
