import type { SqlParam, Warehouse } from '../platform/warehouse/warehouse.ts';
import { type DailyMme, sumDailyMme } from './daily-mme-series.ts';
import { parseRiskConfig } from './risk-config.ts';
import type { ContextCode, EmergencyKind, ExclusionCode, RiskFactorCode } from './risk-types.ts';
import { addDays, drugClassKinds, moudIngredients, unitScales } from './rule-tables.ts';

/** A candidate as its latest recorded run saw it, with the daily MME of its current opioid fills. */
export interface RecordedRisk {
  runId: string;
  priority: number;
  factors: Array<{ code: RiskFactorCode; met: boolean; value: number; evidence: string[] }>;
  emergencies: Array<{ kind: EmergencyKind; date: string; claimId: string }>;
  exclusions: ExclusionCode[];
  context: ContextCode[];
  dailyMme: DailyMme[];
}

const exclusionOrder: readonly string[] = ['CANCER', 'SICKLE_CELL', 'HOSPICE_PALLIATIVE'];
const contextOrder: readonly string[] = ['ON_MOUD', 'NALOXONE_FILL'];

/**
 * The member's risk from the latest recorded run when that run is as of `asOf` and the member
 * was one of its candidates; null otherwise (no run tables, another date, not a candidate, or a
 * run recorded before candidates' factors were kept), and the caller explains the member live.
 */
export async function readRecordedRisk(
  w: Warehouse,
  memberId: string,
  asOf: string,
): Promise<RecordedRisk | null> {
  let head: Array<{ run_id: string; factor_set: string; priority: number }>;
  try {
    head = await w.all(
      `with latest as (select run_id, as_of, factor_set from risk_run order by as_of desc, started_at desc limit 1)
       select l.run_id, l.factor_set, k.priority
       from latest l join risk_candidate k on k.run_id = l.run_id and k.member_id = $1
       where l.as_of = cast($2 as date)`,
      [memberId, asOf],
    );
  } catch {
    return null; // No run has been recorded in this warehouse yet.
  }
  const run = head[0];
  if (!run) return null;
  const factorRows = await w.all<{ code: RiskFactorCode; met: boolean; value: number }>(
    'select code, met, value from risk_candidate_factor where run_id = $1 and member_id = $2 order by ord',
    [run.run_id, memberId],
  );
  if (factorRows.length === 0) return null;
  const reasons = await w.all<{
    kind: string;
    code: string;
    event_date: string | null;
    claim_id: string | null;
  }>(
    `select kind, code, event_date, claim_id from risk_reason where run_id = $1 and member_id = $2
     order by kind, event_date, code, claim_id`,
    [run.run_id, memberId],
  );
  const of = (kind: string) => reasons.filter((r) => r.kind === kind);
  const codes = (kind: string, order: readonly string[]) =>
    [...new Set(of(kind).map((r) => r.code))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    runId: run.run_id,
    priority: run.priority,
    factors: factorRows.map((f) => ({
      code: f.code,
      met: f.met,
      value: f.value,
      evidence: f.met
        ? of('factor')
            .filter((r) => r.code === f.code && r.claim_id !== null)
            .map((r) => r.claim_id as string)
        : [],
    })),
    emergencies: of('emergency').map((r) => ({
      kind: r.code as EmergencyKind,
      date: r.event_date ?? '',
      claimId: r.claim_id ?? '',
    })),
    exclusions: codes('exclusion', exclusionOrder) as ExclusionCode[],
    context: codes('context', contextOrder) as ContextCode[],
    dailyMme: await readDailyMme(w, memberId, asOf, run.factor_set),
  };
}

/**
 * RISK-RULES §4 daily MME over the long window (W365) up to `asOf`, from one selective query
 * of the member's current opioid fills (fills × drug × drug_mme_factor), summed per day in JS.
 */
export async function readDailyMme(
  w: Warehouse,
  memberId: string,
  asOf: string,
  factorSet: string,
): Promise<DailyMme[]> {
  const span = parseRiskConfig({}).windows.longDays;
  const from = addDays(asOf, -(span - 1));
  const params: SqlParam[] = [memberId, asOf, from, factorSet];
  const list = (values: readonly string[]) => values.map((v) => `$${params.push(v)}`).join(', ');
  const opioidClasses = list(drugClassKinds.filter(([, kind]) => kind === 'opioid').map(([c]) => c));
  const moud = list(moudIngredients);
  const scales = unitScales
    .map(
      ([unit, scale]) =>
        `when upper(trim(d.unit)) = $${params.push(unit)} then cast($${params.push(scale)} as double precision)`,
    )
    .join(' ');
  // The same filters and arithmetic as rk_drug and rk_fill (fill-steps.ts): current, not reversed, reaching W365.
  const fills = await w.all<{ fill_date: string; end_date: string; daily_mme: number | null }>(
    `select c.fill_date, c.fill_date + (c.days_supply - 1) as end_date,
            d.strength * (case ${scales} else 1 end) * c.quantity * v.factor / c.days_supply as daily_mme
     from pharmacy_claim c
     join drug d on d.ndc = c.ndc
     left join drug_mme_factor v on v.ndc = d.ndc and v.factor_set = $4
     where c.member_id = $1 and c.is_current and not c.is_reversed and c.days_supply > 0 and c.quantity >= 0
       and c.fill_date <= cast($2 as date) and c.fill_date + (c.days_supply - 1) >= cast($3 as date)
       and d.drug_class in (${opioidClasses}) and coalesce(d.ingredient, '') not in (${moud})
     order by c.fill_date, c.claim_id`,
    params,
  );
  return sumDailyMme(fills, from, span);
}
