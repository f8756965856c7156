import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.ts';
import { cspViolations, hasChromium, launchBrowser, screenshot, signIn } from './browser.ts';
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

describe.skipIf(!chromium)("the member's own app in a browser", () => {
  let seeded: SeededStores;
  let served: MemberWithSupporter['served'];
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let memberId = '';
  let call: MemberWithSupporter['call'];
  let birthDate = '';

  beforeAll(async () => {
    await buildWebApp();
    const world = await seedMemberWithSupporter('member-app', 9, { accounts: 'to-activate' });
    ({ seeded, served, memberId, call, birthDate } = world);
    // Engaged three days ago: §11 watches a member from the day after engagement.
    await seeded.store.execScript(
      `update outreach_case set engaged_on = current_date - 3 where case_id = '${world.caseId}'`,
    );
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

  it('opens the member account with the code the case manager gives and the date of birth, then signs in', async () => {
    const issued = (await call('POST', `/api/members/${memberId}/activation-code`, {})) as { code: string };
    for (const viewport of viewports) {
      const page = await (
        await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } })
      ).newPage();
      await page.goto(`${served.baseUrl}/`);
      await page.getByRole('link', { name: /Open your account with your code/ }).click();
      await page.getByRole('heading', { name: 'Open your account' }).waitFor();
      for (const language of ['es', 'en'] as const) {
        await page.getByRole('combobox', { name: /Language|Idioma/ }).selectOption(language);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        await expectAccessible(page, `activation, ${language}, ${viewport.name}`);
      }
      await page.close();
    }
    const page = await (await browser.newContext({ viewport: viewports[0] })).newPage();
    await page.goto(`${served.baseUrl}/#/activate`);
    await page.getByLabel('Your code').fill(issued.code.toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('This code opens your member account.').waitFor();
    await page.getByLabel('Your date of birth').fill(birthDate);
    await page.getByLabel('Choose a username').fill('mia');
    await page.getByLabel('Choose a password').fill(e2ePassword);
    await page.getByLabel('Type the password again').fill(e2ePassword);
    await expectAccessible(page, 'activation form, en, phone');
    await page.getByRole('button', { name: 'Open my account' }).click();
    await page.getByRole('heading', { name: 'Hello' }).waitFor();
    await screenshot(page, 'member-activated-phone');
    await page.close();
  }, 240_000);

  /** The elements that stick out past the right edge of the screen (none, when nothing scrolls sideways). */
  const widerThanScreen = (page: Page) =>
    page.evaluate(() =>
      document.documentElement.scrollWidth <= window.innerWidth
        ? []
        : [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(-5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`),
    );

  /** Every member screen, with its heading in each language; the phone shots go to the README. */
  const screens = [
    { hash: 'home', en: 'Hello', es: 'Hola', shot: 'member-home' },
    { hash: 'check-in', en: 'Check in', es: 'Cómo estoy', shot: 'member-check-in' },
    { hash: 'my-plan', en: 'My plan', es: 'Mi plan' },
    { hash: 'my-care', en: 'Find care', es: 'Buscar atención', wait: 'list' },
    { hash: 'my-authorizations', en: 'My authorizations', es: 'Mis autorizaciones' },
    { hash: 'privacy', en: 'My privacy', es: 'Mi privacidad', shot: 'member-privacy', wait: 'table' },
    { hash: 'help', en: 'Help and crisis lines', es: 'Ayuda y líneas de crisis' },
  ] as const;

  it('is accessible on every member screen, on a phone and a desktop, in English and in Spanish, with <html lang> following the switch', async () => {
    for (const viewport of viewports) {
      const page = await pageAt(viewport, 'mia');
      for (const language of ['en', 'es'] as const) {
        await page.goto(`${served.baseUrl}/#/home`);
        await page.getByRole('heading', { name: /^(Hello|Hola)$/ }).waitFor();
        await page.getByRole('combobox', { name: /Language|Idioma/ }).selectOption(language);
        for (const screen of screens) {
          await page.goto(`${served.baseUrl}/#/${screen.hash}`);
          await page.getByRole('heading', { name: screen[language], level: 1, exact: true }).waitFor();
          if ('wait' in screen) await page.getByRole(screen.wait).first().waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          expect(
            await widerThanScreen(page),
            `${screen.hash} scrolls sideways at ${viewport.width} px`,
          ).toEqual([]);
          await expectAccessible(page, `${screen.hash}, ${language}, ${viewport.name}`);
          if (viewport.name === 'phone' && 'shot' in screen)
            await screenshot(page, `${screen.shot}-${language}-phone`);
        }
      }
      // The choice is remembered: back to English for the next tests.
      await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
      await page.close();
    }
  }, 300_000);

  it('ticks a step toward a goal done on Home, and the case manager sees it', async () => {
    const page = await pageAt(viewports[0], 'mia');
    await page.goto(`${served.baseUrl}/#/home`);
    const step = page.getByRole('checkbox', { name: 'Call Harbor to book the first session' });
    // The box follows the saved plan: it turns checked once the server has the step done.
    await step.click();
    await page.getByText(/done [A-Z][a-z]{2} \d/).waitFor();
    expect(await step.isChecked()).toBe(true);
    const plans = (await call('GET', `/api/members/${memberId}/care-plans`)) as {
      plans: { content: { goals: { steps: { doneOn: string | null }[] }[] } }[];
    };
    expect(plans.plans[0]?.content.goals[0]?.steps[0]?.doneOn).not.toBeNull();
    await page.close();
  }, 60_000);

  it('reads a message from the care team on Home and answers it; the case manager sees the reply', async () => {
    await call('POST', `/api/members/${memberId}/messages`, { body: 'Harbor has a slot on Tuesday at 10.' });
    const page = await pageAt(viewports[0], 'mia');
    await page.goto(`${served.baseUrl}/#/home`);
    const thread = page.getByRole('region', { name: 'Messages with my care team' });
    await thread.getByText('Harbor has a slot on Tuesday at 10.').waitFor();
    await thread.getByLabel('Write to my care team').fill('Tuesday works for me.');
    await thread.getByRole('button', { name: 'Send' }).click();
    await thread.getByText('Tuesday works for me.').waitFor();
    const seen = (await call('GET', `/api/members/${memberId}/messages`)) as {
      messages: { direction: string; body: string }[];
      unreadByMember: number;
      unreadByCareTeam: number;
    };
    expect(seen.messages.map((m) => [m.direction, m.body])).toEqual([
      ['to_member', 'Harbor has a slot on Tuesday at 10.'],
      ['from_member', 'Tuesday works for me.'],
    ]);
    expect(seen).toMatchObject({ unreadByMember: 0, unreadByCareTeam: 1 });
    await expectAccessible(page, 'member home with messages');
    await page.close();
  }, 60_000);

  it('checks in with a craving of 8 (the case manager sees CHECK_IN_USE); a "yes" to safety shows 988 first', async () => {
    const page = await pageAt(viewports[0], 'mia');
    await page.goto(`${served.baseUrl}/#/check-in`);
    const form = page.getByRole('form');
    await form
      .getByRole('group', { name: /thoughts of harming yourself/ })
      .getByLabel('No')
      .check();
    await form.getByLabel(/How strong have cravings been/).fill('8');
    await form
      .getByRole('group', { name: /used opioids/ })
      .getByLabel('No')
      .check();
    await form.getByLabel('Well').check();
    await form.getByLabel('Transportation').check();
    await form.getByRole('button', { name: 'Send my check-in' }).click();
    await page.getByText('Thank you. Your care team will see your check-in.').waitFor();
    await page.getByRole('cell', { name: '8', exact: true }).waitFor();
    const summary = (await call('GET', `/api/members/${memberId}/recovery`)) as {
      alerts: { code: string }[];
    };
    expect(summary.alerts.map((a) => a.code)).toContain('CHECK_IN_USE');

    await page.goto(`${served.baseUrl}/#/home`);
    await page.goto(`${served.baseUrl}/#/check-in`);
    await page
      .getByRole('form')
      .getByRole('group', { name: /thoughts of harming yourself/ })
      .getByLabel('Yes')
      .check();
    const alert = page.getByRole('alert');
    await alert.getByRole('link', { name: 'Call 988' }).waitFor();
    // The crisis lines come before the rest of the form.
    const [alertTop, formTop] = await Promise.all([
      alert.evaluate((e) => e.getBoundingClientRect().top),
      page.getByRole('form').evaluate((e) => e.getBoundingClientRect().top),
    ]);
    expect(alertTop).toBeLessThan(formTop);
    await page.close();
  }, 120_000);

  it('grants a consent to a family member, who sees the shared appointments but not the screen results; revoked, their next request is refused', async () => {
    const page = await pageAt(viewports[0], 'mia');
    await page.goto(`${served.baseUrl}/#/privacy`);
    const rosa = page.getByRole('article', { name: 'Rosa' });
    await rosa.getByText('Shares nothing now.').waitFor();
    // The member invites Rosa, who opens her own account from the link.
    await rosa.getByRole('button', { name: 'Invite Rosa to their own account' }).click();
    const link = await rosa.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/#\/activate\/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const invited = await (await browser.newContext({ viewport: viewports[0] })).newPage();
    await invited.goto(link);
    await invited.getByRole('button', { name: 'Continue' }).click();
    await invited.getByText(/opens your account as a family member or supporter/).waitFor();
    expect(await invited.getByLabel('Your date of birth').count()).toBe(0);
    await invited.getByLabel('Choose a username').fill('rosa');
    await invited.getByLabel('Choose a password').fill(e2ePassword);
    await invited.getByLabel('Type the password again').fill(e2ePassword);
    await invited.getByRole('button', { name: 'Open my account' }).click();
    await invited
      .getByText(/Some things are not shared with you|nothing is shared/i)
      .first()
      .waitFor();
    await invited.close();
    await page.reload();
    await rosa.getByText('Rosa has their own account.').waitFor();
    await rosa.getByLabel('appointments').check();
    await rosa.getByLabel('plan and goals').check();
    await rosa.getByLabel('I sign this consent').check();
    await rosa.getByRole('button', { name: 'Share' }).click();
    await rosa.getByText(/Shares: appointments, plan and goals/).waitFor();

    const family = await pageAt(viewports[0], 'rosa');
    await family.getByText('Counseling every week: 4 a month').waitFor();
    await family.getByText(/Some things are not shared with you/).waitFor();
    expect(await family.getByRole('heading', { name: 'Drug screen results' }).count()).toBe(0);
    const rosaApi = await apiLogin(served.app, 'rosa');
    const before = await served.app.inject({
      method: 'GET',
      url: `/api/supporter/members/${memberId}`,
      headers: rosaApi,
    });
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toMatch(/screenResults/);

    await rosa.getByRole('button', { name: 'Stop sharing with Rosa' }).click();
    await rosa.getByText('Shares nothing now.').waitFor();
    const after = await served.app.inject({
      method: 'GET',
      url: `/api/supporter/members/${memberId}`,
      headers: rosaApi,
    });
    expect([403, 404]).toContain(after.statusCode);

    // Who looked at my record: Rosa's read, by role, in plain words.
    await page.reload();
    await page
      .getByRole('cell', { name: /A family member or supporter \(rosa\)/ })
      .first()
      .waitFor();
    await family.close();
    await page.close();
  }, 120_000);

  it('ran every screen above under the strict content security policy, with nothing blocked', () => {
    expect(cspViolations).toEqual([]);
  });
});
