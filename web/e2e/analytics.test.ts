import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src/measures/months.ts';
import { addUser } from '../../src/platform/auth/users.ts';
import { addMedical } from '../../src/risk/test-population.ts';
import { defaultRange } from '../src/analytics/analytics-api.ts';
import { hasChromium, launchBrowser, screenshot, signIn } from './browser.ts';
import { type SeededStores, seedPopulation, serveSeeded } from './seed-population.ts';
import { buildWebApp, e2ePassword } from './start-workspace.ts';

const chromium = hasChromium();
if (!chromium)
  console.warn('web/e2e: skipped — /usr/bin/chromium is not installed (apt-get install -y chromium).');

const countMeasures = /^(member_months|overdose_rate|opioid_users|moud_continuity_180|funnel_[a-z_]+)$/;

describe.skipIf(!chromium)('the program dashboard in a browser', () => {
  let seeded: SeededStores;
  let served: Awaited<ReturnType<typeof serveSeeded>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    await buildWebApp();
    seeded = await seedPopulation({ prefix: 'analytics', members: 400, seed: 11 });
    await addUser(seeded.store.db, { username: 'ana', role: 'analyst', password: e2ePassword });
    // Overdoses a small synthetic population rarely has: 3 members in Maryland (a small cell),
    // 15 in New Jersey and 12 in Virginia, three months before the last complete month.
    const { to } = defaultRange();
    const day = `${addMonths(to, -3)}-10`;
    for (const [state, count] of [
      ['MD', 3],
      ['NJ', 15],
      ['VA', 12],
    ] as const) {
      const members = await seeded.warehouse.all<{ member_id: string }>(
        `select m.member_id from member m join enrollment e on e.member_id = m.member_id
         where m.state = $1 and e.line_of_business = 'commercial'
           and e.start_date <= cast($2 as date) and (e.end_date is null or e.end_date >= cast($2 as date))
         group by m.member_id order by m.member_id limit ${count}`,
        [state, day],
      );
      expect(members.length).toBe(count);
      for (const m of members)
        await addMedical(seeded.warehouse, {
          id: `E2E-OD-${m.member_id}`,
          member: m.member_id,
          date: day,
          dx: ['T401X1A'],
        });
    }
    served = await serveSeeded(seeded);
    const launched = await launchBrowser();
    browser = launched.browser;
    closeBrowser = launched.close;
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
    await served?.close();
  });

  it('shows the analyst the goal by market with small markets suppressed, and a CSV with no count of 1–10', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, served.baseUrl, 'ana', e2ePassword);
    await page.getByRole('heading', { name: 'Program measures' }).waitFor();
    const goal = page.getByRole('region', { name: 'Are overdoses down 25 %?' });
    await goal.getByRole('table').waitFor({ timeout: 60_000 });
    // A few hundred synthetic members: every market's overdose count is small, so it is suppressed.
    await screenshot(page, 'measures-dashboard');
    // Maryland's 3 overdoses are a small cell; New Jersey's 15 are shown.
    await goal
      .getByRole('row', { name: /Maryland/ })
      .getByText('suppressed')
      .first()
      .waitFor();
    expect(
      await goal
        .getByRole('row', { name: /New Jersey/ })
        .getByText('suppressed')
        .count(),
    ).toBe(0);
    await page.getByRole('region', { name: 'Overdose rate by month' }).waitFor();

    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toBe(
      'measure,market,month,period,numerator,denominator,unit,value,ciLow,ciHigh,suppressed',
    );
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      const cells = line.split(',');
      if (!countMeasures.test(cells[0]!) || cells[4] === '') continue;
      const n = Number(cells[4]);
      expect(n >= 1 && n <= 10, line).toBe(false);
    }
    expect(csv).not.toMatch(/M0\d{7}/);

    // The charts are ECharts' SVG, each with a sentence for screen readers and its table.
    const trend = page.getByRole('region', { name: 'Overdose rate by month' });
    await trend
      .getByRole('img', { name: /All focus markets: overdose rate per 1,000 member-years/ })
      .waitFor();
    expect(await trend.locator('svg').count()).toBeGreaterThan(1);
    await page.getByRole('region', { name: 'Follow-up after an emergency' }).getByRole('table').waitFor();

    // The program report downloads as a PDF.
    const pdfHref = await page.getByRole('link', { name: /program report \(PDF\)/ }).getAttribute('href');
    const head = await page.evaluate(async (url) => {
      const res = await fetch(url!);
      return [
        res.headers.get('content-type'),
        new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5)),
      ];
    }, pdfHref);
    expect(head).toEqual(['application/pdf', '%PDF-']);

    // Filters: one market keeps its rows and the comparison group; a plan type asks again.
    await page.getByLabel('Market', { exact: true }).selectOption('NJ');
    expect(await goal.getByRole('row', { name: /Maryland/ }).count()).toBe(0);
    await goal.getByRole('row', { name: /New Jersey/ }).waitFor();
    await page.getByLabel('Plan type', { exact: true }).selectOption('HMO');
    await page.getByText(/HMO plans only/).waitFor({ timeout: 60_000 });
    await screenshot(page, 'measures-dashboard-filtered');

    // What if HIGH_MME were 50? Counts by market, from a sandbox.
    const whatIf = page.getByRole('region', { name: 'What if the rules changed?' });
    await whatIf.getByLabel(/HIGH_MME/).fill('50');
    await whatIf.getByRole('button', { name: /Count the members/ }).click();
    await whatIf.getByRole('table', { name: /highMme = 50/ }).waitFor({ timeout: 60_000 });
    expect(await whatIf.getByRole('row').count()).toBe(11);
  }, 120_000);
});
