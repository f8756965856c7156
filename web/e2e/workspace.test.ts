import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, signIn } from './browser.ts';
import { buildWebApp, e2ePassword, startWorkspace, type Workspace } from './start-workspace.ts';

const chromium = hasChromium();
if (!chromium)
  console.warn('web/e2e: skipped — /usr/bin/chromium is not installed (apt-get install -y chromium).');

describe.skipIf(!chromium)('the case-manager workspace in a browser', () => {
  let workspace: Workspace;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    await buildWebApp();
    workspace = await startWorkspace();
    const launched = await launchBrowser();
    browser = launched.browser;
    closeBrowser = launched.close;
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    await workspace?.close();
  });

  async function newPage(width = 1280, height = 800) {
    const context = await browser.newContext({ viewport: { width, height } });
    return context.newPage();
  }

  it('lets a case manager open the top case, read the evidence, log a reached call with a MOUD referral, and see the case engaged', async () => {
    const page = await newPage();
    await signIn(page, workspace.baseUrl, workspace.users.caseManager.username, e2ePassword);
    await page.getByRole('heading', { name: 'Worklist' }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await page
      .locator('tbody tr')
      .first()
      .locator('td')
      .nth(7)
      .getByText(/due|past due|attempted/)
      .waitFor();
    expect(await page.title()).toBe('Checkpoint');
    await screenshot(page, 'worklist');

    const topName = (await rows.first().getByRole('link').textContent()) ?? '';
    await page.keyboard.press('/');
    await page.keyboard.type(topName.split(' ')[1] ?? topName);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Search results' }).getByRole('link', { name: topName }).waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Why this member is on the worklist' }).waitFor();
    await page.getByRole('heading', { name: 'Daily MME, last 12 months' }).waitFor();
    const evidence = page.locator('.factor').first();
    if ((await evidence.count()) > 0 && !(await evidence.getAttribute('open')))
      await evidence.locator('> summary').click();
    await page.getByRole('heading', { name: 'The call' }).waitFor();
    expect(page.url()).not.toContain('?');
    expect(await page.title()).toBe('Checkpoint');
    await screenshot(page, 'member-360');

    await page.keyboard.press('l');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
      'outcome',
    );
    await page.getByRole('radio', { name: 'Reached' }).check();
    await page.getByRole('checkbox', { name: /MOUD prescriber/ }).check();
    expect(await page.getByRole('checkbox', { name: 'Member accepted' }).isChecked()).toBe(true);
    await page.getByLabel(/^Notes/).fill('Talked about buprenorphine; wants a prescriber near home.');
    await page.getByRole('button', { name: 'Save attempt' }).click();
    await page.getByRole('status').filter({ hasText: 'Case is now engaged' }).waitFor();
    await page.locator('.stage-steps [aria-current="step"]', { hasText: 'Engaged' }).waitFor();
    await page.getByRole('cell', { name: 'MOUD prescriber', exact: true }).waitFor();
    await page.getByText('Assigned: casey').waitFor();
    await screenshot(page, 'case-engaged');
    await page.context().close();
  });

  it('sorts the worklist by member from the keyboard, keeping the sort out of the address', async () => {
    const page = await newPage();
    await signIn(page, workspace.baseUrl, workspace.users.caseManager.username, e2ePassword);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const memberIds = () => rows.locator('td:nth-child(2) .muted').allTextContents();
    const byPriority = await memberIds();
    expect(await page.locator('th[aria-sort]').allTextContents()).toEqual([
      expect.stringContaining('Priority'),
    ]);

    await page.getByRole('button', { name: 'Member', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Outreach cases, by member id' }).waitFor();
    await page.locator('.table-wrap[aria-busy="false"]').waitFor();
    const byMember = await memberIds();
    expect(byMember.length).toBe(byPriority.length);
    expect(byMember).toEqual([...byMember].sort());
    // Page 1 by member starts at or before every member page 1 by priority showed.
    expect((byMember[0] ?? '') <= ([...byPriority].sort()[0] ?? '')).toBe(true);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('th[aria-sort]').textContent()).toContain('Member');
    await page.getByText(/^Page 1 of/).waitFor();
    expect(page.url()).not.toContain('?');
    await screenshot(page, 'worklist-by-member');
    await page.context().close();
  });

  it('lets a supervisor reassign a case to another case manager', async () => {
    const page = await newPage();
    await signIn(page, workspace.baseUrl, workspace.users.supervisor.username, e2ePassword);
    await page.getByRole('link', { name: 'Caseloads' }).click();
    await page.getByRole('heading', { name: 'Open cases per case manager' }).waitFor();
    await page.getByRole('cell', { name: 'morgan' }).waitFor();
    await screenshot(page, 'caseloads');
    await page.getByRole('link', { name: 'Worklist' }).click();
    await page.locator('tbody tr').nth(1).getByRole('link').click();
    await page.getByRole('heading', { name: 'Case', exact: true }).waitFor();
    const morgan = await page.locator('option', { hasText: 'morgan' }).getAttribute('value');
    await page.getByLabel('Assign to').selectOption(morgan ?? '');
    await page.getByRole('button', { name: /^(Assign|Reassign)$/ }).click();
    await page.getByText('Assignment saved.').waitFor();
    await page.getByText('Assigned: morgan').waitFor();
    await page
      .getByText(/assigned/)
      .last()
      .waitFor();
    await page.context().close();
  });

  it('does not let an analyst open a member', async () => {
    const page = await newPage();
    await signIn(page, workspace.baseUrl, workspace.users.analyst.username, e2ePassword);
    // An analyst starts on the program measures (aggregates only), and no member opens for them.
    await page.getByRole('heading', { name: 'Program measures' }).waitFor();
    await page.goto(`${workspace.baseUrl}/#/members/anyone`);
    await page.getByRole('heading', { name: 'You do not have access to this' }).waitFor();
    await page.context().close();
  });

  it('works on a tablet-sized screen', async () => {
    const page = await newPage(820, 1180);
    await signIn(page, workspace.baseUrl, workspace.users.caseManager.username, e2ePassword);
    await page.locator('tbody tr').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'worklist-tablet');
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'The call' }).waitFor();
    await page.getByRole('heading', { name: 'Why this member is on the worklist' }).waitFor();
    const caseOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(caseOverflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'case-tablet');
    await page.context().close();
  });
});
