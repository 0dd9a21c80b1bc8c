import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import type { Task, TaskEvidenceFile } from '#shared/schemas/tasks.js';
import { type Client, setupTestApp, type TestContext } from '../../../../test/app.js';
import { createSupplier, multipartBody } from '../../../../test/factories.js';
import { pdfBytes } from '../../../../test/files.js';
import { publishSampleTemplate, tokenOf } from '../../../../test/questionnaires.js';
import { suppliers } from '../../../db/schema/suppliers.js';
import { withTenant } from '../../../db/tenant.js';
import type { ReportMeta } from '../report-types.js';
import { supplierReport } from './index.js';
import type { SupplierReportData } from './supplier-report.data.js';

// The supplier assessment report, from a supplier that went through the whole flow (questionnaire with
// evidence, accepted, a red flag, a remediation task with evidence): the PDF's text carries the figures the
// API shows, the answers and hashes behind them; the report is valid PDF, the same bytes twice, and sealed to
// its organisation.

let t: TestContext;
let officer: Client;
let supplierId: string;
let assessment: Assessment;
let task: Task;
let questionnaireFile: { sha256: string; fileName: string };
let taskFile: TaskEvidenceFile;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-supplier-report-'));
const noProgress = () => undefined;

const metaFor = (orgId: string, policy: SupplierReportData['policy'] = null): ReportMeta => ({
  registerNumber: 'CS-2026-000042',
  kind: 'supplier',
  issuedAt: new Date('2026-11-30T17:00:00.000Z'),
  organisation: { id: orgId, name: 'Org A' },
  issuedBy: { name: 'executive a' },
  policy: policy && { id: policy.id, name: policy.name, version: policy.version ?? 0 },
  sources: loadReferenceData().datasets,
  auditHead: { seq: 12, hash: 'ab'.repeat(32) },
  auditSignature: { keyId: '0123456789abcdef', signature: 'c2lnbmF0dXJl' },
});

const load = (orgId: string, id: string) =>
  withTenant(t.db, orgId, (tx) =>
    supplierReport.load(tx, orgId, { kind: 'supplier', supplierId: id }, noProgress),
  );

const bytesOf = async (data: SupplierReportData, meta: ReportMeta) => {
  const chunks: Buffer[] = [];
  for await (const chunk of supplierReport.render(data, meta, noProgress).pdf)
    chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
};

/** The PDF's text as pdftotext reads it, runs of white space made one space (table cells wrap). */
const textOf = (pdf: Buffer, name: string) => {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
};

