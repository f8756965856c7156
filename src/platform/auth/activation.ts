import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction } from '../db/in-transaction.ts';
import type { OpsDb } from '../db/ops-db.ts';
import { AppError } from '../errors.ts';
import { maxFailuresPerUsername } from './login-throttle.ts';
import { addUser } from './users.ts';

/** Crockford's base 32: no I, L, O or U, so a code read over the phone is not misheard. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 12;

/** One message for an unknown, used, expired or revoked code and a wrong date of birth: none reveals which. */
export const codeRefused =
  'That code does not open an account. Check it (and the date of birth), or ask for a new code.';

/** Who a code opens an account for: a member (with their date of birth) or a supporter the member invited. */
export type ActivationRole = 'member' | 'supporter';

export interface NewActivation {
  role: ActivationRole;
  memberId: string;
  /** What the new account links to beyond the member, e.g. `related-person:<id>`. */
  subject?: string | null;
  /** A member's date of birth, asked again when they use the code. */
  birthDate?: string | null;
  displayName?: string | null;
  createdBy: string;
  validDays: number;
}

export interface IssuedActivation {
  /** The code as a person reads it, in groups of four (`7KQM-3PXD-R2HT`); shown once, never stored. */
  code: string;
  expiresAt: Date;
}

/** What a new account is linked to once it exists: the composition layer links a supporter to the person the member named. */
export type AccountLinker = (db: OpsDb, subject: string, userId: string) => Promise<void>;

export interface ActivatedAccount {
  userId: string;
  username: string;
  role: ActivationRole;
  memberId: string;
}

/** The code without dashes or spaces, upper case: what its digest is taken of. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

const digest = (code: string) => createHash('sha256').update(normalizeCode(code)).digest('hex');

function newCode(): string {
  const bytes = randomBytes(codeLength);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * Makes a one-time code for an account and revokes the earlier unused codes for the same
 * person, so only the newest one a member was given works.
 */
export async function issueActivation(
  db: OpsDb,
  input: NewActivation,
  now = new Date(),
): Promise<IssuedActivation> {
  const code = newCode();
  const expiresAt = new Date(now.getTime() + input.validDays * 86_400_000);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('account_activation')
      .set({ revoked_at: now })
      .where('role', '=', input.role)
      .where('member_id', '=', input.memberId)
      .where((eb) => (input.subject ? eb('subject', '=', input.subject) : eb('subject', 'is', null)))
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('account_activation')
      .values({
        activation_id: randomUUID(),
        code_hash: digest(code),
        role: input.role,
        member_id: input.memberId,
        subject: input.subject ?? null,
        birth_date: input.birthDate ?? null,
        display_name: input.displayName ?? null,
        created_by: input.createdBy,
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
        used_by: null,
        revoked_at: null,
      })
      .execute();
  });
  return { code, expiresAt };
}

/** The code's row while it can still open an account: not used, not revoked, not expired. */
async function usableActivation(db: OpsDb, code: string, now: Date) {
  return db
    .selectFrom('account_activation')
    .selectAll()
    .where('code_hash', '=', digest(code))
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Whether a code still works, and for whom (so the form asks a member for their date of birth). */
export async function describeActivation(
  db: OpsDb,
  code: string,
  now = new Date(),
): Promise<{ role: ActivationRole; expiresAt: Date } | undefined> {
  const row = await usableActivation(db, code, now);
  return row && { role: row.role, expiresAt: row.expires_at };
}

/**
 * Opens the account a code was made for, with the username and password the person
 * chose: checks a member's date of birth (five wrong ones revoke the code), creates the
 * user, marks the code used and links the account, all in one transaction.
 */
export async function redeemActivation(
  db: OpsDb,
  input: { code: string; username: string; password: string; birthDate?: string | undefined },
  link: AccountLinker,
  now = new Date(),
): Promise<ActivatedAccount> {
  const row = await usableActivation(db, input.code, now);
  if (!row) throw new AppError('unauthenticated', codeRefused);
  if (row.role === 'member' && row.birth_date !== (input.birthDate ?? null)) {
    await db
      .updateTable('account_activation')
      .set({
        failed_attempts: sql`failed_attempts + 1`,
        revoked_at: sql`case when failed_attempts + 1 >= ${maxFailuresPerUsername} then now() else null end`,
      })
      .where('activation_id', '=', row.activation_id)
      .execute();
    throw new AppError('unauthenticated', codeRefused);
  }
  return inTransaction(db, async (trx) => {
    if (row.role === 'member') {
      const existing = await trx
        .selectFrom('app_user')
        .select('user_id')
        .where('role', '=', 'member')
        .where('member_id', '=', row.member_id)
        .where('disabled', '=', false)
        .executeTakeFirst();
      if (existing)
        throw new AppError(
          'conflict',
          'You already have an account. Sign in, or call your care team for help.',
        );
    }
    const user = await addUser(trx, {
      username: input.username,
      password: input.password,
      role: row.role,
      ...(row.role === 'member' ? { memberId: row.member_id } : {}),
      ...(row.display_name ? { displayName: row.display_name } : {}),
    });
    const used = await trx
      .updateTable('account_activation')
      .set({ used_at: now, used_by: user.userId })
      .where('activation_id', '=', row.activation_id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('unauthenticated', codeRefused);
    if (row.subject) await link(trx, row.subject, user.userId);
    return { userId: user.userId, username: user.username, role: row.role, memberId: row.member_id };
  });
}

/** Whether the member has an account, and until when their newest unused code works. */
export async function memberAccountStatus(
  db: OpsDb,
  memberId: string,
  now = new Date(),
): Promise<{ hasAccount: boolean; codeExpiresAt: Date | null }> {
  const [account, code] = await Promise.all([
    db
      .selectFrom('app_user')
      .select('user_id')
      .where('role', '=', 'member')
      .where('member_id', '=', memberId)
      .where('disabled', '=', false)
      .executeTakeFirst(),
    db
      .selectFrom('account_activation')
      .select('expires_at')
      .where('role', '=', 'member')
      .where('member_id', '=', memberId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),
  ]);
  return { hasAccount: account !== undefined, codeExpiresAt: code?.expires_at ?? null };
}
