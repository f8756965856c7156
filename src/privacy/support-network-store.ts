import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../platform/auth/sessions.ts';
import { todayIso } from '../platform/calendar/iso-days.ts';
import type { OpsDb } from '../platform/db/ops-db.ts';
import { AppError } from '../platform/errors.ts';
import type { ResourceResolver } from '../platform/http/request-access.ts';
import type { PrivacyTables, RelatedPersonTable } from './consent-tables.ts';
import { type ShareCategory, shareCategories } from './share-categories.ts';

const privacyDb = (db: OpsDb) => db.withTables<PrivacyTables>();

export type RelatedPersonRow = Omit<RelatedPersonTable, 'created_at'> & { created_at: Date };

export interface NewRelatedPerson {
  name: string;
  relationship: string;
  phone?: string | undefined;
  email?: string | undefined;
}

/** A supporter resolves to the member who named them. */
export const relatedPersonResolver: ResourceResolver = {
  resourceType: 'RelatedPerson',
  notFound: 'There is no such supporter.',
  async resolve({ db }, id) {
    const row = await privacyDb(db)
      .selectFrom('related_person')
      .select('member_id')
      .where('related_person_id', '=', id)
      .executeTakeFirst();
    return row && { memberId: row.member_id };
  },
};

/** The member's support network, in the order they were named. */
export async function listRelatedPersons(db: OpsDb, memberId: string): Promise<RelatedPersonRow[]> {
  const rows = await privacyDb(db)
    .selectFrom('related_person')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

/** Names a family member or other supporter; nothing is shared with them until a consent says so. */
export async function addRelatedPerson(
  db: OpsDb,
  memberId: string,
  person: NewRelatedPerson,
  actor: Actor,
): Promise<RelatedPersonRow> {
  const row = {
    related_person_id: randomUUID(),
    member_id: memberId,
    name: person.name,
    relationship: person.relationship,
    phone: person.phone ?? null,
    email: person.email ?? null,
    user_id: null,
    active: true,
    recorded_by: actor.userId,
    created_at: new Date(),
  };
  await privacyDb(db).insertInto('related_person').values(row).execute();
  return row;
}

/** Links a supporter's own sign-in to the person the member named (the account's invitation is the member app's). */
export async function linkSupporterAccount(
  db: OpsDb,
  relatedPersonId: string,
  userId: string,
): Promise<void> {
  await privacyDb(db)
    .updateTable('related_person')
    .set({ user_id: userId })
    .where('related_person_id', '=', relatedPersonId)
    .execute();
}

/**
 * What a signed-in supporter may see of one member today: the categories of every
 * unrevoked, unexpired family consent the member gave to them, or null when none is in
 * force. Read afresh on every request, so a revocation takes effect on the next one.
 */
export async function findSupporterShares(
  db: OpsDb,
  userId: string,
  memberId: string,
  on: string = todayIso(),
): Promise<ShareCategory[] | null> {
  const rows = await privacyDb(db)
    .selectFrom('related_person as rp')
    .innerJoin('consent as c', (j) =>
      j
        .onRef('c.member_id', '=', 'rp.member_id')
        .on('c.recipient', '=', sql<string>`'related-person:' || rp.related_person_id`),
    )
    .select('c.shares')
    .where('rp.user_id', '=', userId)
    .where('rp.member_id', '=', memberId)
    .where('rp.active', '=', true)
    .where('c.purpose', '=', 'family')
    .where('c.revoked_at', 'is', null)
    .where('c.start_date', '<=', on)
    .where((w) => w.or([w('c.end_date', 'is', null), w('c.end_date', '>=', on)]))
    .execute();
  if (rows.length === 0) return null;
  const granted = new Set(rows.flatMap((r) => r.shares ?? []));
  return shareCategories.filter((c) => granted.has(c));
}

/** The members a supporter was named by, with their names as the supporter knows them. */
export async function listSupportedMembers(db: OpsDb, userId: string) {
  return privacyDb(db)
    .selectFrom('related_person')
    .select(['member_id', 'related_person_id', 'relationship'])
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .orderBy('created_at')
    .execute();
}

/** One supporter, or undefined. */
export async function findRelatedPerson(
  db: OpsDb,
  relatedPersonId: string,
): Promise<RelatedPersonRow | undefined> {
  const row = await privacyDb(db)
    .selectFrom('related_person')
    .selectAll()
    .where('related_person_id', '=', relatedPersonId)
    .executeTakeFirst();
  return row && { ...row, created_at: new Date(row.created_at) };
}

/**
 * Links an account opened with an invitation code to the supporter it was made for
 * (the code's subject is their consent recipient, `related-person:<id>`).
 */
export async function linkInvitedAccount(db: OpsDb, subject: string, userId: string): Promise<void> {
  const relatedPersonId = subject.startsWith('related-person:')
    ? subject.slice('related-person:'.length)
    : '';
  const person = relatedPersonId ? await findRelatedPerson(db, relatedPersonId) : undefined;
  if (!person?.active || person.user_id !== null)
    throw new AppError('conflict', 'This invitation is no longer open. Ask for a new one.');
  await linkSupporterAccount(db, relatedPersonId, userId);
}
