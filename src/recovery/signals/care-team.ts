import { sql } from 'kysely';
import type { RecoveryDb } from '../recovery-tables.ts';

/**
 * The prescribers on each member's care team (RISK-RULES §11 OPIOID_FILL_AFTER_ENGAGEMENT):
 * the NPIs named on the care team of an active plan, and the performers of its services
 * that were not declined or cancelled.
 */
export async function careTeamNpis(
  db: RecoveryDb,
  memberIds: readonly string[],
): Promise<Map<string, string[]>> {
  const team = new Map<string, Set<string>>();
  if (memberIds.length === 0) return new Map();
  const add = (memberId: string, npi: string | null | undefined) => {
    if (!npi) return;
    if (!team.has(memberId)) team.set(memberId, new Set());
    team.get(memberId)!.add(npi);
  };
  const named = await sql<{ member_id: string; npi: string }>`
    select p.member_id, m->>'npi' as npi
    from care_plan p, jsonb_array_elements(coalesce(p.content->'careTeam', '[]'::jsonb)) m
    where p.status = 'active' and p.member_id in (${sql.join(memberIds)})`.execute(db);
  for (const r of named.rows) add(r.member_id, r.npi);
  const performers = await db
    .selectFrom('service_request')
    .select(['member_id', 'performer_npi'])
    .where('member_id', 'in', memberIds)
    .where('status', 'not in', ['declined', 'cancelled'])
    .execute();
  for (const r of performers) add(r.member_id, r.performer_npi);
  return new Map([...team].map(([m, s]) => [m, [...s].sort()]));
}
