import type { OpsDb } from '../db/ops-db.ts';
import { AppError } from '../errors.ts';
import { LoginThrottle, lockMs, maxFailuresPerUsername } from './login-throttle.ts';
import { verifyPassword } from './passwords.ts';
import type { Role } from './roles.ts';
import { startSession } from './sessions.ts';

/** One message for a wrong name and a wrong password, so neither reveals who has an account. */
export const badCredentials = 'The username or password is not right.';
export const tooManyAttempts = 'Too many sign-in attempts. Wait 15 minutes and try again.';

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
  username: string;
  role: Role;
}

/**
 * Checks a username and password and starts a new session. Unknown names cost
 * the same Argon2 work as known ones; repeated failures lock the name.
 */
export async function logIn(
  db: OpsDb,
  throttle: LoginThrottle,
  input: { username: string; password: string; address: string },
  now = new Date(),
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  if (throttle.isBlocked(username, input.address, now.getTime()))
    throw new AppError('too_many_requests', tooManyAttempts);
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash, input.password);
  const lockedInStore = user?.locked_until != null && user.locked_until.getTime() > now.getTime();
  if (!ok || !user || user.disabled || lockedInStore) {
    const lockedNow = throttle.recordFailure(username, input.address, now.getTime());
    if (user && !ok) {
      const failures = user.failed_logins + 1;
      await db
        .updateTable('app_user')
        .set({
          failed_logins: failures,
          locked_until:
            failures >= maxFailuresPerUsername ? new Date(now.getTime() + lockMs) : user.locked_until,
        })
        .where('user_id', '=', user.user_id)
        .execute();
    }
    if (lockedNow || lockedInStore) throw new AppError('too_many_requests', tooManyAttempts);
    throw new AppError('unauthenticated', badCredentials);
  }
  throttle.recordSuccess(username);
  if (user.failed_logins > 0 || user.locked_until)
    await db
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null })
      .where('user_id', '=', user.user_id)
      .execute();
  const session = await startSession(db, user.user_id, now);
  return { ...session, userId: user.user_id, username: user.username, role: user.role as Role };
}

export { LoginThrottle };
