import { sql } from 'kysely';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseTables } from '../cases/case-tables.ts';

type Disposition = 'new' | 'open' | 'suppressed';

/** The latest identification runs with their counts (no member ids). */
export async function listRuns(ops: OpsDb, limit: number) {
  const rows = await ops
    .withTables<CaseTables>()
    .selectFrom('identification_run')
    .select([
      'run_id',
      'as_of',
      'rule_version',
      'factor_set',
      'started_at',
      sql<Record<string, number>>`counts`.as('counts'),
    ])
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    runId: r.run_id,
    asOf: r.as_of,
    ruleVersion: r.rule_version,
    factorSet: r.factor_set,
    startedAt: new Date(r.started_at).toISOString(),
    counts: r.counts,
  }));
}

/** One page of a run's candidates, highest priority first; 404 for an unknown run. */
export async function listRunCandidates(
  ops: OpsDb,
  runId: string,
  page: { disposition?: Disposition | undefined; page: number; pageSize: number },
) {
  const db = ops.withTables<CaseTables>();
  const run = await db
    .selectFrom('identification_run')
    .select('run_id')
    .where('run_id', '=', runId)
    .executeTakeFirst();
  if (!run) throw new AppError('not_found', 'There is no such run.');
  let q = db.selectFrom('run_candidate').where('run_id', '=', runId);
  if (page.disposition) q = q.where('disposition', '=', page.disposition);
  const rows = await q
    .select(['member_id', 'market', 'priority', 'disposition', 'suppression_reason', 'case_id'])
    .orderBy('priority', 'desc')
    .orderBy('member_id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    market: r.market,
    priority: r.priority,
    disposition: r.disposition,
    suppressionReason: r.suppression_reason,
    caseId: r.case_id,
  }));
}
