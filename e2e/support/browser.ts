import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_PATH } from './chromium.js';

/** The seeded logins: three roles in the demo organisation, and the administrator of a second, empty one. */
export type DemoUser = 'admin' | 'officer' | 'executive' | 'other-admin';

const EMAILS: Record<DemoUser, string> = {
  admin: 'admin@demo.test',
  officer: 'officer@demo.test',
  executive: 'executive@demo.test',
  'other-admin': 'admin@other.test',
};

export const baseUrl = () => inject('e2eBaseUrl');

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
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
  });

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (a CSP violation is one), checked by `expectNoPageErrors`. */
  errors: string[];
}

/** The screens the journeys look at: a desktop, and a phone (the width of an iPhone 14). */
export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** A fresh context (no cookies) with one page, recording what went wrong in the page. */
export async function openSession(
  browser: Browser,
  viewport: { width: number; height: number } = VIEWPORTS.desktop,
): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return { context, page, errors };
}

/**
 * Console errors that are the app working as designed: the browser logs every 4xx/5xx response, and the
 * dashboard asks for the session (401 before signing in) on purpose.
 */
const EXPECTED = [/Failed to load resource: the server responded with a status of 401/];

export const expectNoPageErrors = (session: Session) =>
  expect(session.errors.filter((error) => !EXPECTED.some((pattern) => pattern.test(error)))).toEqual([]);

/** Signs a demo user in through the login form and waits for the Overview. */
export async function signIn(page: Page, user: DemoUser) {
  try {
    await page.goto('/login');
    await page.getByLabel('Email').fill(EMAILS[user]);
    await page.getByLabel('Password').fill(inject('e2eDemoPassword'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  } catch (error) {
    const text = await page
      .locator('body')
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, line breaks and all, reads best in a failure.
      .innerText({ timeout: 1_000 })
      .catch(() => '(no body)');
    throw new Error(
      `Signing in as ${user} failed at ${page.url()}; the page says:\n${text.slice(0, 2_000)}`,
      {
        cause: error,
      },
    );
  }
}

/** Saves a full-page screenshot when E2E_SCREENSHOTS_DIR is set (for looking at the screens, not a check). */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
