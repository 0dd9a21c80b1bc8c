import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoPageErrors, launchBrowser, openSession, screenshot, signIn } from './support/browser.js';
import { chromiumAvailable } from './support/chromium.js';

describe.skipIf(!chromiumAvailable)('a compliance officer imports suppliers', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-csv-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks a two-row CSV, imports it and finds both suppliers in the register', async () => {
    const tag = `E2E${Date.now().toString(36).toUpperCase()}`;
    const names = [`${tag} Loom Works`, `${tag} Dye House`];
    const file = path.join(dir, 'two-suppliers.csv');
    fs.writeFileSync(
      file,
      [
        'external_ref,name,country,goods,tier,status',
        `${tag}-1,${names[0]},BD,garments,1,active`,
        `${tag}-2,${names[1]},IN,"cotton;yarn",2,onboarding`,
      ].join('\n'),
    );

    const session = await openSession(browser);
    const { page } = session;
    await signIn(page, 'officer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import suppliers from CSV' }).waitFor();

    await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
    const check = page.getByRole('region', { name: 'Review two-suppliers.csv' });
    await check.waitFor();
    const count = (label: string) => check.locator('.count').filter({ hasText: label }).locator('dd');
    expect(await count('To add').textContent()).toBe('2');
    expect(await count('Errors').textContent()).toBe('0');
    await screenshot(page, 'import-preview');

    await page.getByRole('button', { name: 'Import 2 changes' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    // An import assesses what it added, in the request for a file this small.
    await page
      .getByText(
        /^2 added, 0 updated, 0 unchanged, out of 2\s+rows\.\s+2 suppliers added or changed were assessed under the published policy\.$/,
      )
      .waitFor();

    await page.getByRole('link', { name: 'View the register' }).click();
    await page.getByLabel('Search').fill(tag);
    await page.waitForURL(new RegExp(`[?&]q=${tag}`));
    const table = page.getByRole('table', { name: 'Suppliers in the register' });
    // The previous page stays on screen while the filtered one loads.
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    for (const name of names) await table.getByRole('link', { name }).waitFor();

    expectNoPageErrors(session);
    await session.context.close();
  });
});
