import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestUser } from '../../testing/test-app.ts';
import { seedCase } from './seed-case.ts';

let t: TestApp;
let cm: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  cm = await t.logIn('case_manager');
});
afterAll(async () => {
  await t.close();
});

const patch = (caseId: string, version: number, note: string) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/cases/${caseId}`,
    headers: cm.headers,
    payload: { version, note },
  });

describe('cases', () => {
  it('reads a case with its reasons and version', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-READ' });
    const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: cm.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caseId, memberId: 'M-READ', status: 'open', version: 1 });
  });

  it('refuses a write based on a stale version with 409, and keeps the first write', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-STALE' });
    const [a, b] = await Promise.all([patch(caseId, 1, 'first'), patch(caseId, 1, 'second')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'first' : 'second';
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'conflict', issues: [{ path: 'version' }] });
    const now = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: cm.headers });
    expect(now.json()).toMatchObject({ note: winner, version: 2 });
  });

  it('never loses a write when many people edit one case at once (each retries on 409)', async () => {
    const caseId = await seedCase(t.store.db, { memberId: 'M-BUSY' });
    const writers = Array.from({ length: 8 }, (_, i) => `w${i}`);
    let conflicts = 0;
    await Promise.all(
      writers.map(async (tag) => {
        for (;;) {
          const read = (
            await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: cm.headers })
          ).json();
          const res = await patch(caseId, read.version, `${read.note ?? ''}${tag};`);
          if (res.statusCode === 200) return;
          expect(res.statusCode).toBe(409);
          conflicts += 1;
        }
      }),
    );
    const final = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: cm.headers })
    ).json();
    expect(final.note.split(';').filter(Boolean).sort()).toEqual(writers);
    expect(final.version).toBe(1 + writers.length);
    expect(conflicts).toBeGreaterThan(0);
  });

  it('answers 404 for a case that does not exist', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/cases/no-such-case', headers: cm.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: 'There is no such case.', issues: [] });
  });
});
