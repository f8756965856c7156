import { addDays } from '../platform/calendar/iso-days.ts';
import type { SqlParam, Warehouse } from '../platform/warehouse/warehouse.ts';
import { type DailyMme, sumDailyMme } from './daily-mme-series.ts';
import { parseRiskConfig } from './risk-config.ts';
import type { ContextCode, EmergencyKind, ExclusionCode, RiskFactorCode } from './risk-types.ts';
import { drugClassKinds, moudIngredients, unitScales } from './rule-tables.ts';

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
  return (await readRecordedRisks(w, [memberId], asOf)).get(memberId) ?? null;
}

/** `$n, $n+1, …` placeholders for a list, pushed onto `params`. */
function listParams(params: SqlParam[], values: readonly string[]): string {
  return values.map((v) => `$${params.push(v)}`).join(', ');
}

/**
 * `readRecordedRisk` for several members at once (the same rules, one query per table for all
 * of them): a columnar warehouse scans a table once for fifty members as fast as for one.
 * Members without a recorded risk are absent from the map.
 */
export async function readRecordedRisks(
  w: Warehouse,
  memberIds: readonly string[],
  asOf: string,
): Promise<Map<string, RecordedRisk>> {
  const found = new Map<string, RecordedRisk>();
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return found;
  let head: Array<{ run_id: string; factor_set: string; member_id: string; priority: number }>;
  try {
    const params: SqlParam[] = [asOf];
    head = await w.all(
      `with latest as (select run_id, as_of, factor_set from risk_run order by as_of desc, started_at desc limit 1)
       select l.run_id, l.factor_set, k.member_id, k.priority
       from latest l join risk_candidate k on k.run_id = l.run_id and k.member_id in (${listParams(params, ids)})
       where l.as_of = cast($1 as date)`,
      params,
    );
  } catch {
    return found; // No run has been recorded in this warehouse yet.
  }
  const first = head[0];
  if (!first) return found;
  const runId = first.run_id;
  const candidates = head.map((h) => h.member_id);
  const factorParams: SqlParam[] = [runId];
  const factorRows = await w.all<{ member_id: string; code: RiskFactorCode; met: boolean; value: number }>(
    `select member_id, code, met, value from risk_candidate_factor
     where run_id = $1 and member_id in (${listParams(factorParams, candidates)}) order by member_id, ord`,
    factorParams,
  );
  const reasonParams: SqlParam[] = [runId];
  const reasonRows = await w.all<{
    member_id: string;
    kind: string;
    code: string;
    event_date: string | null;
    claim_id: string | null;
  }>(
    `select member_id, kind, code, event_date, claim_id from risk_reason
     where run_id = $1 and member_id in (${listParams(reasonParams, candidates)})
     order by member_id, kind, event_date, code, claim_id`,
    reasonParams,
  );
  const withFactors = candidates.filter((id) => factorRows.some((f) => f.member_id === id));
  const dailyMme = await readDailyMmes(w, withFactors, asOf, first.factor_set);
  for (const h of head) {
    const factors = factorRows.filter((f) => f.member_id === h.member_id);
    if (factors.length === 0) continue;
    const reasons = reasonRows.filter((r) => r.member_id === h.member_id);
    const of = (kind: string) => reasons.filter((r) => r.kind === kind);
    const codes = (kind: string, order: readonly string[]) =>
      [...new Set(of(kind).map((r) => r.code))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    found.set(h.member_id, {
      runId: h.run_id,
      priority: h.priority,
      factors: factors.map((f) => ({
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
      dailyMme: dailyMme.get(h.member_id) ?? sumDailyMme([], addDays(asOf, -(longSpan() - 1)), longSpan()),
    });
  }
  return found;
}

function longSpan(): number {
  return parseRiskConfig({}).windows.longDays;
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
  const span = longSpan();
  return (
    (await readDailyMmes(w, [memberId], asOf, factorSet)).get(memberId) ??
    sumDailyMme([], addDays(asOf, -(span - 1)), span)
  );
}

/** `readDailyMme` for several members with one query of their fills. */
export async function readDailyMmes(
  w: Warehouse,
  memberIds: readonly string[],
  asOf: string,
  factorSet: string,
): Promise<Map<string, DailyMme[]>> {
  const series = new Map<string, DailyMme[]>();
  if (memberIds.length === 0) return series;
  const span = longSpan();
  const from = addDays(asOf, -(span - 1));
  const params: SqlParam[] = [asOf, from, factorSet];
  const members = listParams(params, memberIds);
  const list = (values: readonly string[]) => listParams(params, values);
  const opioidClasses = list(drugClassKinds.filter(([, kind]) => kind === 'opioid').map(([c]) => c));
  const moud = list(moudIngredients);
  const scales = unitScales
    .map(
      ([unit, scale]) =>
        `when upper(trim(d.unit)) = $${params.push(unit)} then cast($${params.push(scale)} as double precision)`,
    )
    .join(' ');
  // The same filters and arithmetic as rk_drug and rk_fill (fill-steps.ts): current, not reversed, reaching W365.
  const fills = await w.all<{
    member_id: string;
    fill_date: string;
    end_date: string;
    daily_mme: number | null;
  }>(
    `select c.member_id, c.fill_date, c.fill_date + (c.days_supply - 1) as end_date,
            d.strength * (case ${scales} else 1 end) * c.quantity * v.factor / c.days_supply as daily_mme
     from pharmacy_claim c
     join drug d on d.ndc = c.ndc
     left join drug_mme_factor v on v.ndc = d.ndc and v.factor_set = $3
     where c.member_id in (${members}) and c.is_current and not c.is_reversed and c.days_supply > 0 and c.quantity >= 0
       and c.fill_date <= cast($1 as date) and c.fill_date + (c.days_supply - 1) >= cast($2 as date)
       and d.drug_class in (${opioidClasses}) and coalesce(d.ingredient, '') not in (${moud})
     order by c.member_id, c.fill_date, c.claim_id`,
    params,
  );
  for (const id of memberIds)
    series.set(
      id,
      sumDailyMme(
        fills.filter((f) => f.member_id === id),
        from,
        span,
      ),
    );
  return series;
}
