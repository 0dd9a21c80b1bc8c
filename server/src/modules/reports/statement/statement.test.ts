import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, utcDay } from '#shared/domain/questionnaires/schedule.js';
import { loadReferenceData, loadReportingCriteria } from '#shared/domain/reference/load-node.js';
import { statementLaw } from '#shared/domain/reference/reporting-criteria.js';
import { STATEMENT_FRAMEWORKS, type StatementFramework } from '#shared/schemas/reports.js';
import { setupTestApp, type TestContext } from '../../../../test/app.js';
import { createSupplier, createTestOrg, userIdOf } from '../../../../test/factories.js';
import { remediationTasks } from '../../../db/schema/tasks.js';
import { withTenant } from '../../../db/tenant.js';
import { createReferences } from '../../datasets/datasets.references.js';
import type { ReportMeta } from '../report-types.js';
import { createStatementGenerator } from './statement.generator.js';
import { type StatementData, sectionHeading } from './statement.model.js';

// The statement draft against a real database: a register of three suppliers with two closed tasks, one
// inside the period and one before it, and an organisation with nothing at all. What a reader of the draft
// would check: one section per criterion in the law's order, figures that match the data, gaps where the data
// is silent, and three files (PDF, DOCX, Markdown) that say the same and repeat byte for byte.

let t: TestContext;
// Built as the container builds it (generators.ts), on a reference-data service of the test's own.
const generator = createStatementGenerator({
  references: createReferences({ shipped: loadReferenceData() }),
});
const today = utcDay(new Date());
const period = { periodStart: addDays(today, -364), periodEnd: today };
const dir = mkdtempSync(path.join(tmpdir(), 'statement-'));
let emptyOrgId: string;

const META: ReportMeta = {
  registerNumber: 'CS-2026-000007',
  kind: 'statement',
  issuedAt: new Date('2026-11-30T10:00:00.000Z'),
  organisation: { id: '00000000-0000-4000-8000-000000000001', name: 'Org A' },
  issuedBy: { name: 'executive a' },
  policy: null,
  sources: loadReferenceData().datasets,
  auditHead: null,
  auditSignature: null,
};

const draft = (orgId: string, framework: StatementFramework, p = period) =>
  withTenant(t.db, orgId, (tx) =>
    generator.load(tx, orgId, { kind: 'statement', framework, ...p }, () => {}),
  );

const bytesOf = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const gapsOf = (d: StatementData, criterionId: string) =>
  d.sections.find((s) => s.criterionId === criterionId)!.blocks.filter((b) => b.kind === 'gap');
const textOf = (d: StatementData, criterionId: string) =>
  d.sections
    .find((s) => s.criterionId === criterionId)!
    .blocks.map((b) => ('text' in b ? b.text : ''))
    .join('\n');

