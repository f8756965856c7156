import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.ts';
import { addDays } from '../iso-days.ts';
import type { PriorLetter } from '../letters/letter-types.ts';
import { type PrescriberDb, toDay } from './lock-in-store.ts';
import type { PrescriberLetterTable } from './prescriber-tables.ts';
import { withWriteLock } from './write-lock.ts';

export interface NewLetter {
  prescriberNpi: string;
  prescriberName: string | null;
  pdf: Buffer;
  members: Array<{
    memberId: string;
    disclosedFactorCodes: string[];
    newFactorCodes: string[];
    withheldPart2: number;
  }>;
}

export interface NewSuppression {
  prescriberNpi: string;
  memberId: string;
  priorSentOn: string;
  reason: string;
}

export type LetterSummary = Omit<PrescriberLetterTable, 'pdf' | 'created_at'> & { created_at: Date };

const summaryColumns = [
  'letter_id',
  'run_id',
  'as_of',
  'prescriber_npi',
  'prescriber_name',
  'status',
  'member_count',
  'pdf_sha256',
  'created_at',
  'sent_at',
  'sent_by',
] as const;

/** Sha256 of a secret, hex: tokens are stored only this way. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Letters sent about the 180 days up to `asOf`, one row per member they were about (RISK-RULES §8).
 * A letter counts on its as-of date, the day its facts describe, so a run for a date gives the
 * same answer whenever it is made.
 */
export async function readPriorLetters(db: PrescriberDb, asOf: string): Promise<PriorLetter[]> {
  const rows = await db
    .selectFrom('prescriber_letter as l')
    .innerJoin('prescriber_letter_member as m', 'm.letter_id', 'l.letter_id')
    .select(['l.prescriber_npi', 'm.member_id', 'l.as_of', 'm.disclosed_factor_codes'])
    .where('l.sent_at', 'is not', null)
    .where('l.as_of', '>=', addDays(asOf, -179))
    .where('l.as_of', '<=', asOf)
    .execute();
  return rows.map((r) => ({
    prescriberNpi: r.prescriber_npi,
    memberId: r.member_id,
    sentOn: toDay(r.as_of),
    factorCodes: r.disclosed_factor_codes,
  }));
}

/**
 * Stores one run: its letters (each with the members and factors it discloses), the pairs it
 * suppressed, and a `generated` event per letter; an unsent letter from an earlier run to the
 * same prescriber is superseded.
 */
export async function saveLetterRun(
  db: PrescriberDb,
  run: { asOf: string; createdBy: string | null; counts: Record<string, number> },
  letters: readonly NewLetter[],
  suppressions: readonly NewSuppression[],
): Promise<{ runId: string; letterIds: string[] }> {
  const runId = randomUUID();
  const letterIds: string[] = [];
  await withWriteLock(db, () =>
    db.transaction().execute(async (trx) => {
      await trx
        .insertInto('letter_run')
        .values({
          run_id: runId,
          as_of: run.asOf,
          created_by: run.createdBy,
          counts: JSON.stringify(run.counts),
          created_at: new Date(),
        })
        .execute();
      for (const letter of letters) {
        const stale = await trx
          .updateTable('prescriber_letter')
          .set({ status: 'superseded' })
          .where('prescriber_npi', '=', letter.prescriberNpi)
          .where('status', '=', 'generated')
          .returning('letter_id')
          .execute();
        for (const s of stale)
          await trx
            .insertInto('letter_event')
            .values({
              letter_id: s.letter_id,
              delivery_id: null,
              kind: 'superseded',
              actor: run.createdBy,
              detail: `by run ${runId}`,
              at: new Date(),
            })
            .execute();
        const letterId = randomUUID();
        letterIds.push(letterId);
        await trx
          .insertInto('prescriber_letter')
          .values({
            letter_id: letterId,
            run_id: runId,
            as_of: run.asOf,
            prescriber_npi: letter.prescriberNpi,
            prescriber_name: letter.prescriberName,
            status: 'generated',
            member_count: letter.members.length,
            pdf: letter.pdf,
            pdf_sha256: createHash('sha256').update(letter.pdf).digest('hex'),
            created_at: new Date(),
            sent_at: null,
            sent_by: null,
          })
          .execute();
        for (const m of letter.members)
          await trx
            .insertInto('prescriber_letter_member')
            .values({
              letter_id: letterId,
              member_id: m.memberId,
              disclosed_factor_codes: m.disclosedFactorCodes,
              new_factor_codes: m.newFactorCodes,
              withheld_part2: m.withheldPart2,
            })
            .execute();
        await trx
          .insertInto('letter_event')
          .values({
            letter_id: letterId,
            delivery_id: null,
            kind: 'generated',
            actor: run.createdBy,
            detail: null,
            at: new Date(),
          })
          .execute();
      }
      for (const s of suppressions)
        await trx
          .insertInto('letter_suppression')
          .values({
            run_id: runId,
            prescriber_npi: s.prescriberNpi,
            member_id: s.memberId,
            prior_sent_on: s.priorSentOn,
            reason: s.reason,
          })
          .execute();
    }),
  );
  return { runId, letterIds };
}

