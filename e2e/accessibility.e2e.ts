import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoPageErrors,
  launchBrowser,
  openSession,
  type Session,
  signIn,
  VIEWPORTS,
} from './support/browser.js';
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

/** Opens a page and waits until it has its heading and nothing is loading any more. */
async function visit(page: Page, url: string, heading: string | RegExp) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading-text, [aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** Nothing sticks out sideways: wide tables scroll inside their card, not the page. */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

interface Screen {
  name: string;
  url: () => string;
  heading: string | RegExp;
  /** What to do on the page before checking it (open a form, send it). */
  prepare?: (page: Page) => Promise<void>;
}

/** Ticks the first two suppliers in the register and opens the send form. */
async function openSendForm(page: Page) {
  const boxes = page.getByRole('checkbox', { name: /^Select (?!every)/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Send questionnaire' }).click();
  await page.getByRole('form', { name: 'Send questionnaire' }).waitFor();
}

describe.skipIf(!chromiumAvailable)('accessibility (axe) on every dashboard page', () => {
  let browser: Browser;
  const ids = { supplier: '', policy: '', draft: '', submitted: '', accepted: '', task: '', report: '' };
  /** The bytes of an issued PDF, for the public verify page. */
  let reportPdf: Buffer = Buffer.alloc(0);

  const screens: Screen[] = [
    { name: 'Overview', url: () => '/', heading: 'Overview' },
    { name: 'supplier list', url: () => '/suppliers', heading: 'Suppliers' },
    { name: 'supplier detail', url: () => `/suppliers/${ids.supplier}`, heading: /./ },
    { name: 'supplier form', url: () => '/suppliers/new', heading: 'Add supplier' },
    { name: 'supplier edit form', url: () => `/suppliers/${ids.supplier}/edit`, heading: /^Edit / },
    { name: 'import', url: () => '/suppliers/import', heading: 'Import suppliers' },
    { name: 'reference data', url: () => '/reference-data', heading: 'Reference data' },
    { name: 'questionnaires sent', url: () => '/questionnaires', heading: 'Questionnaires' },
    {
      name: 'questionnaires sent, filtered',
      url: () => '/questionnaires?status=in_progress&overdue=false',
      heading: 'Questionnaires',
    },
    {
      name: 'questionnaire templates',
      url: () => '/questionnaires/templates',
      heading: 'Questionnaire templates',
    },
    { name: 'send questionnaire form', url: () => '/suppliers', heading: 'Suppliers', prepare: openSendForm },
    {
      name: 'send questionnaire result',
      url: () => '/suppliers',
      heading: 'Suppliers',
      prepare: async (page) => {
        await openSendForm(page);
        await page.getByRole('button', { name: 'Send to 2 suppliers' }).click();
        await page.getByText(/shown only once/).waitFor();
      },
    },
    // The demo has a questionnaire awaiting review and accepted ones (demo-questionnaires.ts).
    {
      name: 'questionnaire review (submitted)',
      url: () => `/questionnaires/assignments/${ids.submitted}`,
      heading: /^Review: /,
    },
    {
      name: 'questionnaire review (accepted)',
      url: () => `/questionnaires/assignments/${ids.accepted}`,
      heading: /^Review: /,
    },
    { name: 'policies', url: () => '/policies', heading: 'Scoring policy' },
    { name: 'policy document', url: () => `/policies/${ids.policy}`, heading: /./ },
    { name: 'policy what-if', url: () => `/policies/${ids.draft}/what-if`, heading: /./ },
    { name: 'policy changes', url: () => `/policies/${ids.draft}/changes`, heading: /./ },
    { name: 'policy edit form', url: () => `/policies/${ids.draft}/edit`, heading: /./ },
    // The demo has tasks in every state (issue 10): the board, a filtered board as the dashboard links to it,
    // a task's page, and the new-task form.
    { name: 'remediation board', url: () => '/remediation', heading: 'Remediation' },
    {
      name: 'remediation board, filtered',
      url: () => '/remediation?severity=high&overdue=true',
      heading: 'Remediation',
    },
    { name: 'remediation task', url: () => `/remediation/${ids.task}`, heading: /./ },
    { name: 'new remediation task form', url: () => '/remediation/new', heading: 'New remediation task' },
    // Issue 11: the register, the New report form (empty, and refused for want of a kind) and an issued report.
    { name: 'reports register', url: () => '/reports', heading: 'Reports' },
    { name: 'new report form', url: () => '/reports/new?kind=statement', heading: 'New report' },
    {
      name: 'new report form, refused',
      url: () => '/reports/new',
      heading: 'New report',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Issue report' }).click();
        await page.getByText(/^Choose a report kind/).waitFor();
      },
    },
    { name: 'report', url: () => `/reports/${ids.report}`, heading: /./ },
    { name: 'account', url: () => '/settings', heading: 'Account' },
    { name: 'users', url: () => '/settings/users', heading: 'Users' },
    { name: 'API keys', url: () => '/settings/api-keys', heading: 'API keys' },
    { name: 'audit log', url: () => '/settings/audit-log', heading: 'Audit log' },
  ];

  beforeAll(async () => {
    browser = await launchBrowser();
    // The ids the pages need, and a draft policy (the edit form, what-if and changes are a draft's pages).
    const { context, page } = await openSession(browser);
    await signIn(page, 'admin');
    const suppliers = (await (await page.request.get('/api/suppliers?limit=1')).json()) as {
      items: { id: string }[];
    };
    const policies = (await (await page.request.get('/api/policies')).json()) as {
      items: { id: string; status: string; name: string }[];
    };
    const published = policies.items.find((policy) => policy.status === 'published');
    ids.supplier = suppliers.items[0]?.id ?? '';
    const firstAssignment = async (status: string) =>
      (
        (await (await page.request.get(`/api/assignments?status=${status}&limit=1`)).json()) as {
          items: { id: string }[];
        }
      ).items[0]?.id ?? '';
    ids.submitted = await firstAssignment('submitted');
    ids.accepted = await firstAssignment('accepted');
    ids.policy = published?.id ?? '';
    // A task in progress shows the most (moves, the edit form, thread, evidence); any task will do.
    const firstTask = async (query: string) =>
      (
        (await (await page.request.get(`/api/tasks?${query}limit=1`)).json()) as {
          items: { id: string }[];
        }
      ).items[0]?.id ?? '';
    ids.task = (await firstTask('status=in_progress&')) || (await firstTask(''));
    if (!ids.task) {
      // Demo data without tasks: make one, as the draft policy below is made when none exists.
      const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
      const created = await page.request.post('/api/tasks', {
        data: {
          supplierId: ids.supplier,
          title: 'Accessibility check task',
          severity: 'high',
          dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(created.status()).toBe(201);
      ids.task = ((await created.json()) as { id: string }).id;
    }
    const existing = policies.items.find((policy) => policy.status === 'draft');
    if (existing) {
      ids.draft = existing.id;
    } else {
      const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
      const created = await page.request.post('/api/policies', {
        data: { basedOn: ids.policy, name: 'Accessibility check draft' },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(created.status()).toBe(201);
      ids.draft = ((await created.json()) as { id: string }).id;
    }
    // An issued report (the portfolio report of the whole register), waited for until its PDF is ready.
    {
      const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
      const created = await page.request.post('/api/reports', {
        data: { kind: 'portfolio' },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect([200, 201, 202]).toContain(created.status());
      ids.report = ((await created.json()) as { id: string }).id;
      // Polled by hand: expect.poll is only allowed inside a test, and this is the suite's set-up.
      const statusOf = async () =>
        ((await (await page.request.get(`/api/reports/${ids.report}`)).json()) as { status: string }).status;
      const deadline = Date.now() + 120_000;
      let status = await statusOf();
      while (status !== 'ready' && status !== 'failed' && Date.now() < deadline) {
        await page.waitForTimeout(500);
        status = await statusOf();
      }
      expect(status).toBe('ready');
      reportPdf = await (await page.request.get(`/api/reports/${ids.report}/pdf`)).body();
    }
    expect(
      ids.supplier && ids.policy && ids.draft && ids.submitted && ids.accepted && ids.task && ids.report,
    ).toBeTruthy();
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds no serious or critical problems on the login page', async () => {
    const { context, page } = await openSession(browser);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds no serious or critical problems on the public verify page, with either verdict', async () => {
    for (const viewport of Object.values(VIEWPORTS)) {
      const session = await openSession(browser, viewport);
      const { page } = session;
      await page.goto('/verify');
      await page.getByRole('heading', { level: 1, name: 'Verify a report' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const input = page.getByLabel('Choose the PDF, or drop it here');
      await input.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: reportPdf });
      await page.getByRole('heading', { level: 2, name: /^Issued by / }).waitFor();
      expect(await seriousViolations(page), `issued verdict at ${viewport.width} px`).toEqual([]);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      // One changed byte in the middle of the file.
      const tampered = Buffer.from(reportPdf);
      const middle = Math.floor(tampered.length / 2);
      tampered.writeUInt8(tampered.readUInt8(middle) ^ 0x01, middle);
      await input.setInputFiles({ name: 'copy.pdf', mimeType: 'application/pdf', buffer: tampered });
      await page.getByRole('heading', { level: 2, name: /^Not issued/ }).waitFor();
      expect(await seriousViolations(page), `not-issued verdict at ${viewport.width} px`).toEqual([]);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      expectNoPageErrors(session);
      await session.context.close();
    }
  });

  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    describe(`at ${viewport.width} px (${width})`, () => {
      let session: Session;
      beforeAll(async () => {
        session = await openSession(browser, viewport);
        await signIn(session.page, 'admin');
      });
      afterAll(async () => {
        await session?.context.close();
      });

      for (const screen of screens) {
        it(`finds no serious or critical problems on the ${screen.name} page, and nothing wider than the screen`, async () => {
          const { page } = session;
          await visit(page, screen.url(), screen.heading);
          await screen.prepare?.(page);
          expect(await seriousViolations(page), `${screen.name} at ${viewport.width} px`).toEqual([]);
          expect(await pageOverflow(page), `${screen.name} overflows sideways`).toBeLessThanOrEqual(0);
          expectNoPageErrors(session);
        });
      }
    });
  }

  describe('on a phone', () => {
    it('shows the page first, with the navigation behind a Menu button that a keyboard can open and close', async () => {
      const session = await openSession(browser, VIEWPORTS.phone);
      const { page } = session;
      await signIn(page, 'admin');
      await visit(page, '/suppliers', 'Suppliers');

      // The heading and "Add supplier" are on the first screen, the navigation is folded away.
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.isVisible()).toBe(false);
      const add = page.getByRole('link', { name: 'Add supplier' });
      const box = await add.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORTS.phone.height);

      // The table scrolls inside its card, and a keyboard can reach it to scroll it.
      const region = page.getByRole('region', { name: 'Suppliers in the register' });
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await region.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

      const menu = page.getByRole('button', { name: 'Menu', exact: true });
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');

      await menu.click();
      await nav.getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      expect(await nav.isVisible()).toBe(false);
      expectNoPageErrors(session);
      await session.context.close();
    });
  });

  describe('printed', () => {
    it('leaves out the navigation, the greeting and the buttons, and uses the full width', async () => {
      const session = await openSession(browser);
      const { page } = session;
      await signIn(page, 'admin');
      await visit(page, `/suppliers/${ids.supplier}`, /./);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Assess now' }).isVisible()).toBe(false);
      const main = await page.locator('main').boundingBox();
      expect(main!.x).toBe(0);
      expect(main!.width).toBe(VIEWPORTS.desktop.width);

      await page.emulateMedia({ media: 'screen' });
      await visit(page, '/', 'Overview');
      expect(await page.getByText(/^Welcome, /).isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByText(/^Welcome, /).isVisible()).toBe(false);
      await session.context.close();
    });
  });
});