beforeAll(async () => {
  t = await setupTestApp();
  const officer = await t.login(t.orgA.officer);
  const a = await createSupplier(officer, { name: 'Dhaka Knitwear', country: 'BD', goods: ['garments'] });
  await createSupplier(officer, {
    name: 'Ashgabat Cotton',
    country: 'TM',
    goods: ['cotton'],
    annualSpend: 1000,
  });
  await createSupplier(officer, {
    name: 'Leeds Packaging',
    country: 'GB',
    goods: ['cardboard'],
    annualSpend: 500,
  });
  // A reassessment in the period that lowers the risk: the garments (on the ILAB list for Bangladesh) go.
  const patched = await officer.patch(`/api/suppliers/${a.id}`, { goods: ['software'] });
  if (patched.statusCode !== 200) throw new Error(patched.body);
  const closer = await userIdOf(t, t.orgA.admin);
  const task = (title: string, createdAt: string, closedAt: string) => ({
    orgId: t.orgA.id,
    supplierId: a.id,
    title,
    severity: 'high' as const,
    dueDate: today,
    status: 'closed' as const,
    closedBy: closer,
    closedAt: new Date(`${closedAt}T12:00:00Z`),
    createdAt: new Date(`${createdAt}T12:00:00Z`),
  });
  await t.owner
    .insert(remediationTasks)
    .values([
      task('Repay recruitment fees', addDays(today, -40), addDays(today, -10)),
      task('Return passports', addDays(today, -420), addDays(today, -400)),
    ]);
  // Another organisation's register must never show in A's draft.
  await createSupplier(await t.login(t.orgB.officer), { name: 'B only', country: 'TM', goods: ['cotton'] });
  emptyOrgId = (await createTestOrg(t, 'empty')).id;
}, 180_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

describe('statement model', () => {
  it.each(STATEMENT_FRAMEWORKS)('%s: one section per criterion, in the law’s order', async (framework) => {
    const law = statementLaw(loadReportingCriteria(), framework);
    const expected = { uk: 6, au: 7, ca: 8 }[framework];
    expect(law.criteria).toHaveLength(expected);
    for (const orgId of [t.orgA.id, emptyOrgId]) {
      const d = await draft(orgId, framework);
      expect(d.sections.map((s) => s.criterionId)).toEqual(law.criteria.map((c) => c.id));
      expect(d.sections.map((s) => s.citation)).toEqual(law.criteria.map((c) => c.citation));
    }
  });

  it('fills the supplier count and the tasks closed in the period (not one closed before it)', async () => {
    const d = await draft(t.orgA.id, 'uk');
    expect(d.facts.suppliers.total).toBe(3);
    expect(textOf(d, 'UK-54-5-a')).toContain('held 3 current suppliers');
    expect(textOf(d, 'UK-54-5-a')).toContain('in 3 countries');
    expect(d.facts.tasks.closed).toBe(1);
    expect(textOf(d, 'UK-54-5-d')).toContain('1 was verified by a second person and closed');
    // Turkmen cotton is on the ILAB list (forced labour) and Turkmenistan on TIP Tier 3: both are said.
    expect(d.facts.goods.ilab.map((g) => [g.country, g.good])).toContainEqual(['TM', 'Cotton']);
    expect(d.facts.suppliers.inHighRiskCountries).toBe(1);
    expect(d.facts.assessed).toMatchObject({ made: 4, suppliers: 3, reassessments: 1, score_improved: 1 });
    expect(textOf(d, 'UK-54-5-e')).toContain(
      '1 of the period’s assessments reassessed a supplier assessed before',
    );
    expect(d.facts.suppliers.spend).toEqual([
      { currency: 'USD', suppliers: 2, total: 1500, highRiskCountries: 1000 },
    ]);
    // The closed task's own period: a period that ended before it counts the older one only.
    const earlier = await draft(t.orgA.id, 'uk', {
      periodStart: addDays(today, -500),
      periodEnd: addDays(today, -300),
    });
    expect(earlier.facts.tasks.closed).toBe(1);
    expect(earlier.facts.tasks.medianDaysToClose).toBe(20);
  });

  it('calls out gaps for the data-backed sections of an empty organisation too', async () => {
    const d = await draft(emptyOrgId, 'uk');
    expect(d.facts.suppliers.total).toBe(0);
    for (const s of d.sections)
      expect(
        s.blocks.some((b) => b.kind === 'gap'),
        s.criterionId,
      ).toBe(true);
    expect(
      gapsOf(d, 'UK-54-5-a')
        .map((g) => g.text)
        .join(' '),
    ).toContain('holds no current supplier');
    expect(
      gapsOf(d, 'UK-54-5-c')
        .map((g) => g.text)
        .join(' '),
    ).toContain('No supplier questionnaire');
    expect(
      gapsOf(d, 'UK-54-5-d')
        .map((g) => g.text)
        .join(' '),
    ).toContain('No remediation task');
    expect(textOf(d, 'UK-54-5-a')).not.toMatch(/current suppliers \(/);
  });

  it('leaves the criteria no product data supports to the organisation (consultation, income loss)', async () => {
    const au = await draft(t.orgA.id, 'au');
    expect(gapsOf(au, 'AU-16-1-f')).toHaveLength(1);
    expect(au.requirements.map((r) => r.citation)).toEqual(['s.13(2)']);
    const ca = await draft(t.orgA.id, 'ca');
    expect(gapsOf(ca, 'CA-11-3-e')).toHaveLength(1);
    expect(ca.sections.find((s) => s.criterionId === 'CA-11-3-e')!.blocks).toHaveLength(1);
  });
});

describe('statement files', async () => {
  const rendered = async (orgId: string, framework: StatementFramework) => {
    const d = await draft(orgId, framework);
    return { d, r: generator.render(d, META, () => {}) };
  };

  it.each(STATEMENT_FRAMEWORKS)(
    '%s: the PDF has every criterion heading and its gaps, passes qpdf',
    async (fw) => {
      const { d, r } = await rendered(t.orgA.id, fw);
      const bytes = await bytesOf(r.pdf);
      const file = path.join(dir, `${fw}.pdf`);
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const s of d.sections) expect(text).toContain(sectionHeading(s));
      expect(text).toContain('[GAP:');
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
        'No syntax or stream encoding errors',
      );
      const again = await bytesOf(generator.render(d, META, () => {}).pdf);
      expect(again.equals(bytes)).toBe(true);
    },
  );

  it('the DOCX is a zip whose document has every heading, and repeats byte for byte', async () => {
    const { d, r } = await rendered(emptyOrgId, 'ca');
    const first = await r.docx!();
    const second = await generator.render(d, META, () => {}).docx!();
    expect(second.equals(first)).toBe(true);
    const files = unzipSync(new Uint8Array(first));
    expect(Object.keys(files)).toContain('[Content_Types].xml');
    const xml = new TextDecoder().decode(files['word/document.xml']);
    for (const s of d.sections) expect(xml).toContain(sectionHeading(s));
    expect(xml).toContain('[GAP: ');
    const core = new TextDecoder().decode(files['docProps/core.xml']);
    expect(core).toContain('2026-11-30T10:00:00Z');
    const later = await generator.render(d, { ...META, issuedAt: new Date('2026-12-01T10:00:00Z') }, () => {})
      .docx!();
    expect(later.equals(first)).toBe(false);
  });

  it('the Markdown has one ## per criterion and marks every gap', async () => {
    const { d, r } = await rendered(t.orgA.id, 'au');
    const md = r.markdown!();
    const h2 = md.split('\n').filter((l) => l.startsWith('## '));
    expect(h2).toHaveLength(7);
    expect(h2[0]).toBe('## Identify the entity (s.16(1)(a))');
    const gaps =
      d.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'gap')).length + d.requirements.length;
    expect(md.match(/\[GAP: /g)).toHaveLength(gaps);
  });
});
