import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether Debian's chromium is installed; browser tests skip with a message otherwise. */
export function hasChromium(): boolean {
  return fs.existsSync(chromiumPath);
}

/** Launches headless chromium with a fresh profile and the flags that keep it quiet and offline. */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

const shotsDir = path.resolve('test-results/screenshots');

/** Saves a screenshot of the page under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Signs in through the sign-in page and waits for the workspace frame. */
/**
 * Every content-security-policy violation a signed-in page reported, as `url: message`: the
 * app's strict policy (no inline script) must never block the app itself.
 */
export const cspViolations: string[] = [];

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
