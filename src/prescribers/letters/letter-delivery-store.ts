import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.ts';
import type { PrescriberDb } from '../lock-in/lock-in-store.ts';
import { withWriteLock } from '../write-lock.ts';
import { hashToken } from './letter-store.ts';

/**
 * Sends a letter through a secure link: a random token (returned once, stored only hashed)
 * that expires and opens the download a single time. The letter becomes `sent`.
 */
export async function createLetterDelivery(
  db: PrescriberDb,
  letterId: string,
  args: { recipient: string; expiresInHours: number; by: string | null; now?: Date },
): Promise<{ deliveryId: string; token: string; expiresAt: Date }> {
  const now = args.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const deliveryId = randomUUID();
  const expiresAt = new Date(now.getTime() + args.expiresInHours * 3_600_000);
  await withWriteLock(db, () =>
    db.transaction().execute(async (trx) => {
      const letter = await trx
        .selectFrom('prescriber_letter')
        .select(['status'])
        .where('letter_id', '=', letterId)
        .executeTakeFirst();
      if (!letter) throw new AppError('not_found', 'No letter with this id.');
      if (letter.status === 'superseded')
        throw new AppError(
          'conflict',
          'This letter was replaced by a newer one; send the newer letter instead.',
        );
      await trx
        .insertInto('letter_delivery')
        .values({
          delivery_id: deliveryId,
          letter_id: letterId,
          token_hash: hashToken(token),
          recipient: args.recipient,
          expires_at: expiresAt,
          created_by: args.by,
          created_at: now,
          opened_at: null,
          downloaded_at: null,
          revoked_at: null,
        })
        .execute();
      await trx
        .updateTable('prescriber_letter')
        .set({
          status: 'sent',
          sent_at: sql<Date>`coalesce(sent_at, ${now})`,
          sent_by: sql<string>`coalesce(sent_by, ${args.by})`,
        })
        .where('letter_id', '=', letterId)
        .execute();
      await trx
        .insertInto('letter_event')
        .values({
          letter_id: letterId,
          delivery_id: deliveryId,
          kind: 'sent',
          actor: args.by,
          detail: `link expires ${expiresAt.toISOString()}`,
          at: now,
        })
        .execute();
    }),
  );
  return { deliveryId, token, expiresAt };
}

export type DeliveryLookup =
  | { ok: true; deliveryId: string; letterId: string; prescriberName: string | null; expiresAt: Date }
  | {
      ok: false;
      reason: 'unknown' | 'expired' | 'used' | 'revoked';
      letterId: string | null;
      deliveryId: string | null;
    };

async function findDelivery(db: PrescriberDb, token: string, now: Date): Promise<DeliveryLookup> {
  const row = await db
    .selectFrom('letter_delivery as d')
    .innerJoin('prescriber_letter as l', 'l.letter_id', 'd.letter_id')
    .select([
      'd.delivery_id',
      'd.letter_id',
      'd.expires_at',
      'd.downloaded_at',
      'd.revoked_at',
      'l.prescriber_name',
    ])
    .where('d.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown', letterId: null, deliveryId: null };
  const refused = (reason: 'expired' | 'used' | 'revoked'): DeliveryLookup => ({
    ok: false,
    reason,
    letterId: row.letter_id,
    deliveryId: row.delivery_id,
  });
  if (row.revoked_at) return refused('revoked');
  if (row.downloaded_at) return refused('used');
  const expiresAt = new Date(row.expires_at);
  if (expiresAt <= now) return refused('expired');
  return {
    ok: true,
    deliveryId: row.delivery_id,
    letterId: row.letter_id,
    prescriberName: row.prescriber_name,
    expiresAt,
  };
}

async function recordRefusal(db: PrescriberDb, found: DeliveryLookup): Promise<void> {
  if (found.ok || found.letterId === null) return;
  await db
    .insertInto('letter_event')
    .values({
      letter_id: found.letterId,
      delivery_id: found.deliveryId,
      kind: 'download_refused',
      actor: null,
      detail: found.reason,
      at: new Date(),
    })
    .execute();
}

/** Records that the link was opened (the landing page); does not use it up. */
export async function openLetterDelivery(
  db: PrescriberDb,
  token: string,
  now = new Date(),
): Promise<DeliveryLookup> {
  return withWriteLock(db, async () => {
    const found = await findDelivery(db, token, now);
    if (!found.ok) {
      await recordRefusal(db, found);
      return found;
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('letter_delivery')
        .set({ opened_at: sql<Date>`coalesce(opened_at, ${now})` })
        .where('delivery_id', '=', found.deliveryId)
        .execute();
      await trx
        .insertInto('letter_event')
        .values({
          letter_id: found.letterId,
          delivery_id: found.deliveryId,
          kind: 'opened',
          actor: null,
          detail: null,
          at: now,
        })
        .execute();
    });
    return found;
  });
}

/** Hands out the PDF once: the first download uses the link up; later, expired or unknown tokens get nothing. */
export async function downloadLetterDelivery(
  db: PrescriberDb,
  token: string,
  now = new Date(),
): Promise<{ ok: true; letterId: string; pdf: Uint8Array } | Extract<DeliveryLookup, { ok: false }>> {
  return withWriteLock(db, async () => {
    const found = await findDelivery(db, token, now);
    if (!found.ok) {
      await recordRefusal(db, found);
      return found;
    }
    return db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable('letter_delivery')
        .set({ downloaded_at: now, opened_at: sql<Date>`coalesce(opened_at, ${now})` })
        .where('delivery_id', '=', found.deliveryId)
        .where('downloaded_at', 'is', null)
        .returning('delivery_id')
        .execute();
      if (used.length !== 1)
        return {
          ok: false as const,
          reason: 'used' as const,
          letterId: found.letterId,
          deliveryId: found.deliveryId,
        };
      const letter = await trx
        .selectFrom('prescriber_letter')
        .select('pdf')
        .where('letter_id', '=', found.letterId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('letter_event')
        .values({
          letter_id: found.letterId,
          delivery_id: found.deliveryId,
          kind: 'downloaded',
          actor: null,
          detail: null,
          at: now,
        })
        .execute();
      return { ok: true as const, letterId: found.letterId, pdf: letter.pdf };
    });
  });
}
