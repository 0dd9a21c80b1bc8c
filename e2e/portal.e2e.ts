import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleQuestions } from '#shared/domain/questionnaires/visibility.js';
import type { PortalQuestionnaire } from '#shared/schemas/portal.js';
import type { AnswerMap } from '#shared/schemas/questionnaire-answers.js';
import { demoAnswer } from '../server/src/seed/demo-answers.js';
import {
  expectNoPageErrors,
  launchBrowser,
  openSession,
  screenshot,
  signIn,
  VIEWPORTS,
} from './support/browser.js';
import { chromiumAvailable } from './support/chromium.js';

/** Serious and critical axe violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A small but real PDF (the server judges the type from the content). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Presses Tab until `target` has the focus (at most `limit` times): proof it is reachable by keyboard. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Not reached with ${limit} presses of Tab`);
}

/** Sends a fresh questionnaire as the officer; without a mailer the link is handed back (`portalUrl`). */
async function sendQuestionnaire(request: APIRequestContext): Promise<string> {
  const { csrfToken } = (await (await request.get('/api/me')).json()) as { csrfToken: string };
  const templates = (await (await request.get('/api/templates?status=published&limit=1')).json()) as {
    items: { id: string }[];
  };
  const suppliers = (await (await request.get('/api/suppliers?limit=100')).json()) as {
    items: { id: string; tier: number }[];
  };
  // The demo's own questionnaires went to tier-1 suppliers; a tier-2 one has none yet.
  const supplier = suppliers.items.find((s) => s.tier > 1) ?? suppliers.items.at(-1);
  const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const created = await request.post('/api/assignments', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      templateId: templates.items[0]?.id,
      supplierIds: [supplier?.id],
      dueDate: due,
      message: 'Please answer for your main site by the due date.',
    },
  });
  expect(created.status()).toBe(201);
  const { items } = (await created.json()) as { items: { portalUrl?: string }[] };
  const url = items[0]?.portalUrl;
  expect(url).toBeDefined();
  return new URL(url ?? '').pathname;
}

/** Answers what is still open through the API, as another device of the same supplier would. */
async function answerTheRest(request: APIRequestContext, path: string) {
  const api = `/api${path}`;
  for (let round = 0; round < 100; round += 1) {
    const p = (await (await request.get(api)).json()) as PortalQuestionnaire;
    const given = Object.fromEntries(p.answers.map((a) => [a.questionId, a.value])) as AnswerMap;
    const next = visibleQuestions(p.definition, given).find(
      (q) => q.required && given[q.id] === undefined && demoAnswer(q, 'good') !== undefined,
    );
    if (!next) return;
    const res = await request.put(`${api}/answers/${next.id}`, { data: { value: demoAnswer(next, 'good') } });
    expect(res.status()).toBe(200);
  }
}

describe.skipIf(!chromiumAvailable)('the supplier portal on a phone', () => {
  let browser: Browser;
  let portalPath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const { context, page } = await openSession(browser);
    await signIn(page, 'officer');
    portalPath = await sendQuestionnaire(page.request);
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // A long journey (axe three times over a 60-question page) on a small shared machine.
  it('answers by keyboard, opens a follow-up, uploads a PDF, is told what is missing, and submits', {
    timeout: 240_000,
  }, async () => {
    const session = await openSession(browser, VIEWPORTS.phone);
    const { page } = session;
    const response = await page.goto(portalPath);
    // The server's SPA fallback serves the page, and tells the browser never to send its address on.
    expect(response?.status()).toBe(200);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await page.getByRole('heading', { level: 1, name: /Forced labour/ }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.title()).not.toContain(portalPath.split('/').pop());
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
    await screenshot(page, 'portal-fresh-phone');
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard only: Tab to the first question's "Yes", choose it with Space.
    const policy = page.getByRole('group', { name: /written policy that forbids forced labour/ });
    const yes = policy.getByRole('radio', { name: 'Yes' });
    await tabTo(page, yes);
    await page.keyboard.press('Space');
    expect(await yes.isChecked()).toBe(true);
    await policy.getByText('Saved').waitFor();

    // The conditional follow-ups of "yes" appear.
    const approved = page.getByRole('group', { name: /Who approved the policy/ });
    await approved.waitFor();

    // The file question that "yes" opened: a small PDF, with progress, listed with its size.
    const upload = page.getByLabel(/Upload the policy/);
    await upload.setInputFiles({ name: 'policy.pdf', mimeType: 'application/pdf', buffer: PDF });
    const files = page.getByRole('list', { name: 'Attached files' }).first();
    await files.getByRole('link', { name: 'policy.pdf' }).waitFor();
    expect(await files.textContent()).toMatch(/bytes/);
    await page.getByText('All changes saved').waitFor();

    // Submitting now names what is missing; a link takes the keyboard to the question.
    await page.getByRole('button', { name: 'Submit answers' }).click();
    const problem = page.locator('.portal-submit-problem');
    await problem.getByText(/required questions? (is|are) not answered yet/).waitFor();
    await screenshot(page, 'portal-submit-errors-phone');
    expect(await seriousViolations(page)).toEqual([]);
    await problem.getByRole('link', { name: /Who approved the policy/ }).click();
    expect(
      await approved.evaluate((el) => el.contains(document.activeElement) && document.activeElement !== el),
    ).toBe(true);

    // The rest is answered elsewhere (the API); after a reload the submit goes through.
    await answerTheRest(page.request, portalPath);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByText(/^Submitted on .* — thank you$/).waitFor();
    expect(await page.getByRole('button', { name: 'Submit answers' }).count()).toBe(0);
    expect(await yes.isDisabled()).toBe(true);
    await screenshot(page, 'portal-submitted-phone');
    expect(await seriousViolations(page)).toEqual([]);

    // Nothing sticks out sideways on the phone.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    // The browser logs each refused call (the submit with missing answers) as a console error.
    session.errors.splice(
      0,
      session.errors.length,
      ...session.errors.filter((e) => !/status of 400/.test(e)),
    );
    expectNoPageErrors(session);
    await session.context.close();
  });

  it('says plainly that an unknown link is not valid', async () => {
    const session = await openSession(browser, VIEWPORTS.phone);
    await session.page.goto('/portal/this-link-was-never-issued-by-anyone');
    await session.page.getByRole('heading', { level: 1, name: 'This link is not valid' }).waitFor();
    expect(await seriousViolations(session.page)).toEqual([]);
    await session.context.close();
  });
});
