import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { ScreenReport, SessionReport } from '../recovery-schemas.ts';
import { recoveryDb } from '../recovery-tables.ts';

export interface Reporter {
  userId: string;
  facilityNpi: string;
}

/** The last report of each facility record wins, as a later copy of a claim does. */
function lastOf<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((r) => [key(r), r])).values()];
}

/**
 * Records reported sessions, keyed by the facility's own id: the same report again changes
 * nothing, a corrected one (a session first reported missed, then attended) replaces it.
 */
export async function recordSessions(
  db: OpsDb,
  all: readonly SessionReport[],
  by: Reporter,
): Promise<number> {
  const rows = lastOf(all, (r) => r.sourceId);
  if (rows.length === 0) return 0;
  const result = await recoveryDb(db)
    .insertInto('treatment_session')
    .values(
      rows.map((r) => ({
        session_id: crypto.randomUUID(),
        member_id: r.memberId,
        facility_npi: by.facilityNpi,
        source_id: r.sourceId,
        request_id: r.requestId ?? null,
        service: r.service,
        scheduled_on: r.scheduledOn,
        attended: r.attended,
        reported_by: by.userId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['facility_npi', 'source_id']).doUpdateSet((eb) => ({
        scheduled_on: eb.ref('excluded.scheduled_on'),
        attended: eb.ref('excluded.attended'),
        service: eb.ref('excluded.service'),
        reported_by: eb.ref('excluded.reported_by'),
        reported_at: new Date(),
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Records drug-screen results, one per substance, keyed by the facility's id and the substance. */
export async function recordScreens(db: OpsDb, all: readonly ScreenReport[], by: Reporter): Promise<number> {
  const rows = lastOf(all, (r) => `${r.sourceId}\u0000${r.substance}`);
  if (rows.length === 0) return 0;
  const result = await recoveryDb(db)
    .insertInto('drug_screen')
    .values(
      rows.map((r) => ({
        screen_id: crypto.randomUUID(),
        member_id: r.memberId,
        facility_npi: by.facilityNpi,
        source_id: r.sourceId,
        collected_on: r.collectedOn,
        substance: r.substance,
        positive: r.positive,
        reported_by: by.userId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['facility_npi', 'source_id', 'substance']).doUpdateSet((eb) => ({
        collected_on: eb.ref('excluded.collected_on'),
        positive: eb.ref('excluded.positive'),
        reported_by: eb.ref('excluded.reported_by'),
        reported_at: new Date(),
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
