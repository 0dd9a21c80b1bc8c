import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, signIn } from './support/browser.js';
import { chromiumAvailable } from './support/chromium.js';

/** Serious and critical axe violations, one line each, so a failure names the rule and the elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

describe.skipIf(!chromiumAvailable)('accessibility smoke check (axe)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds no serious or critical problems on the login page, the Overview and the supplier list', async () => {
    const { context, page } = await openSession(browser);

    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await signIn(page, 'officer');
    await page.getByRole('table', { name: 'Suppliers with the highest residual risk' }).waitFor();
    await page.getByRole('list', { name: 'Datasets and editions' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
    await page
      .getByRole('table', { name: 'Suppliers in the register' })
      .locator('tbody tr')
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await context.close();
  });
});
