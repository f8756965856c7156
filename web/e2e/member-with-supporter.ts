import { expect } from 'vitest';
import { seedDemoCoverage } from '../../src/coverage/plans/plan-store.ts';
import { addUser } from '../../src/platform/auth/users.ts';
import { addDays } from '../../src/platform/calendar/iso-days.ts';
import type { App } from '../../src/platform/http/route-module.ts';
import { linkSupporterAccount } from '../../src/privacy/index.ts';
import { type SeededStores, seedPopulation, serveSeeded } from './seed-population.ts';
import { e2ePassword } from './start-workspace.ts';

/** The phone and the desktop widths every member and family screen is checked at. */
export const viewports = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

/** Signs in over the API: the session cookie and CSRF header for `app.inject`. */
export async function apiLogin(app: App, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: e2ePassword },
  });
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

export interface MemberWithSupporter {
  seeded: SeededStores;
  served: Awaited<ReturnType<typeof serveSeeded>>;
  memberId: string;
  caseId: string;
  relatedPersonId: string;
  /** The member's date of birth as the plan has it (what activation asks for). */
  birthDate: string;
  /** A request as the case manager `cam`, failing the test on any error status. */
  call: (method: 'GET' | 'POST', url: string, payload?: object) => Promise<Record<string, unknown>>;
}

/**
 * A served population where the top worklist member (user `mia`) was reached, accepted a
 * referral and has a treatment plan (a weekly counseling goal, a counseling service), and has
 * a parent, Rosa (user `rosa`, role supporter), in their support network with no consent yet.
 * With `accounts: 'to-activate'` neither has an account yet: the test opens them with codes.
 */
export async function seedMemberWithSupporter(
  prefix: string,
  seed: number,
  options: { accounts?: 'ready' | 'to-activate' } = {},
): Promise<MemberWithSupporter> {
  const ready = options.accounts !== 'to-activate';
  const today = new Date().toISOString().slice(0, 10);
  const seeded = await seedPopulation({ prefix, members: 300, seed });
  // The member's My plan page shows their plan's benefits: the demo plans must be on file.
  await seedDemoCoverage(seeded.store.db);
  await addUser(seeded.store.db, { username: 'cam', role: 'case_manager', password: e2ePassword });
  const supporter = ready
    ? await addUser(seeded.store.db, { username: 'rosa', role: 'supporter', password: e2ePassword })
    : undefined;
  const served = await serveSeeded(seeded);
  const cm = await apiLogin(served.app, 'cam');
  const call: MemberWithSupporter['call'] = async (method, url, payload) => {
    const res = await served.app.inject({ method, url, headers: cm, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const worklist = (await call('GET', '/api/worklist')) as { items: { caseId: string; memberId: string }[] };
  const top = worklist.items[0]!;
  if (ready)
    await addUser(seeded.store.db, {
      username: 'mia',
      role: 'member',
      password: e2ePassword,
      memberId: top.memberId,
    });
  await call('POST', `/api/cases/${top.caseId}/attempts`, {
    outcome: 'reached',
    referrals: [{ kind: 'moud_prescriber', status: 'accepted' }],
  });
  const plan = await call('POST', `/api/members/${top.memberId}/care-plans`, {
    category: 'treatment',
    status: 'active',
    caseId: top.caseId,
    content: {
      title: 'Plan',
      goals: [
        {
          description: 'Counseling every week',
          measure: 'sessions',
          target: '4 a month',
          dueDate: addDays(today, 60),
          status: 'active',
          steps: [{ text: 'Call Harbor to book the first session' }],
        },
      ],
      careTeam: [],
    },
  });
  await call('POST', `/api/care-plans/${plan.planId}/services`, {
    category: 'counseling',
    service: 'individual',
    performerName: 'Harbor Recovery Center',
  });
  const person = await call('POST', `/api/members/${top.memberId}/support-network`, {
    name: 'Rosa',
    relationship: 'parent',
  });
  const relatedPersonId = String(person.relatedPersonId);
  if (supporter) await linkSupporterAccount(seeded.store.db, relatedPersonId, supporter.userId);
  const [member] = await seeded.warehouse.all<{ birth_date: string }>(
    'select cast(birth_date as varchar) as birth_date from member where member_id = $1',
    [top.memberId],
  );
  return {
    seeded,
    served,
    memberId: top.memberId,
    caseId: top.caseId,
    relatedPersonId,
    birthDate: member?.birth_date ?? '',
    call,
  };
}
