import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { addDays } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { CandidateDisposer, DispositionDecision } from '../../risk/index.ts';
import type { CaseReasons, CaseTables } from './case-tables.ts';

/** RISK-RULES §7: a case closed this recently, with no emergency after its closing, is not reopened. */
export const closedLookbackDays = 90;
/** RISK-RULES §7: a member who declined this recently is not called again. */
export const declinedLookbackDays = 180;

/**
 * The outreach disposition step (RISK-RULES §7) over the operational store, in one
 * transaction: records the run, opens a case for `new`, refreshes the open case
 * for `open`, names why for `suppressed`, and keeps every candidate queryable.
 */
export function createCaseDisposer(db: OpsDb): CandidateDisposer {
  return {
    async dispose(run, candidates) {
      const decisions = new Map<string, DispositionDecision>();
      await db.transaction().execute(async (trx) => {
        const tx = trx.withTables<CaseTables>();
        await tx
          .insertInto('identification_run')
          .values({
            run_id: run.runId,
            as_of: run.asOf,
            rule_version: run.ruleVersion,
            factor_set: run.factorSet,
            counts: '{}',
          })
          .execute();
        const ids = candidates.map((c) => c.memberId);
        const open = new Map<string, string>();
        const recent = new Map<string, Array<{ closed: string; reason: string | null }>>();
        for (let i = 0; i < ids.length; i += 5000) {
          const chunk = ids.slice(i, i + 5000);
          const rows = await tx
            .selectFrom('outreach_case')
            .select([
              'case_id',
              'member_id',
              'status',
              'close_reason',
              sql<string>`to_char(closed_at, 'YYYY-MM-DD')`.as('closed'),
            ])
            .where('member_id', 'in', chunk)
            .where((w) =>
              w.or([
                w('status', '=', 'open'),
                w('closed_at', '>=', new Date(`${addDays(run.asOf, -declinedLookbackDays)}T00:00:00Z`)),
              ]),
            )
            .execute();
          for (const r of rows) {
            if (r.status === 'open') open.set(r.member_id, r.case_id);
            else {
              const list = recent.get(r.member_id) ?? [];
              list.push({ closed: r.closed, reason: r.close_reason });
              recent.set(r.member_id, list);
            }
          }
        }
        const toOpen: Array<Record<string, unknown>> = [];
        const toRefresh: Array<Record<string, unknown>> = [];
        const candidateRows: Array<{
          run_id: string;
          member_id: string;
          market: string | null;
          priority: number;
          disposition: 'new' | 'open' | 'suppressed';
          suppression_reason: string | null;
          case_id: string | null;
          reasons: string;
        }> = [];
        for (const c of candidates) {
          const reasons: CaseReasons = {
            emergencies: c.emergencies,
            riskFactors: c.riskFactors,
            context: c.context,
          };
          const reasonsJson = JSON.stringify(reasons);
          const latest = c.latestEmergency || null;
          let decision: DispositionDecision;
          let caseId: string | null = open.get(c.memberId) ?? null;
          if (caseId) {
            decision = { disposition: 'open' };
            toRefresh.push({ case_id: caseId, priority: c.priority, market: c.market, reasons, latest });
          } else {
            const closed = recent.get(c.memberId) ?? [];
            const declined = closed.some(
              (k) => k.reason === 'declined' && k.closed > addDays(run.asOf, -declinedLookbackDays),
            );
            const quiet = closed.some(
              (k) =>
                k.closed > addDays(run.asOf, -closedLookbackDays) && (latest === null || latest <= k.closed),
            );
            if (declined) decision = { disposition: 'suppressed', reason: 'DECLINED_RECENTLY' };
            else if (quiet) decision = { disposition: 'suppressed', reason: 'CLOSED_RECENTLY' };
            else {
              decision = { disposition: 'new' };
              caseId = randomUUID();
              toOpen.push({
                case_id: caseId,
                member_id: c.memberId,
                priority: c.priority,
                market: c.market,
                reasons,
                latest,
              });
            }
          }
          decisions.set(c.memberId, decision);
          candidateRows.push({
            run_id: run.runId,
            member_id: c.memberId,
            market: c.market,
            priority: c.priority,
            disposition: decision.disposition,
            suppression_reason: decision.reason ?? null,
            case_id: decision.disposition === 'suppressed' ? null : caseId,
            reasons: reasonsJson,
          });
        }
        for (let i = 0; i < toOpen.length; i += 1000) {
          const chunk = JSON.stringify(toOpen.slice(i, i + 1000));
          await sql`
            insert into outreach_case (case_id, member_id, status, priority, market, reasons, latest_emergency_date, opened_run_id, updated_run_id)
            select x.case_id, x.member_id, 'open', x.priority, x.market, x.reasons, x.latest, ${run.runId}, ${run.runId}
            from jsonb_to_recordset(${chunk}::jsonb) as x(case_id text, member_id text, priority int, market text, reasons jsonb, latest date)`.execute(
            trx,
          );
        }
        for (let i = 0; i < toRefresh.length; i += 1000) {
          const chunk = JSON.stringify(toRefresh.slice(i, i + 1000));
          await sql`
            update outreach_case c
            set priority = x.priority, market = x.market, reasons = x.reasons, latest_emergency_date = x.latest,
                updated_run_id = ${run.runId}, version = c.version + 1, updated_at = now()
            from jsonb_to_recordset(${chunk}::jsonb) as x(case_id text, priority int, market text, reasons jsonb, latest date)
            where c.case_id = x.case_id`.execute(trx);
        }
        for (let i = 0; i < candidateRows.length; i += 1000) {
          await tx
            .insertInto('run_candidate')
            .values(candidateRows.slice(i, i + 1000))
            .execute();
        }
        const counts = {
          candidates: candidates.length,
          new: toOpen.length,
          open: toRefresh.length,
          suppressed: candidates.length - toOpen.length - toRefresh.length,
        };
        await tx
          .updateTable('identification_run')
          .set({ counts: JSON.stringify(counts) })
          .where('run_id', '=', run.runId)
          .execute();
      });
      return decisions;
    },
  };
}
