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

  it('walks a member from the first call through plan, housing referral, sessions, a positive fentanyl screen resolved, an assessment on screen, discharge with an aftercare plan and the 7-day follow-up', async () => {
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
    const alerts = recovery.getByRole('list', { name: 'Open alerts' });
    await alerts.getByText('Positive drug screen').waitFor();
    await alerts.getByText('Missed sessions').waitFor();
    await recovery.getByText('housing with Harbor Housing: requested').waitFor();
    await recovery.getByText('individual with Harbor Recovery Center: accepted').waitFor();
    await recovery.getByText('Sessions: 2 attended, 2 missed.').waitFor();
    const timeline = recovery.getByRole('list', { name: 'Sessions, screens, check-ins and alerts' });
    await timeline.getByText('drug screen: positive for fentanyl').waitFor();
    await screenshot(page, 'recovery-panel');

    const alert = alerts.locator('li', { hasText: 'Positive drug screen' });
    await alert.getByLabel('What was done').fill('Called the member; naloxone sent, visit moved up.');
    await alert.getByRole('button', { name: 'Resolve' }).click();
    await alert.waitFor({ state: 'detached' });
    await alerts.getByText('Missed sessions').waitFor();

    // The comprehensive assessment on screen, drawn from the shipped Questionnaire: PHQ-9 scored by the server.
    await recovery.getByRole('button', { name: 'Start an assessment' }).click();
    const assessment = recovery.getByRole('form', { name: 'Comprehensive assessment' });
    await assessment.getByLabel('Primary substance').selectOption('fentanyl');
    for (let n = 1; n <= 9; n += 1) await assessment.locator(`#q-phq9-${n}`).selectOption('LA6569-3');
    await assessment.locator('#q-asam-level').selectOption('2.1');
    await assessment.getByRole('button', { name: 'Save the assessment' }).click();
    await recovery.getByText(/Patient Health Questionnaire 9 item.*: 9 \(mild\)/).waitFor();
    await recovery.getByRole('button', { name: 'Close' }).click();
    await recovery.getByRole('table', { name: 'Screening scores over time' }).getByText('9 (mild)').waitFor();

    // Discharge with an aftercare plan; the warm hand-off and the 7/30/90-day follow-ups appear.
    await recovery.getByRole('button', { name: 'Discharge into aftercare' }).click();
    const discharge = recovery.getByRole('form', { name: 'Discharge into aftercare' });
    await discharge.getByLabel('To (the provider who takes the member on)').fill('Harbor Outpatient Clinic');
    await discharge.locator('#aftercare-0-performer').fill('Harbor Outpatient Clinic');
    await discharge.locator('#aftercare-1-performer').fill('Oak Street Recovery Residence');
    await discharge.locator('#aftercare-2-performer').fill('SMART Recovery, Tuesday');
    await discharge.getByLabel('Crisis plan').fill('Call 988 or the crisis line; naloxone at home.');
    await discharge.getByRole('button', { name: 'Discharge into aftercare' }).click();
    await discharge.waitFor({ state: 'detached' });
    await recovery.getByText('Aftercare plan', { exact: true }).waitFor();
    await recovery.getByText('support group with SMART Recovery, Tuesday: requested').waitFor();
    const followUp = recovery.getByRole('form', { name: '7-day follow-up' });
    await followUp.waitFor();
    await screenshot(page, 'recovery-aftercare');
    await followUp.getByLabel('Outcome').selectOption('reached');
    await followUp.getByLabel('Note').fill('Went to group twice; housing interview Friday.');
    await followUp.getByRole('button', { name: 'Record 7-day follow-up' }).click();
    await recovery.getByText('done: reached — Went to group twice; housing interview Friday.').waitFor();

    // The recovery queue shows the 30-day follow-up still to come.
    await page.goto(`${served.baseUrl}/#/recovery`);
    await page.getByRole('heading', { name: 'Recovery queue' }).waitFor();
    await page
      .getByRole('region', { name: /Aftercare follow-ups/ })
      .getByText('30-day follow-up')
      .waitFor();

    // The facility sees the member on its worklist and reports a session on screen.
    const facilityPage = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signIn(facilityPage, served.baseUrl, 'fran', e2ePassword);
    await facilityPage.goto(`${served.baseUrl}/#/referred`);
    const referred = facilityPage.getByRole('region', { name: `Member ${memberId}` });
    await referred.waitFor();
    await referred.getByLabel('Attended').selectOption('yes');
    await referred.getByRole('button', { name: 'Record' }).click();
    await referred.getByText('Session recorded.').waitFor();
    await screenshot(facilityPage, 'facility-referred-members');
  }, 180_000);
});
