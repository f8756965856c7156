import { randomUUID } from 'node:crypto';
import type { OpsDb } from '../platform/db/ops-db.ts';
import type { ResourceResolver } from '../platform/http/request-access.ts';
import type { PrivacyTables } from './consent-tables.ts';

export type ConsentRow = Omit<PrivacyTables['consent'], 'created_at'>;

/** A consent resolves to the member who gave it. */
export const consentResolver: ResourceResolver = {
  resourceType: 'Consent',
  notFound: 'There is no such consent.',
  async resolve({ db }, consentId) {
    const found = await db
      .withTables<PrivacyTables>()
      .selectFrom('consent')
      .select('member_id')
      .where('consent_id', '=', consentId)
      .executeTakeFirst();
    return found && { memberId: found.member_id };
  },
};

/** The member's consents, newest first. */
export function listConsents(db: OpsDb, memberId: string): Promise<ConsentRow[]> {
  return db
    .withTables<PrivacyTables>()
    .selectFrom('consent')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('start_date', 'desc')
    .execute();
}

/** Records a consent as given. */
export async function recordConsent(
  db: OpsDb,
  consent: Omit<ConsentRow, 'consent_id' | 'revoked_at'>,
): Promise<ConsentRow> {
  const values = { ...consent, consent_id: randomUUID(), revoked_at: null };
  await db.withTables<PrivacyTables>().insertInto('consent').values(values).execute();
  return values;
}

/** Revokes a consent from now on (42 CFR 2.31(a)(6)); revoking twice keeps the first time. */
export async function revokeConsent(db: OpsDb, consentId: string): Promise<ConsentRow> {
  const consents = db.withTables<PrivacyTables>();
  await consents
    .updateTable('consent')
    .set({ revoked_at: new Date() })
    .where('consent_id', '=', consentId)
    .where('revoked_at', 'is', null)
    .execute();
  return consents
    .selectFrom('consent')
    .selectAll()
    .where('consent_id', '=', consentId)
    .executeTakeFirstOrThrow();
}
