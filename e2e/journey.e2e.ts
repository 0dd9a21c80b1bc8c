import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleQuestions } from '#shared/domain/questionnaires/visibility.js';
import { ReportingCriteriaFileSchema, statementLaw } from '#shared/domain/reference/reporting-criteria.js';
import type { PortalQuestionnaire } from '#shared/schemas/portal.js';
import type { AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { Question } from '#shared/schemas/questionnaires.js';
import { demoAnswer } from '../server/src/seed/demo-answers.js';
import {
  expectNoPageErrors,
  launchBrowser,
  openSession,
  type Session,
  signIn,
  VIEWPORTS,
} from './support/browser.js';
import { chromiumAvailable } from './support/chromium.js';

// The whole job, as the people who do it meet it (issue 11): an officer imports suppliers and sends one the
// default questionnaire; the supplier answers on a phone, a conditional follow-up included, with evidence;
// the officer accepts; the score and findings appear; a task from a finding goes to the supplier, who answers
// it through the portal; another user verifies and closes it; an executive reads the dashboard. Every page on
// the way is checked with axe and photographed (e2e/screenshots/journey/, gitignored) for a person to look at.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = path.join(ROOT, 'e2e/screenshots/journey');
/** Waits for what a person waits for, on a small machine shared with other work: generous, never a sleep. */
const WAIT_MS = 60_000;

/** A small but real PDF (the server judges a file's type from its content). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** How this supplier answers where the best-scoring answer is not the story: it uses agencies, and workers pay them. */
const STORY: Record<string, AnswerValue> = {
  has_policy: 'yes',
  uses_agencies: 'yes',
  agency_count: 3,
  agency_fees_paid_by: 'workers',
  peak_weekly_hours: 48,
};

/** Serious and critical axe violations, one line each, naming the rule and the elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let shots = 0;
/**
 * Every page of the journey: once nothing on it is still loading, a screenshot to look at (the whole page, or
 * the screen showing `show`), and no serious or critical axe violation.
 */
async function look(page: Page, name: string, show?: Locator) {
  await page.locator('.loading-text, [aria-busy="true"]').first().waitFor({ state: 'detached' });
  shots += 1;
  // The portal's page is a phone screen tall 15 times over: the screen where the step happens says more.
  if (show) await show.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: path.join(SHOTS, `${String(shots).padStart(2, '0')}-${name}.png`),
    fullPage: !show,
  });
  expect(await seriousViolations(page), `axe on ${name} (${page.url()})`).toEqual([]);
}

/** A fresh browser context (its own cookies, as another person's browser) with generous waits. */
async function session(
  browser: Browser,
  viewport: { width: number; height: number } = VIEWPORTS.desktop,
): Promise<Session> {
  const s = await openSession(browser, viewport);
  s.context.setDefaultTimeout(WAIT_MS);
  return s;
}

/** The figure a term (<dt>) names. */
const NEXT_DD = 'xpath=following-sibling::dd[1]';

const en = (text: { en?: string }) => text.en ?? '';

/** A question on the portal page: a group of radios or checkboxes named by its legend, or a single control's box. */
const questionBox = (page: Page, q: Question): Locator =>
  q.type === 'yes_no' || q.type === 'single_choice' || q.type === 'multi_choice'
    ? page.getByRole('group', { name: en(q.label) })
    : page.locator('.answer').filter({ has: page.getByLabel(en(q.label)) });

/** Gives one answer the way a person does: a click on the option's label, or typing into the box. */
async function answer(page: Page, q: Question, value: AnswerValue) {
  const box = questionBox(page, q);
  const option = (id: string) => {
    const found = 'options' in q ? q.options.find((o) => o.id === id) : undefined;
    return found ? en(found.label) : id === 'yes' ? 'Yes' : 'No';
  };
  if (q.type === 'yes_no' || q.type === 'single_choice') {
    await box.getByRole('radio', { name: option(String(value)), exact: true }).check();
  } else if (q.type === 'multi_choice') {
    for (const id of value as string[]) {
      await box.getByRole('checkbox', { name: option(id), exact: true }).check();
    }
  } else {
    await page.getByLabel(en(q.label)).fill(String(value));
  }
  // Each answer says when it is stored.
  await box.getByText(/Saved$/).waitFor();
}

