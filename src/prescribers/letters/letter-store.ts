import { createHash, randomUUID } from 'node:crypto';
import { addDays } from '../../platform/calendar/iso-days.ts';
import { AppError } from '../../platform/errors.ts';
import { type PrescriberDb, toDay } from '../lock-in/lock-in-store.ts';
import type { PrescriberLetterTable } from '../prescriber-tables.ts';
import { withWriteLock } from '../write-lock.ts';
import type { PriorLetter } from './letter-types.ts';

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
