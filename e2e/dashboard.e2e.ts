import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '#shared/schemas/dashboard.js';
import {
  expectNoPageErrors,
  launchBrowser,
  openSession,
  screenshot,
  signIn,
  VIEWPORTS,
} from './support/browser.js';
import { chromiumAvailable } from './support/chromium.js';

// The executive dashboard (issue 10): a chart segment opens the supplier list its figure counts, with the
// dashboard's filters; axe finds nothing serious at desktop and phone widths, and nothing sticks out sideways.

const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The number in a row of a chart's figures table (the first value column). */
const tableCount = async (page: Page, region: string, row: RegExp) =>
  Number(
    await page
      .getByRole('region', { name: region })
      .getByRole('row', { name: row })
      .locator('td')
      .first()
      .textContent(),
  );

describe.skipIf(!chromiumAvailable)('the executive dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the filtered supplier list from a bar of the rating chart', async () => {
    const session = await openSession(browser);
    const { page } = session;
    await signIn(page, 'executive');

    // Filter the dashboard to tier 1 from its filter bar: the URL keeps it.
    await page.getByRole('list', { name: 'Key figures' }).waitFor();
    await page.getByRole('search', { name: 'Filter the dashboard' }).getByLabel('Tier').selectOption('1');
    await page.waitForURL(/\/\?tier=1$/);
    // The figure is the register's: what the supplier list counts for the same filters.
    const api = await page.request.get('/api/suppliers?tier=1&rating=high&limit=1');
    const { total: high } = (await api.json()) as { total: number };
    expect(high).toBeGreaterThan(0);
    await expect
      .poll(() => tableCount(page, 'Suppliers by rating', /^High /), { timeout: 20_000 })
      .toBe(high);
    await page.locator('.dash-stale').waitFor({ state: 'detached' });

    // The second bar is High (bars run critical → not assessed, worst first).
    await page
      .getByRole('region', { name: 'Suppliers by rating' })
      .locator('.recharts-bar-rectangle')
      .nth(1)
      .click();
    await page.waitForURL(/\/suppliers\?tier=1&rating=high$/);
    await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
    expect(await page.getByLabel('Rating', { exact: true }).inputValue()).toBe('high');
    expect(await page.getByLabel('Tier', { exact: true }).inputValue()).toBe('1');
    await expect
      .poll(() => page.getByText(/of \d+ suppliers?$/).textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`of ${high} suppliers?$`));
    // Each row's own rating (its first badge; the chain-risk badge after it may be worse).
    const rows = page.getByRole('table', { name: 'Suppliers in the register' }).locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(high, 25));
    for (const row of await rows.all())
      expect(await row.locator('.rating').first().textContent()).toBe('High');

    // Back, and a heat-map cell: the list for its country and good.
    await page.goBack();
    const cell = page
      .getByRole('region', { name: 'Risk by country and good' })
      .locator('a.heat-cell')
      .first();
    const href = (await cell.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/suppliers\?country=[A-Z]{2}&tier=1&good=/);
    await cell.click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    await page
      .getByRole('table', { name: 'Suppliers in the register' })
      .locator('tbody tr')
      .first()
      .waitFor();

    expectNoPageErrors(session);
    await session.context.close();
  });

  it('opens exactly the tasks a burn-down bar counts, and says which week', async () => {
    const session = await openSession(browser);
    const { page } = session;
    await signIn(page, 'executive');
    const burn = page.getByRole('region', { name: 'Remediation burn-down' });
    await burn.locator('.recharts-bar-rectangle').first().waitFor();
    // The chart's figures, as the page read them; the demo spreads its tasks over the last six months.
    const { burnDown } = (await (
      await page.request.get('/api/dashboard/summary')
    ).json()) as DashboardSummary;
    // The note's count and the board's columns both add up to the bar's figure.
    const boardTotal = async () => {
      let n = 0;
      for (const count of await page.locator('.board-column-count').allTextContents())
        n += Number.parseInt(count, 10);
      return n;
    };

    for (const [series, key, param, verb] of [
      [1, 'closed', 'closedWeek', 'Closed'],
      [0, 'opened', 'openedWeek', 'Opened'],
    ] as const) {
      // The busiest week of the series; zero bars are not drawn, so its bar is counted among the drawn ones.
      const drawn = burnDown.filter((w) => w[key] > 0);
      const week = drawn.reduce((best, w) => (w[key] > best[key] ? w : best));
      expect(week[key]).toBeGreaterThan(0);
      await burn
        .locator('.recharts-bar')
        .nth(series)
        .locator('.recharts-bar-rectangle')
        .nth(drawn.indexOf(week))
        .click();
      await page.waitForURL(
        (url) => url.pathname === '/remediation' && url.search === `?${param}=${week.week}`,
      );
      const note = page.locator('.board-week');
      await expect.poll(() => note.locator('time').getAttribute('datetime')).toBe(week.week);
      expect(await note.textContent()).toContain(`${verb} in the week of`);
      await expect
        .poll(() => note.locator(':scope > span').textContent(), { timeout: 20_000 })
        .toMatch(new RegExp(`: ${week[key]} tasks?$`));
      await expect.poll(boardTotal, { timeout: 20_000 }).toBe(week[key]);
      await screenshot(page, `board-${key}-week-desktop`);
      await page.goBack();
      await burn.locator('.recharts-bar-rectangle').first().waitFor();
    }
    expectNoPageErrors(session);
    await session.context.close();

    // On a phone: the note wraps, nothing sticks out sideways.
    const phone = await openSession(browser, VIEWPORTS.phone);
    await signIn(phone.page, 'executive');
    const busiest = burnDown.reduce((best, w) => (w.closed > best.closed ? w : best));
    await phone.page.goto(`/remediation?closedWeek=${busiest.week}`);
    await expect
      .poll(() => phone.page.locator('.board-week > span').textContent(), { timeout: 20_000 })
      .toMatch(/tasks?$/);
    await screenshot(phone.page, 'board-closed-week-phone');
    expect(await pageOverflow(phone.page)).toBe(0);
    expectNoPageErrors(phone);
    await phone.context.close();
  });

  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', VIEWPORTS.phone],
  ] as const) {
    it(`has no serious accessibility problem and fits the screen (${name})`, async () => {
      const session = await openSession(browser, viewport);
      const { page } = session;
      await signIn(page, 'executive');
      await page.getByRole('region', { name: 'Remediation burn-down' }).waitFor();
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      await screenshot(page, `dashboard-${name}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);

      // The table view, on screen with its links: also clean.
      const ratings = page.getByRole('region', { name: 'Suppliers by rating' });
      await ratings.getByRole('button', { name: 'Show table' }).click();
      await ratings.getByRole('link', { name: 'Critical' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expectNoPageErrors(session);
      await session.context.close();
    });
  }
});
