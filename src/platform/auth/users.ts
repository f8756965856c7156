import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { OpsDb } from '../db/ops-db.ts';
import { AppError, issuesFromZod } from '../errors.ts';
import { hashPassword } from './passwords.ts';
import { type Role, roles } from './roles.ts';

export const newUserSchema = z.object({
  username: z
    .string()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9._-]+$/, 'lower-case letters, digits, dot, dash, underscore'),
  role: z.enum(roles),
  password: z.string().min(12, 'at least 12 characters').max(256),
  memberId: z.string().min(1).max(64).optional(),
  organization: z.string().min(1).max(200).optional(),
  displayName: z.string().min(1).max(200).optional(),
});
export type NewUser = z.input<typeof newUserSchema>;

export interface UserSummary {
  userId: string;
  username: string;
  role: Role;
  memberId: string | null;
  organization: string | null;
  displayName: string | null;
  locked: boolean;
  disabled: boolean;
}

/** Creates a person who can sign in; conflict if the username is taken. */
export async function addUser(db: OpsDb, input: NewUser): Promise<UserSummary> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError('validation_failed', 'The user is not valid.', issuesFromZod(parsed.error.issues));
  const u = parsed.data;
  if (u.role === 'member' && !u.memberId)
    throw new AppError('validation_failed', 'A member account needs the member id it belongs to.', [
      { path: 'memberId', message: 'required for role member' },
    ]);
  const existing = await db
    .selectFrom('app_user')
    .select('user_id')
    .where('username', '=', u.username)
    .executeTakeFirst();
  if (existing) throw new AppError('conflict', `A user named ${u.username} already exists.`);
  const row = {
    user_id: randomUUID(),
    username: u.username,
    role: u.role,
    password_hash: await hashPassword(u.password),
    member_id: u.memberId ?? null,
    organization: u.organization ?? null,
    display_name: u.displayName ?? null,
    locked_until: null,
  };
  await db.insertInto('app_user').values(row).execute();
  return {
    userId: row.user_id,
    username: row.username,
    role: u.role,
    memberId: row.member_id,
    organization: row.organization,
    displayName: row.display_name,
    locked: false,
    disabled: false,
  };
}

/** Lists everyone who can sign in, by username; no hashes. */
export async function listUsers(db: OpsDb): Promise<UserSummary[]> {
  const rows = await db.selectFrom('app_user').selectAll().orderBy('username').execute();
  const now = Date.now();
  return rows.map((r) => ({
    userId: r.user_id,
    username: r.username,
    role: r.role as Role,
    memberId: r.member_id,
    organization: r.organization,
    displayName: r.display_name,
    locked: r.locked_until !== null && r.locked_until.getTime() > now,
    disabled: r.disabled,
  }));
}
