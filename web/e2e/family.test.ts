import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/platform/calendar/iso-days.ts';
import { expectAccessible } from './axe.ts';
import { hasChromium, launchBrowser, screenshot, signIn } from './browser.ts';
import {
  apiLogin,
  type MemberWithSupporter,
  seedMemberWithSupporter,
  viewports,
} from './member-with-supporter.ts';
import type { SeededStores } from './seed-population.ts';
import { buildWebApp, e2ePassword } from './start-workspace.ts';

const chromium = hasChromium();
if (!chromium)
  console.warn('web/e2e: skipped — /usr/bin/chromium is not installed (apt-get install -y chromium).');

const today = new Date().toISOString().slice(0, 10);

describe.skipIf(!chromium)('the family and member screens in a browser', () => {
  let seeded: SeededStores;
  let served: MemberWithSupporter['served'];
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let memberId = '';
  let relatedPersonId = '';
  let call: MemberWithSupporter['call'];

  beforeAll(async () => {
    await buildWebApp();
    const world = await seedMemberWithSupporter('family', 7);
    ({ seeded, served, memberId, relatedPersonId, call } = world);
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
      // In Spanish, with <html lang> following, and the help page one tap away.
      await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
      await page.getByRole('heading', { name: 'Para familiares y personas de apoyo' }).waitFor();
      await page.getByText(/Algunas cosas no se comparten con usted/).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page, `family page with consent, es, ${viewport.name}`);
      await page.getByRole('link', { name: 'Más ayuda' }).click();
      await page.getByRole('heading', { name: 'Ayuda y líneas de crisis' }).waitFor();
      await expectAccessible(page, `family help, es, ${viewport.name}`);
      await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
      await page.getByRole('heading', { name: 'Help and crisis lines' }).waitFor();
      await expectAccessible(page, `family help, en, ${viewport.name}`);
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
      await page.goto(`${served.baseUrl}/#/my-plan`);
      await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
      await page.getByRole('heading', { name: /Cómo lo hicimos/ }).waitFor();
      await expectAccessible(page, `my plan with the survey, es, ${viewport.name}`);
      await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
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
