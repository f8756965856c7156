import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { ResourceResolver } from '../../platform/http/request-access.ts';
import type { CoverageTables } from '../coverage-tables.ts';
import type {
  Authorization,
  AuthorizationEvent,
  AuthorizationStatus,
  Decision,
  Notification,
} from './authorization.ts';
import { authorizationRequestSchema } from './authorization.ts';

const tables = (db: OpsDb) => db.withTables<CoverageTables>();
type CoverageDb = ReturnType<typeof tables>;
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** A new authorization number: PA-YYYYMMDD-XXXXXX. */
export function makeAuthorizationId(receivedAt: string): string {
  return `PA-${receivedAt.slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** A stored request with the version a client must send back to change it. */
export type StoredAuthorization = Authorization & { version: number; fhirClaimId: string | null };

/** Stores a newly received request with its first history entry and notices. */
export async function insertAuthorization(
  db: OpsDb,
  a: Authorization,
  fhirClaimId: string | null = null,
): Promise<void> {
  await tables(db)
    .transaction()
    .execute(async (tx) => {
      await tx
        .insertInto('preauthorization')
        .values({
          authorization_id: a.id,
          member_id: a.request.memberId,
          plan_id: a.request.planId,
          facility_npi: a.request.facility.npi,
          level_of_care: a.request.levelOfCare,
          priority: a.priority,
          status: a.status,
          received_at: a.receivedAt,
          due_at: a.dueAt,
          reviewer: a.reviewer,
          information_requested: a.informationRequested,
          additional_information: JSON.stringify(a.additionalInformation),
          request: JSON.stringify(a.request),
          decision: a.decision ? JSON.stringify(a.decision) : null,
          fhir_claim_id: fhirClaimId,
        })
        .execute();
      await appendLog(tx, a.id, a.history, 0, a.notifications, 0);
    });
}

async function appendLog(
  t: CoverageDb,
  id: string,
  events: readonly AuthorizationEvent[],
  eventStart: number,
  notices: readonly Notification[],
  noticeStart: number,
): Promise<void> {
  const newEvents = events.slice(eventStart);
  if (newEvents.length > 0)
    await t
      .insertInto('preauthorization_event')
      .values(
        newEvents.map((e, i) => ({
          authorization_id: id,
          seq: eventStart + i + 1,
          at: e.at,
          actor: e.actor,
          action: e.action,
          from_status: e.from,
          to_status: e.to,
          note: e.note,
        })),
      )
      .execute();
  const newNotices = notices.slice(noticeStart);
  if (newNotices.length > 0)
    await t
      .insertInto('preauthorization_notification')
      .values(
        newNotices.map((n, i) => ({
          authorization_id: id,
          seq: noticeStart + i + 1,
          at: n.at,
          recipient: n.recipient,
          kind: n.kind,
          message: n.message,
        })),
      )
      .execute();
}

/**
 * Saves the result of one action: the row only if it still has the version read
 * (else 409, nothing written), plus the new history entries and notices.
 */
export async function saveAuthorization(
  db: OpsDb,
  before: StoredAuthorization,
  after: Authorization,
): Promise<number> {
  return tables(db)
    .transaction()
    .execute(async (tx) => {
      const updated = await tx
        .updateTable('preauthorization')
        .set({
          status: after.status,
          reviewer: after.reviewer,
          information_requested: after.informationRequested,
          additional_information: JSON.stringify(after.additionalInformation),
          decision: after.decision ? JSON.stringify(after.decision) : null,
          version: sql`version + 1`,
        })
        .where('authorization_id', '=', before.id)
        .where('version', '=', before.version)
        .returning('version')
        .executeTakeFirst();
      if (!updated)
        throw new AppError('conflict', 'This request was changed by someone else. Reload it and try again.', [
          { path: 'version', message: 'stale version' },
        ]);
      await appendLog(
        tx,
        before.id,
        after.history,
        before.history.length,
        after.notifications,
        before.notifications.length,
      );
      return updated.version;
    });
}

const columns = [
  'authorization_id',
  'status',
  'priority',
  'received_at',
  'due_at',
  'reviewer',
  'information_requested',
  sql<string[]>`additional_information`.as('additional_information'),
  sql<unknown>`request`.as('request'),
  sql<Decision | null>`decision`.as('decision'),
  'fhir_claim_id',
  'version',
] as const;

type Filter = { authorizationId?: string; memberId?: string; facilityNpi?: string; open?: boolean };

/** Requests matching the filter, with their history and notices, most urgent (earliest due) first. */
export async function readAuthorizations(db: OpsDb, filter: Filter): Promise<StoredAuthorization[]> {
  let q = tables(db)
    .selectFrom('preauthorization')
    .select([...columns]);
  if (filter.authorizationId) q = q.where('authorization_id', '=', filter.authorizationId);
  if (filter.memberId) q = q.where('member_id', '=', filter.memberId);
  if (filter.facilityNpi) q = q.where('facility_npi', '=', filter.facilityNpi);
  if (filter.open) q = q.where('status', 'in', ['submitted', 'in_review', 'pended']);
  const rows = await q.orderBy('due_at').orderBy('authorization_id').limit(500).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.authorization_id);
  const [events, notices] = await Promise.all([
    tables(db)
      .selectFrom('preauthorization_event')
      .selectAll()
      .where('authorization_id', 'in', ids)
      .orderBy('seq')
      .execute(),
    tables(db)
      .selectFrom('preauthorization_notification')
      .selectAll()
      .where('authorization_id', 'in', ids)
      .orderBy('seq')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.authorization_id,
    request: authorizationRequestSchema.parse(r.request),
    status: r.status as AuthorizationStatus,
    priority: r.priority as 'standard' | 'expedited',
    receivedAt: iso(r.received_at),
    dueAt: iso(r.due_at),
    reviewer: r.reviewer,
    informationRequested: r.information_requested,
    additionalInformation: r.additional_information,
    decision: r.decision,
    history: events
      .filter((e) => e.authorization_id === r.authorization_id)
      .map((e) => ({
        at: iso(e.at),
        actor: e.actor,
        action: e.action,
        from: e.from_status as AuthorizationStatus | null,
        to: e.to_status as AuthorizationStatus,
        note: e.note,
      })),
    notifications: notices
      .filter((n) => n.authorization_id === r.authorization_id)
      .map((n) => ({
        at: iso(n.at),
        recipient: n.recipient as Notification['recipient'],
        kind: n.kind as Notification['kind'],
        message: n.message,
      })),
    version: r.version,
    fhirClaimId: r.fhir_claim_id,
  }));
}

/** One request, or 404. */
export async function readAuthorization(db: OpsDb, authorizationId: string): Promise<StoredAuthorization> {
  const [a] = await readAuthorizations(db, { authorizationId });
  if (!a) throw new AppError('not_found', 'There is no such preauthorization request.');
  return a;
}

/**
 * A preauthorization resolves to its member and the facility that asked, so the
 * facility's staff reach their own requests; others' are answered as not found.
 */
export const preauthorizationResolver: ResourceResolver<{
  memberId: string;
  facilityNpi: string;
  authorization: StoredAuthorization;
}> = {
  resourceType: 'Preauthorization',
  notFound: 'There is no such preauthorization request.',
  hideWhenDenied: true,
  async resolve({ db }, authorizationId) {
    const [a] = await readAuthorizations(db, { authorizationId });
    return a && { memberId: a.request.memberId, facilityNpi: a.request.facility.npi, authorization: a };
  },
};
