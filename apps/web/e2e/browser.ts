// Debian's Chromium driven by playwright-core, with a record of every request and dialog.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const artifactsDir = path.resolve(import.meta.dirname, '../test-artifacts');

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Every alert/confirm/prompt the page tried to open. */
  dialogs: string[];
  /** Uncaught errors thrown in the page. */
  pageErrors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** `prefix` names this test file's screenshots (`<prefix>-01-<name>.png`). */
export async function openBrowser(baseURL: string, prefix: string): Promise<BrowserSession> {
  mkdirSync(artifactsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 820 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const requests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let shot = 0;
  return {
    browser,
    context,
    page,
    requests,
    dialogs,
    pageErrors,
    async screenshot(name: string) {
      shot += 1;
      const file = path.join(artifactsDir, `${prefix}-${String(shot).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
}
