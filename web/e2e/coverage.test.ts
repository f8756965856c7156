import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.ts';
import { cspViolations, hasChromium, launchBrowser, screenshot, signIn } from './browser.ts';
import { type CoverageWorkspace, startCoverageWorkspace } from './start-coverage-workspace.ts';
import { buildWebApp, e2ePassword } from './start-workspace.ts';

const chromium = hasChromium();
if (!chromium)
  console.warn(
    'web/e2e/coverage: skipped — /usr/bin/chromium is not installed (apt-get install -y chromium).',
  );

describe.skipIf(!chromium)('coverage, preauthorization and the member portal in a browser', () => {
  let ws: CoverageWorkspace;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    await buildWebApp();
    ws = await startCoverageWorkspace();
    const launched = await launchBrowser();
    browser = launched.browser;
    closeBrowser = launched.close;
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    await ws?.close();
  });

  // A failed step must not leave its pages open for the next test.
  afterEach(async () => {
    for (const context of browser?.contexts() ?? []) await context.close();
  });

  async function signedIn(username: string, width = 1280, height = 800): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await signIn(page, ws.baseUrl, username, e2ePassword);
    return page;
  }

  async function expectPrivate(page: Page) {
    expect(await page.title()).toBe('Checkpoint');
    expect(page.url()).not.toContain('?');
  }

  it('lets a case manager find an in-network ambulatory detox near the member and show the cost in and out of network', async () => {
    const page = await signedIn(ws.users.caseManager);
    await page.goto(`${ws.baseUrl}/#/members/${encodeURIComponent(ws.member.memberId)}`);
    await page.getByRole('heading', { name: 'Daily MME, last 12 months' }).waitFor();
    await screenshot(page, 'coverage-member-find-care-link');
    await page.getByRole('link', { name: /^Find care/ }).click();
    await page.getByRole('heading', { name: 'Find care' }).waitFor();
    const detox = page
      .getByRole('table', { name: 'Care options' })
      .getByRole('row', { name: /Lanternway Ambulatory Detox/ });
    await detox.first().waitFor();
    expect(await detox.first().getByText('In network', { exact: true }).count()).toBe(1);
    await detox
      .first()
      .getByRole('button', { name: /Estimate cost/ })
      .click();
    await page.getByRole('heading', { name: /^Estimated cost at Lanternway Ambulatory Detox/ }).waitFor();
    const compare = page.getByRole('table', { name: 'In network compared with out of network' });
    await compare.getByRole('rowheader', { name: 'The member pays' }).waitFor();
    expect(await compare.getByRole('columnheader', { name: 'In network (this facility)' }).count()).toBe(1);
    await page.getByText(/would pay about \$[\d,.]+ here \(in network\)/).waitFor();
    await page.getByText('How this was worked out', { exact: false }).click();
    await page.getByRole('heading', { name: 'Eligibility checklist' }).waitFor();
    await expectPrivate(page);
    await screenshot(page, 'coverage-find-care-cost');
    await page.getByRole('heading', { name: 'Find care' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'coverage-find-care');
    await page.context().close();
  });

  it('lets the facility submit a preauthorization and a reviewer approve it within its clock; the facility and the member see the result', async () => {
    const facility = await signedIn(ws.users.facility);
    await facility.getByRole('heading', { name: 'Preauthorization requests' }).waitFor();
    await facility.getByRole('link', { name: 'New request' }).first().click();
    await facility.getByRole('heading', { name: 'New preauthorization request' }).waitFor();
    await facility.getByLabel('Your facility').selectOption(ws.facility.npi);
    await facility.getByLabel(/^Member ID/).fill(ws.member.memberId);
    await facility.getByLabel(/^Plan/).selectOption(ws.member.planId);
    await facility.getByLabel(/^Diagnosis codes/).fill('F11.20');
    expect(await facility.getByLabel(/^Procedure code/).inputValue()).toBe('H0014');
    await facility.getByLabel('Assessed by').fill('R. Imani, LCSW');
    await facility.getByLabel('Score').fill('14');
    await facility.getByLabel('Condition needing inpatient care').selectOption('no');
    await facility.getByLabel('Stable living environment').selectOption('yes');
    await facility.getByLabel('Committed to treatment').selectOption('yes');
    await facility
      .getByRole('textbox', { name: 'Clinical information' })
      .fill('Daily oxycodone use for 2 years; moderate withdrawal; partner supports treatment.');
    await facility
      .getByLabel(/^Treatment plan/)
      .fill('Buprenorphine induction days 1–3, daily nursing check, individual therapy, step down to IOP.');
    await screenshot(facility, 'coverage-facility-form');
    await facility.getByRole('button', { name: 'Submit request' }).click();
    await facility.getByRole('heading', { name: /Ambulatory withdrawal management/ }).waitFor();
    await facility.locator('.status-pill', { hasText: 'Received' }).first().waitFor();
    await facility.getByText(/left/).first().waitFor();
    const authorizationId =
      (await facility.getByRole('heading', { name: /^Request / }).textContent())?.replace('Request ', '') ??
      '';
    expect(authorizationId).not.toBe('');
    await expectPrivate(facility);

    const reviewer = await signedIn(ws.users.reviewer);
    await reviewer.getByRole('heading', { name: 'Preauthorization reviews' }).waitFor();
    const row = reviewer
      .getByRole('table', { name: 'Open requests' })
      .getByRole('row', { name: new RegExp(authorizationId) });
    await row.waitFor();
    await row.getByText(/\d+d \d+h left/).waitFor();
    expect(await row.getByText(ws.member.memberId, { exact: true }).count()).toBe(0);
    await reviewer.getByRole('button', { name: /^Overdue \(1\)/ }).waitFor();
    await reviewer.getByText(/due soon · \d+h left/).waitFor();
    await screenshot(reviewer, 'coverage-review-queue');
    await row.getByRole('link').first().click();
    await reviewer.getByRole('heading', { name: 'Medical-necessity criteria' }).waitFor();
    expect(
      await reviewer.getByRole('table', { name: 'Criteria' }).getByText('Missed', { exact: true }).count(),
    ).toBe(0);
    await reviewer.getByRole('button', { name: 'Start review' }).click();
    await reviewer.getByRole('radio', { name: 'Approve', exact: true }).check();
    await reviewer.getByRole('button', { name: 'Approve…' }).click();
    await reviewer.getByRole('alertdialog').getByText('A decision cannot be undone').waitFor();
    await screenshot(reviewer, 'coverage-review-confirm');
    await reviewer.getByRole('button', { name: 'Confirm: approve' }).click();
    await reviewer.getByRole('heading', { name: 'Decision', exact: true }).waitFor();
    await reviewer
      .getByText(/decided in time/)
      .first()
      .waitFor();
    await reviewer.getByText(/H0014 5 of 5/).waitFor();
    await screenshot(reviewer, 'coverage-review-decided');
    await reviewer.context().close();

    await facility.getByRole('link', { name: 'Back' }).click();
    await facility
      .getByRole('table', { name: 'Preauthorization requests' })
      .getByRole('row', { name: new RegExp(authorizationId) })
      .getByText('Approved')
      .waitFor();
    await facility.context().close();

    const member = await signedIn(ws.users.member);
    // A member starts on Home (what is next), then opens My plan.
    await member.getByRole('heading', { name: 'Hello' }).waitFor();
    await member.getByRole('link', { name: 'My plan' }).click();
    await member.getByRole('heading', { name: 'My plan' }).waitFor();
    await member.getByRole('link', { name: '988' }).first().waitFor();
    await member.getByRole('heading', { name: /what you pay/ }).waitFor();
    await screenshot(member, 'coverage-member-plan');
    await member.getByRole('link', { name: 'My authorizations' }).click();
    const mine = member.getByRole('row', { name: new RegExp(authorizationId) });
    await mine.getByText('Approved').waitFor();
    await mine.getByText('Decided on time').waitFor();
    await expectPrivate(member);
    await screenshot(member, 'coverage-member-authorizations');
    // The request opens in the member's words and language: the decision, not the criteria.
    await mine.getByRole('link').first().click();
    await member.getByRole('heading', { name: "The plan's decision" }).waitFor();
    expect(await member.getByRole('heading', { name: 'Medical-necessity criteria' }).count()).toBe(0);
    await expectAccessible(member, "the member's request, en");
    await member.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await member.getByRole('heading', { name: 'La decisión del plan' }).waitFor();
    await member.getByText('Decidido a tiempo').waitFor();
    await expectAccessible(member, "the member's request, es");
    await member.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await member.getByRole('link', { name: 'Back to my authorizations' }).click();
    await member.getByRole('link', { name: 'Find care' }).click();
    await member
      .getByRole('table', { name: 'Care options' })
      .getByRole('button', { name: /What would I pay\?: Lanternway Ambulatory Detox/ })
      .first()
      .click();
    await member.getByText(/You would pay about \$[\d,.]+ here \(in network\)/).waitFor();
    await member.getByRole('rowheader', { name: 'You pay' }).waitFor();
    await expectPrivate(member);
    await screenshot(member, 'coverage-member-find-care');
    await member.context().close();
  });

  it('lets a reviewer pend a request for information and the facility answer it, which puts it back in review', async () => {
    const reviewer = await signedIn(ws.users.reviewer);
    const expedited = reviewer
      .getByRole('table', { name: 'Open requests' })
      .getByRole('row', { name: /Expedited/ });
    await expedited.getByRole('link').first().click();
    await reviewer.getByRole('button', { name: 'Start review' }).click();
    await reviewer.getByRole('radio', { name: 'Pend for information' }).check();
    await reviewer.getByLabel(/^Information needed/).fill('Send the nursing note from the assessment visit.');
    await reviewer.getByRole('button', { name: 'Send the request for information' }).click();
    await reviewer.locator('.status-pill', { hasText: 'Waiting for information' }).first().waitFor();
    await reviewer.context().close();

    const facility = await signedIn(ws.users.facility);
    const waiting = facility.getByRole('region', { name: /Waiting for your information/ });
    await waiting.getByRole('link').first().click();
    await facility.getByText('“Send the nursing note from the assessment visit.”').waitFor();
    await facility.getByLabel('Your answer').fill('Nursing note: vital signs stable, COWS 12, no seizures.');
    await facility.getByRole('button', { name: 'Send information' }).click();
    await facility.locator('.status-pill', { hasText: 'In review' }).first().waitFor();
    await facility.getByText('Nursing note: vital signs stable, COWS 12, no seizures.').first().waitFor();
    await screenshot(facility, 'coverage-facility-answered');
    await facility.context().close();
  });

  it('makes a denial name the criteria missed and a specific reason, and shows it overdue when decided late', async () => {
    const reviewer = await signedIn(ws.users.reviewer);
    await reviewer.getByRole('button', { name: /^Overdue/ }).click();
    const late = reviewer.getByRole('table', { name: 'Open requests' }).getByRole('row', { name: /overdue/ });
    await late.getByRole('link').first().click();
    await reviewer.getByRole('table', { name: 'Criteria' }).getByText('Missed', { exact: true }).waitFor();
    await reviewer.getByRole('button', { name: 'Start review' }).click();
    await reviewer.getByRole('radio', { name: 'Deny' }).check();
    await reviewer.getByRole('combobox', { name: /^Reason/ }).selectOption('medical-necessity-not-met');
    expect(await reviewer.getByRole('checkbox', { name: /Stable living environment/ }).isChecked()).toBe(
      true,
    );
    await reviewer.getByLabel(/^Specific reason/).fill('Too short');
    await reviewer.getByRole('button', { name: 'Deny…' }).click();
    await reviewer.getByRole('button', { name: 'Confirm: deny' }).click();
    await reviewer
      .getByRole('alert')
      .getByText(/specific reason/)
      .waitFor();
    await reviewer.getByRole('button', { name: 'Go back' }).click();
    await reviewer
      .getByLabel(/^Specific reason/)
      .fill(
        'No stable place to stay during outpatient detox; residential withdrawal management fits better.',
      );
    await reviewer.getByRole('button', { name: 'Deny…' }).click();
    await reviewer.getByRole('button', { name: 'Confirm: deny' }).click();
    await reviewer.getByRole('heading', { name: 'Decision', exact: true }).waitFor();
    await reviewer.getByText('Reason: Medical necessity criteria not met').waitFor();
    await reviewer
      .getByText(/decided \d+h late/)
      .first()
      .waitFor();
    await reviewer.context().close();
  });

  it('works on a tablet-sized screen for the reviewer and the case manager', async () => {
    for (const [user, hash] of [
      [ws.users.reviewer, '#/reviews'],
      [ws.users.caseManager, `#/care/${encodeURIComponent(ws.member.memberId)}`],
    ] as const) {
      const page = await signedIn(user, 820, 1180);
      await page.goto(`${ws.baseUrl}/${hash}`);
      await page.locator('table').first().waitFor();
      await screenshot(page, `coverage-tablet-${hash.split('/')[1]}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it('keeps each screen to its roles: a member cannot open the review queue', async () => {
    const page = await signedIn(ws.users.member);
    await page.goto(`${ws.baseUrl}/#/reviews`);
    await page.getByRole('heading', { name: "Not part of your role's work" }).waitFor();
    expect(await page.getByRole('table', { name: 'Open requests' }).count()).toBe(0);
    await page.context().close();
  });

  it('ran every screen above under the strict content security policy, with nothing blocked', () => {
    expect(cspViolations).toEqual([]);
  });
});
