import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/test-app.ts';
import { ensureDemoUsers } from './demo-users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

it('creates one demo user per role once, and their passwords sign in', async () => {
  const first = await ensureDemoUsers(t.store.db, { memberId: 'M0001' });
  expect(first.map((c) => c.role).sort()).toEqual([
    'admin',
    'analyst',
    'case_manager',
    'clinical_pharmacist',
    'facility_staff',
    'member',
    'supervisor',
    'supporter',
    'um_reviewer',
  ]);
  expect(first.find((c) => c.role === 'supporter')?.username).toBe('demo-family');
  expect(await ensureDemoUsers(t.store.db, { memberId: 'M0001' })).toEqual([]);
  const admin = first.find((c) => c.role === 'admin');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: admin?.username, password: admin?.password },
  });
  expect(res.statusCode).toBe(200);
});