const qpdfCheck = (pdf: Buffer, name: string) => {
  const file = path.join(dir, `${name}-check.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('qpdf', ['--check', file]).toString('utf8');
};

beforeAll(async () => {
  t = await setupTestApp({ storage: { driver: 'local', dir: fs.mkdtempSync('/tmp/cs-report-files-') } });
  officer = await t.login(t.orgA.officer);
  const admin = await t.login(t.orgA.admin);
  const templateId = await publishSampleTemplate(officer);
  const s = await createSupplier(officer, {
    name: 'Selangor Gloves Sdn Bhd',
    country: 'MY',
    goods: ['rubber gloves'],
    headcount: 800,
    migrantWorkerShare: 60,
    agencyWorkerShare: 20,
    annualSpend: 1250000,
    currency: 'USD',
    tags: ['medical'],
  });
  supplierId = s.id;
  const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const sent = await officer.post('/api/assignments', { templateId, supplierIds: [s.id], dueDate: due });
  expect(sent.statusCode, sent.body).toBe(201);
  const assignmentId = sent.json().items[0].id as string;
  const token = tokenOf(sent.json().items[0].portalUrl);
  const portal = (method: 'PUT' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/portal/${token}${url}`,
      ...(payload ? { payload: payload as object } : {}),
    });

  // The supplier: a timesheet as evidence of its hours, then its answers (passports held: a red flag).
  const upload = multipartBody(pdfBytes('timesheets for October'), 'Timesheets October.pdf');
  const uploaded = await t.app.inject({
    method: 'POST',
    url: `/api/portal/${token}/evidence?questionId=weekly_hours`,
    ...upload,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  questionnaireFile = uploaded.json();
  for (const [q, value] of [
    ['passports_held', 'yes'],
    ['uses_agencies', 'no'],
    ['weekly_hours', 70],
    ['grievance_channels', ['hotline']],
  ] as const) {
    const res = await portal('PUT', `/answers/${q}`, { value });
    expect(res.statusCode, res.body).toBe(200);
  }
  expect((await portal('POST', '/submit')).statusCode).toBe(200);
  const accepted = await officer.post(`/api/assignments/${assignmentId}/accept`, {
    evidenceAccepted: ['weekly_hours'],
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const findingId = accepted
    .json()
    .findings.find((f: { key: string }) => f.key === 'identity_documents_retained').id as string;

  // A task from the red flag, started, with the returned passports' receipt as evidence.
  const created = await officer.post('/api/tasks', { findingId, title: 'Return all passports to workers' });
  expect(created.statusCode, created.body).toBe(201);
  const moved = await admin.post(`/api/tasks/${created.json().id}/transition`, { to: 'in_progress' });
  expect(moved.statusCode, moved.body).toBe(200);
  task = moved.json();
  const receipt = multipartBody(pdfBytes('signed passport receipts'), 'Passport receipts.pdf');
  const taskUpload = await officer.request(
    'POST',
    `/api/tasks/${task.id}/evidence`,
    receipt.payload,
    receipt.headers,
  );
  expect(taskUpload.statusCode, taskUpload.body).toBe(201);
  taskFile = taskUpload.json();

  const listed = await officer.get(`/api/suppliers/${supplierId}/assessments`);
  expect(listed.statusCode, listed.body).toBe(200);
  assessment = listed.json().items[0];
}, 180_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Rendering embeds fonts and lays out a dozen pages: seconds on a loaded machine, not milliseconds.
describe('the supplier assessment report', { timeout: 180_000 }, () => {
  it('prints the rating and the scores the API gives, the answers and hashes behind them, and the task', async () => {
    const data = await load(t.orgA.id, supplierId);
    expect(data.assessment?.id).toBe(assessment.id);
    expect(supplierReport.title(data)).toBe('Supplier assessment: Selangor Gloves Sdn Bhd');
    const pdf = await bytesOf(data, metaFor(t.orgA.id, data.policy));
    const text = textOf(pdf, 'full');

    const label = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' }[assessment.rating];
    const figures = [assessment.inherentScore, assessment.controlScore, assessment.residualScore].map(String);
    // The summary's tiles (read row by row), then the rating-over-time table's current row: the rating and
    // the three scores exactly as GET /api/suppliers/:id/assessments gives them.
    expect(text).toContain(
      `Rating Inherent risk Control effectiveness Residual risk ${label} ${figures.join(' ')}`,
    );
    expect(text).toContain(`${label} ${figures.join(' ')} v${assessment.policyVersion}`);
    expect(text).toContain(assessment.result.residual.formula);
    expect(text).toContain(assessment.result.control.formula);

    // A criterion with the answer behind it, in the supplier's words and the template's question.
    const hours = assessment.result.control.criteria.find((c) => c.key === 'excessive_overtime')!;
    expect(hours.answers[0]).toMatchObject({ questionId: 'weekly_hours', evidenceBacked: true });
    expect(text).toContain(`Q: Usual weekly hours A: ${hours.answers[0]!.answerLabel}`);
    expect(text).toContain(hours.citation.replace(/\s+/g, ' '));

    // The red flag, the answer that raised it and its task.
    expect(text).toContain('Identity documents retained'.slice(0, 12));
    expect(text).toContain('Q: Do you hold passports? A: Yes');

    // Evidence: each file with its SHA-256, whole on one line.
    expect(text).toContain(questionnaireFile.sha256);
    expect(text).toContain(taskFile.sha256);
    expect(text).toContain('Timesheets October.pdf');

    // The remediation plan: the task's title and status.
    expect(text).toContain('Return all passports to workers');
    expect(text).toMatch(/Return all passports to workers .*In progress/);

    // Profile and chain.
    expect(text).toContain('1,250,000 USD');
    expect(text).toContain('Malaysia (MY)');
  });

  it('is a valid PDF, and the same data and issue time give the same bytes', async () => {
    const data = await load(t.orgA.id, supplierId);
    const meta = metaFor(t.orgA.id);
    const first = await bytesOf(data, meta);
    const second = await bytesOf(await load(t.orgA.id, supplierId), meta);
    expect(second.equals(first)).toBe(true);
    expect(qpdfCheck(first, 'valid')).toMatch(/No syntax or stream encoding errors found/);
  });

  it('prints a supplier never assessed with the gap called out, its profile and what is missing', async () => {
    const [row] = await t.owner
      .insert(suppliers)
      .values({ orgId: t.orgA.id, name: 'Unscored Dyeing Works', country: 'IN', tier: 1, goods: [] })
      .returning({ id: suppliers.id });
    const data = await load(t.orgA.id, row!.id);
    expect(data.assessment).toBeNull();
    const pdf = await bytesOf(data, metaFor(t.orgA.id));
    const text = textOf(pdf, 'unscored');
    expect(text).toContain('No assessment yet: Unscored Dyeing Works has not been scored');
    expect(text).toContain('India (IN)');
    expect(text).toContain('The goods or services it supplies');
    expect(text).toContain('Its headcount');
    expect(qpdfCheck(pdf, 'unscored')).toMatch(/No syntax or stream encoding errors found/);
  });

  it("will not load another organisation's supplier (the API's 404)", async () => {
    await expect(load(t.orgB.id, supplierId)).rejects.toMatchObject({ status: 404 });
    const b = await createSupplier(await t.login(t.orgB.officer), { name: 'B Mill' });
    await expect(load(t.orgA.id, b.id)).rejects.toMatchObject({ status: 404 });
  });
});
