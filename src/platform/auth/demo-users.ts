import { randomBytes } from 'node:crypto';
import type { OpsDb } from '../db/ops-db.ts';
import { type Role, roles } from './roles.ts';
import { addUser } from './users.ts';

export interface DemoCredential {
  username: string;
  role: Role;
  password: string;
}

/** The demo user of a role: `demo-<role>`, and `demo-family` for the member's supporter. */
export function demoUsername(role: Role): string {
  return role === 'supporter' ? 'demo-family' : `demo-${role.replaceAll('_', '-')}`;
}

/**
 * Creates one demo user per role (`demoUsername`) the first time and returns their
 * new random passwords; users that already exist are left alone and not returned,
 * so passwords are printed once. `memberId` is who the demo member is.
 */
export async function ensureDemoUsers(
  db: OpsDb,
  options: { memberId: string; organization?: string },
): Promise<DemoCredential[]> {
  const created: DemoCredential[] = [];
  const existing = new Set(
    (await db.selectFrom('app_user').select('username').where('username', 'like', 'demo-%').execute()).map(
      (r) => r.username,
    ),
  );
  for (const role of roles) {
    const username = demoUsername(role);
    if (existing.has(username)) continue;
    const password = randomBytes(12).toString('base64url');
    await addUser(db, {
      username,
      role,
      password,
      displayName: role === 'supporter' ? 'Demo family member' : `Demo ${role.replaceAll('_', ' ')}`,
      ...(role === 'member' ? { memberId: options.memberId } : {}),
      ...(role === 'facility_staff' ? { organization: options.organization ?? 'Demo Recovery Center' } : {}),
    });
    created.push({ username, role, password });
  }
  return created;
}