describe.skipIf(!chromiumAvailable)('the whole journey, from a CSV to the executive', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-journey-'));
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports, asks, answers, accepts, remediates, shows the executive the dashboard and three verifiable reports', {
    timeout: 1_200_000,
  }, async () => {
    const tag = `J${Date.now().toString(36).toUpperCase()}`;
    const supplierName = `${tag} Knitwear Ltd`;
    const otherName = `${tag} Spinning Mill`;

    // ── The officer imports two suppliers from a CSV file, through the import page ──────────────────────
    const officer = await session(browser);
    let page = officer.page;
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await look(page, 'login');
    await signIn(page, 'officer');
    // The charts drawn (what the officer looks at first).
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await look(page, 'officer-overview');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
    await page
      .getByRole('table', { name: 'Suppliers in the register' })
      .locator('tbody tr')
      .first()
      .waitFor();
    await look(page, 'suppliers');

    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import suppliers from CSV' }).waitFor();
    await look(page, 'import');
    const csv = path.join(dir, 'new-suppliers.csv');
    fs.writeFileSync(
      csv,
      [
        'external_ref,name,country,goods,tier,status',
        `${tag}-1,${supplierName},BD,garments,1,active`,
        `${tag}-2,${otherName},IN,"cotton;yarn",2,onboarding`,
      ].join('\n'),
    );
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(csv);
    const review = page.getByRole('region', { name: 'Review new-suppliers.csv' });
    await review.getByText('The file is ready to import').waitFor();
    const count = (label: string) => review.getByRole('term').filter({ hasText: label }).locator(NEXT_DD);
    expect(await count('To add').textContent()).toBe('2');
    expect(await count('Errors').textContent()).toBe('0');
    await look(page, 'import-review');
    await page.getByRole('button', { name: 'Import 2 changes' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByText(/^2 added, 0 updated, 0 unchanged, out of 2\s+rows\./).waitFor();
    await look(page, 'import-finished');

    // ── …finds one in the register and sends it the default questionnaire ───────────────────────────────
    await page.getByRole('link', { name: 'View the register' }).click();
    await page.getByLabel('Search').fill(tag);
    const register = page.getByRole('table', { name: 'Suppliers in the register' });
    await register.getByRole('link', { name: otherName }).waitFor();
    await expect.poll(() => register.locator('tbody tr').count(), { timeout: WAIT_MS }).toBe(2);
    await look(page, 'suppliers-searched');
    await register.getByRole('link', { name: supplierName }).click();
    await page.getByRole('heading', { level: 1, name: supplierName }).waitFor();
    // Imported suppliers are assessed on import: a rating from published data before any answer.
    await page
      .getByRole('region', { name: 'Current risk' })
      .getByText('Assessed after a CSV import')
      .waitFor();
    await look(page, 'supplier-imported');

    await page.getByRole('button', { name: 'Send questionnaire' }).first().click();
    const sendForm = page.getByRole('form', { name: 'Send questionnaire' });
    await sendForm.waitFor();
    // The default questionnaire is the one offered first.
    const template = sendForm.getByLabel('Questionnaire');
    expect(await template.locator('option:checked').textContent()).toMatch(
      /^Forced labour and human trafficking self-assessment \(version \d+\)$/,
    );
    await sendForm
      .getByLabel('Message to the supplier (optional)')
      .fill('Please answer for your Gazipur site by the due date.');
    await look(page, 'send-questionnaire');
    await sendForm.getByRole('button', { name: 'Send questionnaire' }).click();
    // No mail server in this run: the link is handed to the officer, once, to pass on.
    const linkBox = page.getByLabel(`Questionnaire link for ${supplierName}`);
    await linkBox.waitFor();
    const portalPath = new URL(await linkBox.inputValue()).pathname;
    expect(portalPath).toMatch(/^\/portal\/[\w-]{20,}$/);
    await look(page, 'questionnaire-sent');
    await page.getByRole('button', { name: 'I have copied the link – close' }).click();
    const supplierId = page.url().split('/').pop() ?? '';

    // ── The supplier opens the link on a phone and answers, a conditional follow-up and evidence included ─
    const supplier = await session(browser, VIEWPORTS.phone);
    page = supplier.page;
    await page.goto(portalPath);
    await page.getByRole('heading', { level: 1, name: /Forced labour/ }).waitFor();
    await page.getByText('Please answer for your Gazipur site by the due date.').waitFor();
    await look(page, 'portal-phone', page.getByRole('heading', { level: 1 }));

    // The questions the page shows, as the page has them (the same definition it renders).
    const questionnaire = (await (await page.request.get(`/api${portalPath}`)).json()) as PortalQuestionnaire;
    const { definition } = questionnaire;
    const agencyFollowUps = definition.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.showIf && 'questionId' in q.showIf && q.showIf.questionId === 'uses_agencies');
    expect(agencyFollowUps.length).toBeGreaterThan(1);
    // Hidden until the supplier says it uses agencies.
    for (const q of agencyFollowUps) expect(await questionBox(page, q).count(), q.id).toBe(0);

    const given: Record<string, AnswerValue> = {};
    const skipped = new Set<string>();
    for (let step = 0; step < 200; step += 1) {
      const next = visibleQuestions(definition, given).find(
        (q) => given[q.id] === undefined && !skipped.has(q.id) && (q.required || STORY[q.id] !== undefined),
      );
      if (!next) break;
      const value = STORY[next.id] ?? demoAnswer(next, 'good');
      if (value === undefined) {
        // A file question: its upload follows.
        skipped.add(next.id);
        continue;
      }
      await answer(page, next, value);
      given[next.id] = value;
      if (next.id === 'uses_agencies') {
        // "Yes" opens the agency follow-ups, in place, below the question.
        for (const q of agencyFollowUps) await questionBox(page, q).waitFor();
        await look(
          page,
          'portal-agency-follow-ups',
          page.getByRole('region', { name: 'Labour agencies and contractors' }),
        );
      }
    }
    expect(given.agency_fees_paid_by).toBe('workers');

    // Evidence: the written policy, on the file question that "yes, we have a policy" opened.
    await page
      .getByLabel(/Upload the policy/)
      .setInputFiles({ name: 'anti-forced-labour-policy.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page
      .getByRole('list', { name: 'Attached files' })
      .first()
      .getByRole('link', { name: 'anti-forced-labour-policy.pdf' })
      .waitFor();
    await page.getByText('All changes saved').waitFor();
    await page.getByText(/of required questions answered \((\d+) of \1\)$/).waitFor();
    await look(page, 'portal-answered', page.getByLabel(/Upload the policy/));

    await page.getByRole('button', { name: 'Submit answers' }).click();
    const thanks = page.getByText(/^Submitted on .* — thank you$/);
    await thanks.waitFor();
    await look(page, 'portal-submitted', thanks);
    expectNoPageErrors(supplier);
    await supplier.context.close();

    // ── The officer reviews the answers and accepts them, the evidence with them ─────────────────────────
    page = officer.page;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Questionnaires' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Questionnaires' }).waitFor();
    const sent = page.getByRole('table', { name: 'Questionnaires sent to suppliers' });
    const row = sent.getByRole('row').filter({ hasText: supplierName });
    await row.getByRole('cell', { name: 'Submitted', exact: true }).waitFor();
    await look(page, 'questionnaires');
    await row.getByRole('link', { name: `Review the questionnaire of ${supplierName}` }).click();
    await page.getByRole('heading', { level: 1, name: `Review: ${supplierName}` }).waitFor();
    const preview = page.getByRole('region', { name: 'If you accept' });
    await preview.getByText(/nothing is saved yet/).waitFor();
    await page.getByRole('checkbox', { name: 'Accept this evidence (the answer counts in full)' }).check();
    await preview.getByRole('heading', { name: /^Findings that will open/ }).waitFor();
    await preview.getByText('Recruitment fees paid by workers').first().waitFor();
    await look(page, 'review');
    await page.getByRole('button', { name: 'Accept answers…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Accept these answers?' });
    await confirm.getByText(/with the evidence of 1 answer accepted/).waitFor();
    await look(page, 'review-accept-confirm', confirm);
    await confirm.getByRole('button', { name: 'Accept and score' }).click();
    await page
      .getByRole('term')
      .filter({ hasText: /^Accepted$/ })
      .waitFor();
    await look(page, 'review-accepted');

    // ── The supplier's page: the new score and its findings, the same as the API's ─────────────────────
    await page.getByRole('link', { name: supplierName }).first().click();
    await page.getByRole('heading', { level: 1, name: supplierName }).waitFor();
    const risk = page.getByRole('region', { name: 'Current risk' });
    await risk.getByText(/^Reassessed when the questionnaire .* was accepted/).waitFor();
    const scored = (await (await page.request.get(`/api/suppliers/${supplierId}`)).json()) as {
      risk: { rating: string; residualScore: number };
    };
    // The red flag sets the rating to at least High, whatever the score.
    expect(scored.risk.rating).toBe('high');
    await risk.getByText(/a red flag raises the rating to\s*High/).waitFor();
    const residual = risk.getByRole('term').filter({ hasText: 'Residual risk' }).locator(NEXT_DD);
    expect(await residual.textContent()).toBe(`${scored.risk.residualScore} / 100`);
    await risk
      .getByRole('region', { name: 'Red flags' })
      .getByText('Recruitment fees paid by workers')
      .waitFor();
    const { items: findings } = (await (
      await page.request.get(`/api/suppliers/${supplierId}/findings`)
    ).json()) as { items: { title: string }[] };
    expect(findings.map((f) => f.title)).toContain('Recruitment fees paid by workers');
    const findingsPanel = page.getByRole('region', { name: `Open findings (${findings.length})` });
    for (const f of findings) await findingsPanel.getByText(f.title, { exact: true }).waitFor();
    await look(page, 'supplier-scored');

    // ── A task from the red flag's finding, shared with the supplier ────────────────────────────────────
    await findingsPanel
      .getByRole('link', { name: 'Create task for “Recruitment fees paid by workers”' })
      .click();
    const taskForm = page.getByRole('form', { name: 'New task' });
    await taskForm.getByText('Recruitment fees paid by workers').waitFor();
    await taskForm
      .getByLabel('Description (optional)')
      .fill(
        'Repay every worker who paid an agency fee, and change the agency contracts so the company pays.',
      );
    await taskForm.getByLabel('Owner (optional)').selectOption({ label: 'Tomás Silva' });
    await taskForm.getByRole('checkbox', { name: /^Share with the supplier/ }).check();
    await look(page, 'task-new');
    await taskForm.getByRole('button', { name: 'Create task' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recruitment fees paid by workers' }).waitFor();
    await page.getByRole('region', { name: 'Status: Open' }).waitFor();
    const taskUrl = page.url();
    await look(page, 'task-open');
    expectNoPageErrors(officer);
    await officer.context.close();

    // ── The supplier answers the task through the same link: a comment, a file, "Mark done" ───────────────
    const supplierAgain = await session(browser, VIEWPORTS.phone);
    page = supplierAgain.page;
    await page.goto(portalPath);
    const task = page.getByRole('article', { name: 'Recruitment fees paid by workers' });
    await task.getByText('To do').waitFor();
    await look(page, 'portal-task', task);
    const reply = 'We repaid the fees to all 14 workers on 2 December; receipts attached.';
    await task.getByLabel('Write a comment').fill(reply);
    await task.getByRole('button', { name: 'Send comment' }).click();
    await task.getByRole('listitem').filter({ hasText: reply }).waitFor();
    await task
      .getByLabel('Attach a file')
      .setInputFiles({ name: 'fee-repayment-receipts.pdf', mimeType: 'application/pdf', buffer: PDF });
    await task.getByRole('listitem').filter({ hasText: 'fee-repayment-receipts.pdf' }).waitFor();
    await task.getByRole('button', { name: 'Mark done' }).click();
    await task.getByText('Done: being checked').waitFor();
    await look(page, 'portal-task-done', task.getByRole('heading', { name: 'Your files' }));
    expectNoPageErrors(supplierAgain);
    await supplierAgain.context.close();

    // ── Another person, the administrator, verifies and closes it ──────────────────────────────────────
    const admin = await session(browser);
    page = admin.page;
    await signIn(page, 'admin');
    await page.goto(taskUrl);
    await page.getByRole('heading', { level: 1, name: 'Recruitment fees paid by workers' }).waitFor();
    const status = page.getByRole('region', { name: 'Status: Pending verification' });
    await status.getByText(/^Marked done by .*: someone else verifies and closes it\.$/).waitFor();
    const thread = page.getByRole('region', { name: /^Comments/ });
    await thread.getByText(reply).waitFor();
    // Signed with the supplier's name, once.
    await thread.getByText(`${supplierName} (supplier)`, { exact: true }).waitFor();
    await page
      .getByRole('region', { name: /^Evidence/ })
      .getByRole('link', { name: 'fee-repayment-receipts.pdf' })
      .waitFor();
    await look(page, 'task-to-verify');
    await status.getByRole('button', { name: 'Verify and close' }).click();
    await page
      .getByRole('region', { name: 'Status: Closed (verified)' })
      .getByText(/^Verified and closed by Amara Okafor on /)
      .waitFor();
    await look(page, 'task-closed');
    expectNoPageErrors(admin);
    await admin.context.close();

    // ── An executive signs in and reads the dashboard ──────────────────────────────────────────────────
    const executive = await session(browser);
    page = executive.page;
    await signIn(page, 'executive');
    await page.getByRole('list', { name: 'Key figures' }).waitFor();
    await page.getByRole('region', { name: 'Remediation burn-down' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await look(page, 'executive-dashboard');

    // ── …and issues the three reports from the reports page, downloading each PDF ───────────────────────
    const pdfs = {
      supplier: await issueReport(page, 'Supplier assessment report', async (form) => {
        const picker = form.getByRole('combobox', { name: 'Supplier' });
        await picker.fill(supplierName);
        await page.getByRole('option', { name: new RegExp(supplierName) }).click();
      }),
      portfolio: await issueReport(page, 'Portfolio risk report'),
      statement: await issueReport(page, 'Modern-slavery statement draft', async (form) => {
        await form.getByLabel('Framework').selectOption('uk');
        await form.getByLabel('Period from').fill('2026-01-01');
        await form.getByLabel('Period to').fill('2026-12-31');
      }),
    };

    // The PDFs' text says what the API says.
    const now = (await (await page.request.get(`/api/suppliers/${supplierId}`)).json()) as {
      risk: { rating: string; residualScore: number };
    };
    const supplierText = pdfText(pdfs.supplier);
    expect(supplierText).toContain(supplierName);
    expect(supplierText).toContain(RATING_WORDS[now.risk.rating]);
    expect(supplierText).toContain(String(now.risk.residualScore));
    const { total } = (await (await page.request.get('/api/suppliers?limit=1')).json()) as { total: number };
    // The rating table's last row: every current supplier, 100%.
    expect(pdfText(pdfs.portfolio)).toMatch(new RegExp(`All ${total} 100%`));
    const statementText = pdfText(pdfs.statement);
    for (const heading of UK_CRITERIA) expect(statementText, heading).toContain(heading);
    expectNoPageErrors(executive);
    await executive.context.close();

    // ── Anyone holding the PDF checks it on the public verify page; a copy with one byte changed fails ──
    const auditor = await session(browser);
    page = auditor.page;
    await page.goto('/verify');
    await page.getByRole('heading', { level: 1, name: 'Verify a report' }).waitFor();
    await look(page, 'verify');
    const chooser = page.getByLabel('Choose the PDF, or drop it here');
    await chooser.setInputFiles(pdfs.supplier);
    await page.getByRole('heading', { name: /^Issued by Northwind Apparel Ltd \(demo\) on / }).waitFor();
    await look(page, 'verify-issued');
    const tampered = path.join(dir, 'tampered.pdf');
    const bytes = fs.readFileSync(pdfs.supplier);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    fs.writeFileSync(tampered, bytes);
    await chooser.setInputFiles(tampered);
    await page.getByRole('heading', { name: /^Not issued: / }).waitFor();
    await look(page, 'verify-not-issued');
    expectNoPageErrors(auditor);
    await auditor.context.close();
  });

  /** New report → the kind → its fields → Issue; waits on the report's page until it is ready, downloads the PDF. */
  async function issueReport(page: Page, kind: string, fill?: (form: Locator) => Promise<void>) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByRole('link', { name: 'New report' }).click();
    const form = page.getByRole('form', { name: 'New report' });
    await form.getByRole('radio', { name: new RegExp(kind) }).check();
    await fill?.(form);
    await look(page, `report-new-${shots}`);
    await form.getByRole('button', { name: 'Issue report' }).click();
    const download = page.getByRole('link', { name: 'Download PDF' });
    await download.waitFor({ timeout: 5 * WAIT_MS });
    await look(page, `report-ready-${shots}`);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const target = path.join(dir, `${kind.replace(/\W+/g, '-')}.pdf`);
    await file.saveAs(target);
    return target;
  }
});

const RATING_WORDS: Record<string, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
/** The UK statement's criteria (s.54(5)), each a section of the draft. */
const UK_CRITERIA = statementLaw(
  ReportingCriteriaFileSchema.parse(
    JSON.parse(fs.readFileSync(path.join(ROOT, 'shared/reference-data/reporting-criteria.json'), 'utf8')),
  ),
  'uk',
).criteria.map((c) => c.shortName);

/** A PDF's text as pdftotext reads it, lines joined (a heading may wrap). */
const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
