import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/platform/auth/users.ts';
import { addDays } from '../../src/platform/calendar/iso-days.ts';
import type { App } from '../../src/platform/http/route-module.ts';
import { runSignals } from '../../src/recovery/index.ts';
import { parseRiskConfig } from '../../src/risk/index.ts';
import { hasChromium, launchBrowser, screenshot, signIn } from './browser.ts';
import { type SeededStores, seedPopulation, serveSeeded } from './seed-population.ts';
import { buildWebApp, e2ePassword } from './start-workspace.ts';

const chromium = hasChromium();
if (!chromium)
  console.warn('web/e2e: skipped — /usr/bin/chromium is not installed (apt-get install -y chromium).');

const facilityNpi = '1234567893';
const today = new Date().toISOString().slice(0, 10);

/** Signs in through the API of the served app and returns headers for `inject`. */
async function apiLogin(app: App, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: e2ePassword },
  });
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

describe.skipIf(!chromium)('treatment and recovery in a browser', () => {
  let seeded: SeededStores;
  let served: Awaited<ReturnType<typeof serveSeeded>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let memberId = '';

  beforeAll(async () => {
    await buildWebApp();
    seeded = await seedPopulation({ prefix: 'recovery', members: 300, seed: 5 });
    await addUser(seeded.store.db, {
      username: 'rita',
      role: 'case_manager',
      password: e2ePassword,
      displayName: 'rita',
    });
    await addUser(seeded.store.db, {
      username: 'fran',
      role: 'facility_staff',
      password: e2ePassword,
      organization: facilityNpi,
    });
    served = await serveSeeded(seeded);
    const launched = await launchBrowser();
    browser = launched.browser;
    closeBrowser = launched.close;
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    await served?.close();
  });

  it('shows the case manager a member’s plan, services, sessions and a positive fentanyl screen alert, and resolves it', async () => {
    const { app } = served;
    const cm = await apiLogin(app, 'rita');
    const facility = await apiLogin(app, 'fran');
    const call = async (headers: object, method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await app.inject({
        method,
        url,
        headers: headers as Record<string, string>,
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    // The first call: reached, a MOUD referral accepted — the member is engaged.
    const worklist = await call(cm, 'GET', '/api/worklist');
    const top = worklist.items[0];
    memberId = top.memberId;
    await call(cm, 'POST', `/api/cases/${top.caseId}/attempts`, {
      outcome: 'reached',
      referrals: [{ kind: 'moud_prescriber', status: 'accepted' }],
    });
    await seeded.store.execScript(
      `update outreach_case set engaged_on = '${addDays(today, -14)}' where case_id = '${top.caseId}'`,
    );
    const { planId } = await call(cm, 'POST', `/api/members/${memberId}/care-plans`, {
      category: 'treatment',
      status: 'active',
      caseId: top.caseId,
      content: {
        title: 'Early recovery plan',
        goals: [
          {
            description: 'Weekly counseling',
            measure: 'sessions attended',
            target: '4 of 4',
            dueDate: addDays(today, 30),
            status: 'active',
          },
        ],
        careTeam: [],
      },
    });
    await call(cm, 'POST', `/api/care-plans/${planId}/services`, {
      category: 'supportive',
      service: 'housing',
      performerName: 'Harbor Housing',
    });
    const { requestId } = await call(cm, 'POST', `/api/care-plans/${planId}/services`, {
      category: 'counseling',
      service: 'individual',
      performerName: 'Harbor Recovery Center',
      performerNpi: facilityNpi,
      sessionsPerWeek: 1,
    });
    await call(facility, 'POST', `/api/service-requests/${requestId}/status`, {
      status: 'accepted',
      version: 1,
    });
    for (const [n, attended] of [
      [12, true],
      [9, true],
      [5, false],
      [2, false],
    ] as const)
      await call(facility, 'POST', '/api/recovery/sessions', {
        memberId,
        sourceId: `visit-${n}`,
        scheduledOn: addDays(today, -n),
        service: 'individual',
        attended,
      });
    await call(facility, 'POST', '/api/recovery/screens', {
      memberId,
      sourceId: 'lab-1',
      collectedOn: addDays(today, -1),
      substance: 'fentanyl',
      positive: true,
    });
    const signals = await runSignals(
      { db: seeded.store.db, warehouse: seeded.warehouse },
      parseRiskConfig({}),
      today,
    );
    expect(signals.alerts.filter((a) => a.memberId === memberId).map((a) => a.code)).toEqual(
      expect.arrayContaining(['POSITIVE_SCREEN', 'MISSED_SESSIONS']),
    );

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, served.baseUrl, 'rita', e2ePassword);
    await page.goto(`${served.baseUrl}/#/members/${encodeURIComponent(memberId)}`);
    const recovery = page.getByRole('region', { name: 'Recovery' });
    await recovery.waitFor();
    await recovery.getByText('Positive drug screen').waitFor();
    await recovery.getByText('Missed sessions').waitFor();
    await recovery.getByText('housing with Harbor Housing: requested').waitFor();
    await recovery.getByText('individual with Harbor Recovery Center: accepted').waitFor();
    await recovery.getByText('Sessions: 2 attended, 2 missed.').waitFor();
    const timeline = recovery.getByRole('list', { name: 'Sessions, screens and check-ins' });
    await timeline.getByText('drug screen: positive for fentanyl').waitFor();
    await screenshot(page, 'recovery-panel');

    const alert = recovery.locator('li', { hasText: 'Positive drug screen' });
    await alert.getByLabel('What was done').fill('Called the member; naloxone sent, visit moved up.');
    await alert.getByRole('button', { name: 'Resolve' }).click();
    await recovery.locator('li', { hasText: 'Positive drug screen' }).waitFor({ state: 'detached' });
    await recovery.getByText('Missed sessions').waitFor();
  }, 120_000);
});
