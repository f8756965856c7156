import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import type { ClaimSources } from './rule-step.ts';

/**
 * Copies one member's rows (or those of the members listed in a temp table) of the claims tables into temp tables (`rk_scope_*`)
 * with bound parameters, and returns them as the sources of the rule steps: an
 * explain or a member chart then reads a few rows instead of whole tables, and
 * the step SQL stays the one the full run uses.
 */
export async function scopeClaims(
  warehouse: Warehouse,
  members: string | { table: string },
): Promise<ClaimSources> {
  const [filter, params] =
    typeof members === 'string'
      ? ['member_id = $1', [members]]
      : [`member_id in (select member_id from ${members.table})`, []];
  const byMember = ['member', 'enrollment', 'pharmacy_claim', 'medical_claim'];
  const duck = warehouse.dialect === 'duckdb';
  for (const table of byMember) {
    if (duck)
      await warehouse.run(
        `create or replace temp table rk_scope_${table} as select * from ${table} where 1 = 0`,
      );
    else {
      await warehouse.run(`drop table if exists rk_scope_${table}`);
      await warehouse.run(`create temp table rk_scope_${table} as select * from ${table} where 1 = 0`);
    }
    await warehouse.run(`insert into rk_scope_${table} select * from ${table} where ${filter}`, params);
  }
  for (const table of ['medical_claim_line', 'medical_claim_dx']) {
    if (!duck) await warehouse.run(`drop table if exists rk_scope_${table}`);
    await warehouse.run(
      `create ${duck ? 'or replace ' : ''}temp table rk_scope_${table} as
       select t.* from ${table} t where t.claim_id in (select claim_id from rk_scope_medical_claim)`,
    );
  }
  return Object.fromEntries(
    [...byMember, 'medical_claim_line', 'medical_claim_dx'].map((t) => [t, `rk_scope_${t}`]),
  );
}
