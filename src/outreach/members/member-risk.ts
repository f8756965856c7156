import { type SqlParam, type Warehouse, withOwnConnection } from '../../platform/warehouse/warehouse.ts';
import { explainMember, readRecordedRisks } from '../../risk/index.ts';
import { trackWarehouseWork } from './warehouse-work.ts';

export interface MemberRisk {
  onWorklist: boolean;
  priority: number | null;
  riskFactors: Array<{ code: string; met: boolean; value: number; evidence: string[] }>;
  emergencies: Array<{ kind: string; date: string; claimId: string }>;
  exclusions: string[];
  context: string[];
  dailyMme: Array<{ date: string; mme: number }>;
}

// Factors and context that are themselves SUD facts (RISK-RULES §3, §5): Part 2 data.
const part2Factors = new Set(['OUD_DIAGNOSIS', 'OTHER_SUD_DIAGNOSIS']);
const part2Context = new Set(['ON_MOUD']);

/**
 * The member's risk as of a date from the latest recorded run when it covers the member on that
 * date (no rules run), else explained live (`explainMemberRisk`); the same shape and Part 2 rules.
 */
export async function readMemberRisk(
  w: Warehouse,
  memberId: string,
  asOf: string,
  includePart2: boolean,
): Promise<MemberRisk> {
  const recorded = await trackWarehouseWork(() =>
    withOwnConnection(w, (c) => readRecordedMemberRisks(c, [memberId], asOf, includePart2)),
  );
  return recorded.get(memberId) ?? explainMemberRisk(w, memberId, asOf, includePart2);
}

/**
 * The recorded risk of several members as of a date, Part 2 rules applied, with one query per
 * table for all of them; members the latest run does not cover are absent (explain them live).
 */
export async function readRecordedMemberRisks(
  w: Warehouse,
  memberIds: readonly string[],
  asOf: string,
  includePart2: boolean,
): Promise<Map<string, MemberRisk>> {
  const risks = await readRecordedRisks(w, memberIds, asOf);
  const keepOf = await part2Filters(w, [...risks.keys()], includePart2);
  const shown = new Map<string, MemberRisk>();
  for (const [memberId, risk] of risks) {
    const keep = keepOf(memberId);
    shown.set(memberId, {
      onWorklist: true,
      priority: risk.priority,
      riskFactors: risk.factors
        .filter((f) => includePart2 || !part2Factors.has(f.code))
        .map((f) => ({ code: f.code, met: f.met, value: f.value, evidence: f.evidence.filter(keep) })),
      emergencies: risk.emergencies.filter((e) => keep(e.claimId)),
      exclusions: risk.exclusions,
      context: risk.context.filter((c) => includePart2 || !part2Context.has(c)),
      dailyMme: risk.dailyMme,
    });
  }
  return shown;
}

/**
 * The risk engine's explanation of a member as of a date, with a year (W365) of daily MME
 * from the same run. Without `includePart2`, SUD factors and any evidence from labeled
 * claims are left out.
 */
export async function explainMemberRisk(
  w: Warehouse,
  memberId: string,
  asOf: string,
  includePart2: boolean,
): Promise<MemberRisk> {
  return trackWarehouseWork(() =>
    withOwnConnection(w, (c) =>
      // On a pooled connection, one transaction: the run's temp-table steps then skip a commit each.
      c === w
        ? explainOn(c, memberId, asOf, includePart2)
        : c.transaction((tx) => explainOn(tx, memberId, asOf, includePart2)),
    ),
  );
}

async function explainOn(
  w: Warehouse,
  memberId: string,
  asOf: string,
  includePart2: boolean,
): Promise<MemberRisk> {
  const explanation = await explainMember(w, memberId, { asOf, withDailyMme: true });
  const m = explanation.metrics;
  const keep = await part2Filter(w, memberId, includePart2);
  return {
    onWorklist: explanation.candidate !== null,
    priority: explanation.candidate?.priority ?? null,
    riskFactors: (m?.factors ?? [])
      .filter((f) => includePart2 || !part2Factors.has(f.code))
      .map((f) => ({ code: f.code, met: f.met, value: f.value, evidence: f.evidence.filter(keep) })),
    emergencies: (m?.emergencies ?? []).filter((e) => keep(e.claimId)),
    exclusions: m?.exclusions ?? [],
    context: (m?.context ?? []).filter((c) => includePart2 || !part2Context.has(c)),
    dailyMme: explanation.dailyMme ?? [],
  };
}

/** Which of the member's claim ids the caller may see: without `includePart2`, none labeled Part 2. */
async function part2Filter(
  w: Warehouse,
  memberId: string,
  includePart2: boolean,
): Promise<(claimId: string) => boolean> {
  return (await part2Filters(w, [memberId], includePart2))(memberId);
}

/** `part2Filter` for several members with one query of their labeled claims. */
async function part2Filters(
  w: Warehouse,
  memberIds: readonly string[],
  includePart2: boolean,
): Promise<(memberId: string) => (claimId: string) => boolean> {
  if (includePart2 || memberIds.length === 0) return () => () => true;
  const params: SqlParam[] = [];
  const ids = memberIds.map((id) => `$${params.push(id)}`).join(', ');
  const rows = await w.all<{ member_id: string; claim_id: string }>(
    `select c.member_id, l.claim_id from claim_label l
     join (select member_id, claim_id from medical_claim where member_id in (${ids})
           union all select member_id, claim_id from pharmacy_claim where member_id in (${ids})) c
       on c.claim_id = l.claim_id
     where l.label = 'part2'`,
    params,
  );
  const labeled = new Map<string, Set<string>>();
  for (const r of rows) labeled.set(r.member_id, (labeled.get(r.member_id) ?? new Set()).add(r.claim_id));
  return (memberId) => {
    const mine = labeled.get(memberId);
    return (id) => !mine?.has(id);
  };
}
