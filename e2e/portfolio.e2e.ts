import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoPageErrors, launchBrowser, openSession, screenshot, signIn } from './support/browser.js';
import { chromiumAvailable } from './support/chromium.js';

describe.skipIf(!chromiumAvailable)('an administrator reviews portfolio risk', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('goes from the Overview counts to a critical supplier and its risk breakdown', async () => {
    const session = await openSession(browser);
    const { page } = session;
    await signIn(page, 'admin');

    // The Overview's counts are the register's: the critical row of the rating chart's table says what the
    // API says, and links to the same list.
    const ratings = page.getByRole('region', { name: 'Suppliers by rating' });
    const criticalRow = ratings.getByRole('row', { name: /^Critical / });
    await criticalRow.waitFor();
    const api = await page.request.get('/api/suppliers?rating=critical&limit=1');
    const { total: critical } = (await api.json()) as { total: number };
    expect(critical).toBeGreaterThan(0);
    expect(await criticalRow.locator('td').first().textContent()).toBe(String(critical));
    expect(await criticalRow.getByRole('link', { name: 'Critical' }).getAttribute('href')).toBe(
      '/suppliers?rating=critical',
    );
    await expect
      .poll(() => page.getByRole('link', { name: /^Suppliers: \d+,/ }).getAttribute('href'))
      .toBe('/suppliers');
    await page.getByRole('table', { name: 'Suppliers with the highest residual risk' }).waitFor();
    await page.getByRole('list', { name: 'Datasets and editions' }).waitFor();
    await screenshot(page, 'overview-admin');

    // The supplier list, filtered to critical.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
    await page.getByLabel('Rating', { exact: true }).selectOption('critical');
    await page.waitForURL(/[?&]rating=critical/);
    await expect
      .poll(() => page.getByText(/^1–\d+ of \d+ suppliers$/).textContent())
      .toMatch(new RegExp(`of ${critical} suppliers$`));
    const rows = page.getByRole('table', { name: 'Suppliers in the register' }).locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(critical, 25));
    for (const badge of await rows.locator('.rating').allTextContents()) expect(badge).toBe('Critical');
    await screenshot(page, 'suppliers-critical');

    // One of them, with its breakdown and the published data it was scored against.
    const first = rows.first().getByRole('link').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page
      .getByText(/\b(ILAB 2022|TIP 2025)\b/)
      .first()
      .waitFor();
    await screenshot(page, 'supplier-critical');

    expectNoPageErrors(session);
    await session.context.close();
  });

  it('sees an honest empty state, with the way to import, in an organisation with no suppliers', async () => {
    const session = await openSession(browser);
    const { page } = session;
    await signIn(page, 'other-admin');

    await page.getByRole('heading', { name: 'No suppliers in the register yet' }).waitFor();
    expect(await page.getByRole('list', { name: 'Key figures' }).count()).toBe(0);
    await page.getByRole('list', { name: 'Datasets and editions' }).waitFor();
    await screenshot(page, 'overview-empty');
    await page.getByRole('link', { name: 'Import suppliers from CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import suppliers from CSV' }).waitFor();

    expectNoPageErrors(session);
    await session.context.close();
  });
});
