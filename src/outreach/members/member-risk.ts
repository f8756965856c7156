import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { dailyMmeSeries, explainMember } from '../../risk/index.ts';
import { withWarehouseLock } from './warehouse-lock.ts';

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

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The risk engine's explanation of a member as of a date, with a year of daily MME.
 * Without `includePart2`, SUD factors and any evidence from labeled claims are left out.
 */
export async function explainMemberRisk(
  w: Warehouse,
  memberId: string,
  asOf: string,
  includePart2: boolean,
): Promise<MemberRisk> {
  const { explanation, series } = await withWarehouseLock(async () => ({
    explanation: await explainMember(w, memberId, { asOf }),
    series: await dailyMmeSeries(w, memberId, addDays(asOf, -364), asOf),
  }));
  const m = explanation.metrics;
  let labeled = new Set<string>();
  if (!includePart2) {
    const rows = await w.all<{ claim_id: string }>(
      `select l.claim_id from claim_label l
       where l.label = 'part2' and l.claim_id in (
         select claim_id from medical_claim where member_id = $1
         union all select claim_id from pharmacy_claim where member_id = $1)`,
      [memberId],
    );
    labeled = new Set(rows.map((r) => r.claim_id));
  }
  const keep = (id: string) => includePart2 || !labeled.has(id);
  return {
    onWorklist: explanation.candidate !== null,
    priority: explanation.candidate?.priority ?? null,
    riskFactors: (m?.factors ?? [])
      .filter((f) => includePart2 || !part2Factors.has(f.code))
      .map((f) => ({ code: f.code, met: f.met, value: f.value, evidence: f.evidence.filter(keep) })),
    emergencies: (m?.emergencies ?? []).filter((e) => keep(e.claimId)),
    exclusions: m?.exclusions ?? [],
    context: (m?.context ?? []).filter((c) => includePart2 || !part2Context.has(c)),
    dailyMme: series,
  };
}
