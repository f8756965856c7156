import { createHash, randomBytes } from 'node:crypto';
import type { OpsDb } from '../db/ops-db.ts';
import type { Role } from './roles.ts';

/** Idle sessions end after 30 minutes (UX: time out idle sessions); none lives past 12 hours. */
export const sessionIdleMs = 30 * 60_000;
export const sessionMaxMs = 12 * 60 * 60_000;

/** The signed-in person as every handler sees them. */
export interface SessionUser {
  userId: string;
  username: string;
  role: Role;
  memberId: string | null;
  organization: string | null;
  displayName: string | null;
  csrfToken: string;
}

/** Who a record says wrote it: the user's id and name, as stores keep them. */
export type Actor = Pick<SessionUser, 'userId' | 'username'>;

/** The session table keeps only a digest of the cookie value. */
export function digestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a fresh session (a new id on every login: no fixation) and returns its cookie value and CSRF token. */
export async function startSession(
  db: OpsDb,
  userId: string,
  now = new Date(),
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('user_session')
    .values({
      token_hash: digestToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + sessionMaxMs),
      revoked_at: null,
    })
    .execute();
  return { token, csrfToken };
}

/** Finds the live session for a cookie value and slides its idle clock; undefined if none, expired, idle or revoked. */
export async function resumeSession(
  db: OpsDb,
  token: string,
  now = new Date(),
): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.user_id', 's.user_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'u.user_id',
      'u.username',
      'u.role',
      'u.member_id',
      'u.organization',
      'u.display_name',
      'u.disabled',
    ])
    .where('s.token_hash', '=', digestToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled) return undefined;
  if (row.expires_at.getTime() <= now.getTime()) return undefined;
  if (now.getTime() - row.last_seen_at.getTime() > sessionIdleMs) return undefined;
  // Touch at most once a minute: reads stay reads under load.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000)
    await db
      .updateTable('user_session')
      .set({ last_seen_at: now })
      .where('token_hash', '=', row.token_hash)
      .execute();
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role as Role,
    memberId: row.member_id,
    organization: row.organization,
    displayName: row.display_name,
    csrfToken: row.csrf_token,
  };
}

/** Revokes one session (logout). */
export async function revokeSession(db: OpsDb, token: string, now = new Date()): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('token_hash', '=', digestToken(token))
    .execute();
}

/** Revokes every session of a user (password change, lockout by an admin). */
export async function revokeUserSessions(db: OpsDb, userId: string, now = new Date()): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
