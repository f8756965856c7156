import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, signIn } from './browser.ts';
import { type PharmacistWorkspace, startPharmacistWorkspace } from './pharmacist-workspace.ts';
import { buildWebApp, e2ePassword } from './start-workspace.ts';

const chromium = hasChromium();
if (!chromium)
  console.warn('web/e2e: skipped — /usr/bin/chromium is not installed (apt-get install -y chromium).');

describe.skipIf(!chromium)('the clinical pharmacist in a browser', () => {
  let workspace: PharmacistWorkspace;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    await buildWebApp();
    workspace = await startPharmacistWorkspace();
    const launched = await launchBrowser();
    browser = launched.browser;
    closeBrowser = launched.close;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await signIn(page, workspace.baseUrl, workspace.users.pharmacist.username, e2ePassword);
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    await workspace?.close();
  });

  it('shows prescribers ranked by their high-risk members, with the facts per member', async () => {
    await page.getByRole('heading', { name: 'Prescriber monitoring' }).waitFor(); // the pharmacist's start screen
    await page.getByRole('link', { name: 'Prescribers' }).click();
    const panels = page.locator('details.prescriber');
    await panels.first().waitFor();
    expect(await panels.count()).toBeGreaterThan(1);
    const counts = await page
      .locator('details.prescriber .badge.urgent')
      .allTextContents()
      .then((texts) => texts.map((t) => Number.parseInt(t, 10)));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await panels.first().getByRole('columnheader', { name: 'Average daily MME' }).waitFor();
    expect(page.url()).not.toContain('?');
    expect(await page.title()).toBe('Checkpoint');
    await screenshot(page, 'pharmacist-prescribers');
  });

  it('generates letters, opens a real PDF, sends one behind a confirmation and shows it opened and downloaded once', async () => {
    await page.getByRole('link', { name: 'Letters', exact: true }).click();
    await page.getByRole('button', { name: 'Generate letters' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /generated for/ })
      .waitFor();
    const rows = page.getByRole('region', { name: 'Letters' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await screenshot(page, 'pharmacist-letters');

    await rows.first().getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Letter to/ }).waitFor();
    const href = await page.getByRole('link', { name: 'Open the letter (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${workspace.baseUrl}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByLabel(/^Recipient/).fill('office@practice.example');
    await page.getByRole('button', { name: 'Send letter' }).click();
    await page.getByText('It cannot be undone.').waitFor();
    await page.getByRole('button', { name: 'Yes, send letter' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent. The secure link' }).waitFor();
    await page.getByRole('list', { name: 'Letter events' }).getByText('Sent (secure link)').waitFor();

    // The prescriber's side: opening the link, then the one download it allows; both show as events.
    const link = (await page.locator('.secure-link').textContent()) ?? '';
    expect(link).toMatch(/\/api\/letter-links\/[A-Za-z0-9_-]{20,}$/);
    expect((await page.request.get(link)).status()).toBe(200);
    const download = await page.request.post(`${link}/download`, { data: {} });
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect((await page.request.post(`${link}/download`, { data: {} })).status()).toBe(403);
    await page.reload();
    const events = page.getByRole('list', { name: 'Letter events' });
    await events.getByText('Link opened by the prescriber').waitFor();
    await events.getByText('Downloaded by the prescriber').waitFor();
    await events.getByText(/Download refused/).waitFor();
    await screenshot(page, 'pharmacist-letter-sent');
  });

  it('decides a lock-in to one pharmacy, and the pharmacy check then denies a fill at another pharmacy', async () => {
    const c = workspace.candidate;
    await page.getByRole('link', { name: 'Lock-in', exact: true }).click();
    await page.getByRole('button', { name: 'Find lock-in candidates' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /added to the review queue/ })
      .waitFor();
    await page.getByRole('cell', { name: /High MME with many prescribers/ }).waitFor();
    await screenshot(page, 'pharmacist-lock-in-queue');
    await page.getByRole('link', { name: c.memberId }).click();
    await page.getByRole('heading', { name: /Lock-in review/ }).waitFor();
    expect(page.url()).not.toContain('?');
    expect(await page.title()).toBe('Checkpoint');

    await page.getByRole('radio', { name: 'One pharmacy', exact: true }).check();
    await page.getByLabel('Rationale').fill('180 MME a day from four prescribers at four pharmacies.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('button', { name: 'Yes, record decision' }).click();
    await page.getByRole('status').filter({ hasText: 'now: Decided' }).waitFor();

    await page.getByRole('button', { name: 'Send the initial notice' }).click();
    await page.getByRole('button', { name: 'Yes, send the initial notice' }).click();
    await page.getByRole('link', { name: 'Initial notice (PDF)' }).waitFor();

    // Too early: the member has 30 days to respond. The step is refused, with why, and nothing changes.
    await page.getByRole('button', { name: 'Send the second notice' }).click();
    await page.getByRole('button', { name: 'Yes, send the second notice' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cannot send the second notice yet' }).waitFor();
    await page.getByRole('alert').getByText('Nothing was changed.').waitFor();
    expect(await page.getByRole('heading', { name: /Lock-in review/ }).textContent()).toContain(
      'Initial notice sent',
    );

    await page.getByLabel('Preferred pharmacy NPI').fill(c.pharmacies[0]);
    await page.getByRole('button', { name: 'Record response' }).click();
    await page.getByText(`pharmacy ${c.pharmacies[0]}`).waitFor();
    expect(await page.getByLabel('Locked pharmacy NPI').inputValue()).toBe(c.pharmacies[0]);
    await page.getByRole('button', { name: 'Send the second notice' }).click();
    await page.getByRole('button', { name: 'Yes, send the second notice' }).click();
    await page.getByRole('status').filter({ hasText: 'now: Second notice sent' }).waitFor();
    await page.getByRole('link', { name: 'Second notice (PDF)' }).waitFor();

    const check = page.getByRole('region', { name: 'Pharmacy check' });
    expect(await check.getByLabel('Pharmacy NPI').inputValue()).toBe(c.pharmacies[0]); // the locked pharmacy
    await check.getByLabel('NDC (11 digits)').fill(c.opioidNdc);
    await check.getByLabel('Pharmacy NPI').fill(c.pharmacies[1]);
    await check.getByLabel('Prescriber NPI').fill(c.prescribers[0]);
    await check.getByRole('button', { name: 'Check this fill' }).click();
    await check.locator('.check-result.check-deny').waitFor();
    await screenshot(page, 'pharmacist-lock-in-deny');

    await check.getByLabel('Pharmacy NPI').fill(c.pharmacies[0]);
    await check.getByRole('button', { name: 'Check this fill' }).click();
    await check.locator('.check-result.check-allow').waitFor();
  });

  it('takes the lock-in on through its start, one extension, an upheld appeal and expiry, with dates shown', async () => {
    const saved = (state: string) =>
      page
        .getByRole('status')
        .filter({ hasText: `now: ${state}` })
        .waitFor();
    await page.getByRole('button', { name: 'Start the limitation now' }).click();
    await saved('Active');
    await page.getByLabel('Months').fill('3');
    await page.getByLabel('Rationale').fill('Fills at a second pharmacy continued.');
    await page.getByRole('button', { name: 'Extend', exact: true }).click();
    await saved('Extended');
    await page.getByRole('button', { name: /Record an appeal filed on/ }).click();
    await saved('Under appeal');
    await page.getByRole('radio', { name: /Upheld/ }).check();
    await page.getByLabel('Rationale').fill('The evidence supports the limitation.');
    await page.getByRole('button', { name: 'Record appeal outcome' }).click();
    await page.getByRole('button', { name: 'Yes, record appeal outcome' }).click();
    await saved('Extended');
    expect(await page.getByRole('button', { name: 'Extend', exact: true }).isDisabled()).toBe(true);

    const limitation =
      (await page.locator('.fact-row', { hasText: 'Limitation' }).locator('dd').textContent()) ?? '';
    const endsOn = limitation.split(' to ')[1] ?? '';
    expect(endsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dayAfter = new Date(Date.parse(`${endsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Recorded on').fill(dayAfter);
    await page.getByRole('button', { name: /Mark expired/ }).click();
    await saved('Expired');
    await page.getByText('This lock-in is closed: nothing more to do.').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'pharmacist-lock-in-expired');
  });

  it('shows a supervisor what was sent to whom and why, with no pharmacist actions', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const sup = await context.newPage();
    await signIn(sup, workspace.baseUrl, workspace.users.supervisor.username, e2ePassword);
    await sup.getByRole('link', { name: 'Letters sent' }).click();
    const report = sup.getByRole('region', { name: 'What was sent to whom, and why' });
    await report.getByRole('cell', { name: workspace.candidate.memberId }).waitFor();
    await report
      .getByRole('cell', { name: /High MME/ })
      .first()
      .waitFor();
    expect(await sup.getByRole('button', { name: 'Generate letters' }).count()).toBe(0);
    await screenshot(sup, 'supervisor-letters-sent');
    await sup.setViewportSize({ width: 1024, height: 768 }); // a tablet
    await sup.getByRole('link', { name: 'Lock-ins' }).click();
    await sup.getByLabel('State').selectOption('');
    await sup.getByRole('cell', { name: 'Expired' }).waitFor();
    expect(await sup.getByRole('button', { name: 'Find lock-in candidates' }).count()).toBe(0);
    await screenshot(sup, 'supervisor-lock-ins-tablet');
    await context.close();
  });
});
