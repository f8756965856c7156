import type { SqlParam, Warehouse } from '../platform/warehouse/warehouse.ts';
import { type CodeSet, diagnosisSets, ensureReferenceSchema, otpServices } from '../reference/index.ts';

/** The drug classes whose fills are MOUD and so reveal a substance-use disorder (RISK-RULES §4). */
const moudClasses = ['buprenorphine', 'naltrexone'];

/**
 * Labels every claim that reveals a substance-use disorder as `part2` (42 CFR Part 2): a SUD
 * diagnosis (OUD or other SUD) in any position, an opioid treatment program service, or a
 * MOUD fill by the drug reference. Idempotent; re-run it after a drug reference import, and
 * labels no longer justified (a reference that changed) are removed.
 */
export async function labelSensitiveClaims(
  warehouse: Warehouse,
): Promise<{ medical: number; pharmacy: number }> {
  await ensureReferenceSchema(warehouse);
  const params: SqlParam[] = [];
  const bind = (value: SqlParam): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const matches = (set: CodeSet): string =>
    set.kind === 'exact'
      ? `code in (${set.codes.map(bind).join(', ')})`
      : `((${set.include.map((p) => `starts_with(code, ${bind(p)})`).join(' or ')})${set.exclude
          .map((p) => ` and not starts_with(code, ${bind(p)})`)
          .join('')})`;
  const sql = `
    with sud_diagnosis as (
      select distinct claim_id from medical_claim_dx
      where ${matches(diagnosisSets.oud)} or ${matches(diagnosisSets.otherSud)}
    ),
    otp_service as (
      select distinct claim_id from medical_claim_line
      where procedure_code in (${otpServices.procedureCodes.map(bind).join(', ')})
    ),
    moud_fill as (
      select distinct p.claim_id from pharmacy_claim p join drug d on d.ndc = p.ndc
      where d.drug_class in (${moudClasses.map(bind).join(', ')})
    )
    select 'medical' as claim_kind, claim_id, 'SUD_DIAGNOSIS' as reason from sud_diagnosis
    union all
    select 'medical', claim_id, 'OTP_SERVICE' from otp_service where claim_id not in (select claim_id from sud_diagnosis)
    union all
    select 'pharmacy', claim_id, 'MOUD_FILL' from moud_fill`;
  return warehouse.transaction(async (tx) => {
    await tx.run('drop table if exists temp.part2_claim');
    await tx.run(`create temp table part2_claim as ${sql}`, params);
    await tx.run(
      `insert into claim_label (claim_kind, claim_id, label, reason)
       select claim_kind, claim_id, 'part2', reason from temp.part2_claim
       on conflict (claim_kind, claim_id, label) do update set reason = excluded.reason`,
    );
    await tx.run(
      `delete from claim_label where label = 'part2' and not exists (
         select 1 from temp.part2_claim n where n.claim_kind = claim_label.claim_kind and n.claim_id = claim_label.claim_id)`,
    );
    const counts = await tx.all<{ medical: number; pharmacy: number }>(
      `select count(*) filter (where claim_kind = 'medical') as medical,
         count(*) filter (where claim_kind = 'pharmacy') as pharmacy from temp.part2_claim`,
    );
    await tx.run('drop table if exists temp.part2_claim');
    return counts[0] ?? { medical: 0, pharmacy: 0 };
  });
}
