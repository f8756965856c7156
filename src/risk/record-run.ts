import type { SqlParam, Warehouse } from '../platform/warehouse/warehouse.ts';
import type { RiskConfig } from './risk-config.ts';
import { ensureRiskSchema } from './risk-schema.ts';
import type { IdentifyResult } from './run-result.ts';

/**
 * Writes a run, its candidates in worklist order and every reason with its
 * evidence claim, in one transaction. Reasons are copied from the run's rule
 * tables (`rk_*`), so this must follow the rule run on the same connection.
 */
export async function recordRun(
  warehouse: Warehouse,
  run: IdentifyResult,
  config: RiskConfig,
): Promise<void> {
  await ensureRiskSchema(warehouse);
  await warehouse.transaction(async (tx) => {
    await tx.run(
      `insert into risk_run values ($1, cast($2 as date), $3, $4, $5, $6, cast($7 as timestamp), $8, $9, $10, $11,
         $12, $13, $14, $15)`,
      [
        run.runId,
        run.asOf,
        run.ruleVersion,
        run.factorSet,
        run.configHash,
        JSON.stringify(config),
        run.startedAt.replace('T', ' ').replace('Z', ''),
        run.durationMs,
        run.counts.membersEvaluated,
        run.counts.eligible,
        run.counts.candidates,
        run.counts.new,
        run.counts.open,
        run.counts.suppressed,
        run.dispositionSource,
      ],
    );
    const chunk = 200;
    for (let i = 0; i < run.members.length; i += chunk) {
      const params: SqlParam[] = [];
      const tuples = run.members.slice(i, i + chunk).map((m, j) => {
        const n = params.length;
        params.push(
          run.runId,
          m.memberId,
          i + j + 1,
          m.priority,
          m.market,
          m.latestEmergency,
          m.disposition,
          m.dispositionReason ?? null,
        );
        return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, cast($${n + 6} as date), $${n + 7}, $${n + 8})`;
      });
      await tx.run(`insert into risk_candidate values ${tuples.join(', ')}`, params);
    }
    await tx.run(
      `insert into risk_reason
       select $1, e.member_id, 'emergency', e.kind, null, e.claim_date, e.claim_id
       from rk_emergency e join rk_candidate k on k.member_id = e.member_id
       union all
       select $1, f.member_id, 'factor', f.code, f.value, null, v.claim_id
       from rk_member_factor f join rk_candidate k on k.member_id = f.member_id
       left join rk_evidence v on v.member_id = f.member_id and v.code = f.code
       union all
       select $1, m.member_id, 'exclusion', x.code, null, null, null
       from rk_member m join rk_candidate k on k.member_id = m.member_id
       join (select 'CANCER' as code union all select 'SICKLE_CELL' union all select 'HOSPICE_PALLIATIVE') x
         on (x.code = 'CANCER' and m.cancer) or (x.code = 'SICKLE_CELL' and m.sickle_cell)
         or (x.code = 'HOSPICE_PALLIATIVE' and m.hospice)
       union all
       select $1, m.member_id, 'context', x.code, null, null, null
       from rk_member m join rk_candidate k on k.member_id = m.member_id
       join (select 'ON_MOUD' as code union all select 'NALOXONE_FILL') x
         on (x.code = 'ON_MOUD' and m.on_moud) or (x.code = 'NALOXONE_FILL' and m.naloxone_fill)`,
      [run.runId],
    );
    // The order and values of read-metrics' factors; met = the factor was found (rk_member_factor).
    await tx.run(
      `insert into risk_candidate_factor
       with v as (
         select member_id, 1 as ord, 'OPIOID_OVERDOSE_HISTORY' as code, cast(overdose_claims as double precision) as value
           from rk_member
         union all select member_id, 2, 'OUD_DIAGNOSIS', oud_claims from rk_member
         union all select member_id, 3, 'HIGH_MME', avg_mme from rk_member
         union all select member_id, 4, 'OPIOID_BENZO_OVERLAP', overlap_days from rk_member
         union all select member_id, 5, 'MULTIPLE_PRESCRIBERS_PHARMACIES', prescribers from rk_member
         union all select member_id, 6, 'LONG_TERM_OPIOID', opioid_days from rk_member
         union all select member_id, 7, 'OTHER_SUD_DIAGNOSIS', other_sud_claims from rk_member
       )
       select $1, v.member_id, v.ord, v.code, f.member_id is not null, v.value
       from v join rk_candidate k on k.member_id = v.member_id
       left join rk_member_factor f on f.member_id = v.member_id and f.code = v.code`,
      [run.runId],
    );
  });
}
