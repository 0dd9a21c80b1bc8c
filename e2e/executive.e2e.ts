import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoPageErrors, launchBrowser, openSession, screenshot, signIn } from './support/browser.js';
import { chromiumAvailable } from './support/chromium.js';

describe.skipIf(!chromiumAvailable)('an executive reads without being offered changes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees the portfolio and suppliers, but no Add, Import or Edit', async () => {
    const session = await openSession(browser);
    const { page } = session;
    await signIn(page, 'executive');

    await page.getByRole('list', { name: 'Key figures' }).waitFor();
    await page.getByRole('table', { name: 'Suppliers with the highest residual risk' }).waitFor();
    await page.getByRole('list', { name: 'Datasets and editions' }).waitFor();
    expect(await page.getByRole('link', { name: /Import/ }).count()).toBe(0);
    await screenshot(page, 'overview-executive');

    // A pointer on the chart's critical bar opens the suppliers rated critical.
    await page
      .getByRole('region', { name: 'Suppliers by rating' })
      .locator('.recharts-bar-rectangle')
      .first()
      .click();
    await page.waitForURL(/\/suppliers\?rating=critical$/);
    await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
    const table = page.getByRole('table', { name: 'Suppliers in the register' });
    await table.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: 'Add supplier' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Import CSV' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Add supplier|Import/ }).count()).toBe(0);

    const first = table.locator('tbody tr').first().getByRole('link').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { name: /risk/i }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Assess now|Archive/ }).count()).toBe(0);

    // Typing the address of a form does not open it either.
    await page.goto('/suppliers/import');
    await page.getByText('You do not have access to this page').waitFor();

    expectNoPageErrors(session);
    await session.context.close();
  });
});
