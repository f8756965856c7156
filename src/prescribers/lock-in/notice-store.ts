import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { withWriteLock } from '../write-lock.ts';
import type { PrescriberDb } from './lock-in-store.ts';

/** Keeps the PDF of a notice as it was sent. */
export async function saveLockInNotice(
  db: PrescriberDb,
  lockInId: string,
  kind: 'initial' | 'second',
  createdOn: string,
  pdf: Buffer,
): Promise<string> {
  const noticeId = randomUUID();
  await withWriteLock(db, () =>
    db
      .insertInto('lock_in_notice')
      .values({
        notice_id: noticeId,
        lock_in_id: lockInId,
        kind,
        created_on: createdOn,
        pdf,
        created_at: new Date(),
      })
      .execute(),
  );
  return noticeId;
}

/** The latest notice of a kind for a lock-in. */
export async function loadLockInNotice(
  db: PrescriberDb,
  lockInId: string,
  kind: 'initial' | 'second',
): Promise<Uint8Array> {
  const row = await db
    .selectFrom('lock_in_notice')
    .select('pdf')
    .where('lock_in_id', '=', lockInId)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No notice of this kind was sent for this lock-in.');
  return row.pdf;
}