/** Letters, newest first, optionally of one run or one status. */
export async function listLetters(
  db: PrescriberDb,
  filter: { runId?: string; status?: PrescriberLetterTable['status'] } = {},
): Promise<LetterSummary[]> {
  let q = db
    .selectFrom('prescriber_letter')
    .select(summaryColumns)
    .orderBy('created_at', 'desc')
    .orderBy('prescriber_npi');
  if (filter.runId) q = q.where('run_id', '=', filter.runId);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, as_of: toDay(r.as_of) }));
}

/** One letter's summary, members and PDF. */
export async function loadLetter(db: PrescriberDb, letterId: string) {
  const letter = await db
    .selectFrom('prescriber_letter')
    .selectAll()
    .where('letter_id', '=', letterId)
    .executeTakeFirst();
  if (!letter) throw new AppError('not_found', 'No letter with this id.');
  const members = await db
    .selectFrom('prescriber_letter_member')
    .selectAll()
    .where('letter_id', '=', letterId)
    .orderBy('member_id')
    .execute();
  return { letter: { ...letter, as_of: toDay(letter.as_of) }, members };
}

/** The life of a letter: generated, sent, opened, downloaded, refused, superseded. */
export async function listLetterEvents(db: PrescriberDb, letterId: string) {
  return db.selectFrom('letter_event').selectAll().where('letter_id', '=', letterId).orderBy('seq').execute();
}

/** Pairs a run left out, with the reason. */
export async function listSuppressions(db: PrescriberDb, runId: string) {
  const rows = await db
    .selectFrom('letter_suppression')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('prescriber_npi')
    .orderBy('member_id')
    .execute();
  return rows.map((r) => ({ ...r, prior_sent_on: toDay(r.prior_sent_on) }));
}

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

/** What was sent to whom and why: one row per letter and member, for letters sent in [from, to]. */
export async function readSentLetterReport(db: PrescriberDb, from: string, to: string) {
  const rows = await db
    .selectFrom('prescriber_letter as l')
    .innerJoin('prescriber_letter_member as m', 'm.letter_id', 'l.letter_id')
    .select([
      'l.letter_id',
      'l.as_of',
      'l.prescriber_npi',
      'l.prescriber_name',
      'l.sent_at',
      'l.sent_by',
      'm.member_id',
      'm.disclosed_factor_codes',
      'm.new_factor_codes',
      'm.withheld_part2',
    ])
    .where('l.sent_at', '>=', new Date(`${from}T00:00:00Z`))
    .where('l.sent_at', '<', new Date(`${addDays(to, 1)}T00:00:00Z`))
    .orderBy('l.sent_at')
    .orderBy('l.prescriber_npi')
    .orderBy('m.member_id')
    .execute();
  return rows.map((r) => ({ ...r, as_of: toDay(r.as_of), sent_at: new Date(r.sent_at as Date) }));
}
