import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCoverage } from '../../src/coverage/plans/plan-store.ts';
import { addUser } from '../../src/platform/auth/users.ts';
import { addDays } from '../../src/platform/calendar/iso-days.ts';
import type { App } from '../../src/platform/http/route-module.ts';
import { linkSupporterAccount } from '../../src/privacy/index.ts';
import { expectAccessible } from './axe.ts';
import { hasChromium, launchBrowser, screenshot, signIn } from './browser.ts';
import { type SeededStores, seedPopulation, serveSeeded } from './seed-population.ts';
import { buildWebApp, e2ePassword } from './start-workspace.ts';

const chromium = hasChromium();
if (!chromium)
  console.warn('web/e2e: skipped — /usr/bin/chromium is not installed (apt-get install -y chromium).');

const today = new Date().toISOString().slice(0, 10);
/** The phone and the desktop widths every member and family screen is checked at. */
const viewports = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

async function apiLogin(app: App, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: e2ePassword },
  });
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

describe.skipIf(!chromium)('the family and member screens in a browser', () => {
  let seeded: SeededStores;
  let served: Awaited<ReturnType<typeof serveSeeded>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let memberId = '';
  let relatedPersonId = '';
  let call: (method: 'GET' | 'POST', url: string, payload?: object) => Promise<Record<string, unknown>>;

  beforeAll(async () => {
    await buildWebApp();
    seeded = await seedPopulation({ prefix: 'family', members: 300, seed: 7 });
    // The member's My plan page shows their plan's benefits: the demo plans must be on file.
    await seedDemoCoverage(seeded.store.db);
    await addUser(seeded.store.db, { username: 'cam', role: 'case_manager', password: e2ePassword });
    const supporter = await addUser(seeded.store.db, {
      username: 'rosa',
      role: 'supporter',
      password: e2ePassword,
    });
    served = await serveSeeded(seeded);
    const cm = await apiLogin(served.app, 'cam');
    call = async (method, url, payload) => {
      const res = await served.app.inject({ method, url, headers: cm, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    const worklist = (await call('GET', '/api/worklist')) as {
      items: { caseId: string; memberId: string }[];
    };
    const top = worklist.items[0]!;
    memberId = top.memberId;
    await addUser(seeded.store.db, { username: 'mia', role: 'member', password: e2ePassword, memberId });
    await call('POST', `/api/cases/${top.caseId}/attempts`, {
      outcome: 'reached',
      referrals: [{ kind: 'moud_prescriber', status: 'accepted' }],
    });
    const plan = await call('POST', `/api/members/${memberId}/care-plans`, {
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
    const person = await call('POST', `/api/members/${memberId}/support-network`, {
      name: 'Rosa',
      relationship: 'parent',
    });
    relatedPersonId = String(person.relatedPersonId);
    await linkSupporterAccount(seeded.store.db, relatedPersonId, supporter.userId);
    const launched = await launchBrowser();
    browser = launched.browser;
    closeBrowser = launched.close;
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    await served?.close();
  });

  async function pageAt(viewport: (typeof viewports)[number], username: string): Promise<Page> {
    const page = await (
      await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } })
    ).newPage();
    await signIn(page, served.baseUrl, username, e2ePassword);
    return page;
  }

  it('shows a supporter nothing before consent, only what the consent shares, and nothing after revocation — accessible on a phone and a desktop', async () => {
    for (const viewport of viewports) {
      const page = await pageAt(viewport, 'rosa');
      await page.getByRole('heading', { name: 'For family and supporters' }).waitFor();
      await page.getByText('Nothing is shared with you right now.').waitFor();
      await page.getByRole('heading', { name: 'Naloxone (Narcan) saves lives' }).waitFor();
      await expectAccessible(page, `family page before consent, ${viewport.name}`);
      await page.close();
    }
    const consent = await call('POST', `/api/members/${memberId}/consents`, {
      recipient: `related-person:${relatedPersonId}`,
      purpose: 'family',
      coversPart2: true,
      startDate: today,
      endDate: addDays(today, 90),
      shares: ['plan-goals', 'services'],
    });
    for (const viewport of viewports) {
      const page = await pageAt(viewport, 'rosa');
      await page.getByText('Counseling every week: 4 a month').waitFor();
      await page.getByText('individual with Harbor Recovery Center: requested').waitFor();
      await page.getByText(/Some things are not shared with you/).waitFor();
      expect(await page.getByRole('heading', { name: 'Drug screen results' }).count()).toBe(0);
      await screenshot(page, `family-shared-${viewport.name}`);
      await expectAccessible(page, `family page with consent, ${viewport.name}`);
      await page.close();
    }
    await call('POST', `/api/consents/${consent.consentId}/revoke`, {});
    const page = await pageAt(viewports[0], 'rosa');
    await page.getByText('Nothing is shared with you right now.').waitFor();
    expect(await page.getByText('Counseling every week').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('lets the member answer the discharge survey on My plan, accessible on a phone and a desktop', async () => {
    await seeded.store.execScript(
      `insert into feedback_invitation (invitation_id, member_id, milestone, respondent) values ('inv-e2e', '${memberId}', 'discharge', 'member')`,
    );
    const mia = await apiLogin(served.app, 'mia');
    const open = await served.app.inject({
      method: 'GET',
      url: `/api/members/${memberId}/feedback`,
      headers: mia,
    });
    expect(open.json().surveys, open.body).toHaveLength(1);
    for (const viewport of viewports) {
      const page = await pageAt(viewport, 'mia');
      await page.goto(`${served.baseUrl}/#/my-plan`);
      await page.getByRole('heading', { name: 'My plan' }).waitFor();
      await page.getByRole('heading', { name: /How did we do/ }).waitFor();
      await expectAccessible(page, `my plan with the survey, ${viewport.name}`);
      await page.goto(`${served.baseUrl}/#/help`);
      await page.getByRole('heading', { name: 'Help and crisis lines' }).waitFor();
      await expectAccessible(page, `help, ${viewport.name}`);
      await page.close();
    }
    const page = await pageAt(viewports[0], 'mia');
    await page.goto(`${served.baseUrl}/#/my-plan`);
    const survey = page.getByRole('region', { name: /How did we do/ });
    await survey.getByRole('group').first().waitFor();
    for (const group of await survey.getByRole('group').all())
      await group.getByLabel('Agree', { exact: true }).check();
    await survey.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you. Your answers help us do better.').waitFor();
    await page.close();
  }, 120_000);
});
