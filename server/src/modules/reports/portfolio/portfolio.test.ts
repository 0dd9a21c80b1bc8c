import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#shared/domain/questionnaires/schedule.js';
import type { DashboardSummary } from '#shared/schemas/dashboard.js';
import type { PortfolioReportParams } from '#shared/schemas/reports.js';
import { type Client, setupTestApp, type TestContext } from '../../../../test/app.js';
import { withTenant } from '../../../db/tenant.js';
import type { ReportMeta } from '../report-types.js';
import type { PortfolioReportData } from './data.js';
import { portfolioReport } from './index.js';
import { SINCE_DAYS, seedPortfolio, today } from './portfolio.fixture.js';

// The portfolio report as a reader gets it: the PDF's text (pdftotext) carries the dashboard's figures for the
// same filters, the changes since the day, and nothing of another organisation; qpdf accepts the file, and the
// same data and issue time give the same bytes.

let t: TestContext;
let executive: Client;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portfolio-report-'));

const meta = (): ReportMeta => ({
  registerNumber: 'CS-2026-000007',
  kind: 'portfolio',
  issuedAt: new Date(`${today()}T12:00:00Z`),
  organisation: { id: t.orgA.id, name: 'Org A' },
  issuedBy: { name: 'executive a' },
  policy: null,
  sources: [],
  auditHead: null,
  auditSignature: null,
});

const load = (params: Omit<PortfolioReportParams, 'kind'> = {}) =>
  withTenant(t.db, t.orgA.id, (tx) =>
    portfolioReport.load(tx, t.orgA.id, { kind: 'portfolio', ...params }, () => {}),
  );

const render = async (data: PortfolioReportData) => {
  const out = portfolioReport.render(data, meta(), () => {});
  const chunks: Buffer[] = [];
  for await (const chunk of out.pdf) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), pageCount: out.pageCount };
};

let file = 0;
/** The PDF on disk and its text in drawing order (pdftotext -raw; whitespace runs made single spaces). */
const textOf = (bytes: Buffer) => {
  const pdf = path.join(dir, `report-${++file}.pdf`);
  fs.writeFileSync(pdf, bytes);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return { pdf, text: text.replace(/\s+/g, ' ') };
};

/** The body of a section: from its heading's last occurrence (the first is the contents) to the next one's. */
const section = (text: string, heading: string, next: string) => {
  const from = text.lastIndexOf(heading);
  const to = text.indexOf(next, from + heading.length);
  expect(from, heading).toBeGreaterThan(-1);
  return text.slice(from, to === -1 ? undefined : to);
};

const dashboard = async (query = ''): Promise<DashboardSummary> => {
  const res = await executive.get(`/api/dashboard/summary${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** Every KPI tile and table figure of the dashboard, as the report must print it. */
const expectDashboardFigures = (text: string, s: DashboardSummary) => {
  const band = (b: string) => s.byRating.find((x) => x.band === b)!.suppliers;
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  const tiles = section(text, 'Overview', 'Suppliers and spend by rating');
  expect(tiles).toContain(
    `Suppliers ${s.suppliers} ${band('critical') + band('high')} rated high or critical`,
  );
  expect(tiles).toContain(
    `Coverage ${pct(s.coverage.share)} ${s.coverage.covered} of ${s.coverage.activeSuppliers} assessed on current answers; ${s.coverage.expiringSoon} expire within 30 days`,
  );
  expect(tiles).toContain(
    `Questionnaires outstanding ${s.questionnaires.outstanding} ${s.questionnaires.overdue} overdue, ${s.questionnaires.awaitingReview} awaiting review`,
  );
  expect(tiles).toMatch(
    new RegExp(`Overdue remediation ${s.remediation.overdue} of ${s.remediation.active} open tasks?`),
  );
  expect(tiles).toMatch(
    new RegExp(`Open red flags ${s.redFlags.open} at ${s.redFlags.suppliers} suppliers?`),
  );
  expect(tiles).toContain(
    `Risk accepted ${s.riskAccepted.total} ${s.riskAccepted.expiringSoon} expire within 30 days`,
  );

  const ratings = section(text, 'Suppliers and spend by rating', 'Suppliers by rating');
  for (const [band, label] of [
    ['critical', 'Critical'],
    ['high', 'High'],
    ['medium', 'Medium'],
    ['low', 'Low'],
    ['none', 'Not assessed'],
  ] as const) {
    expect(ratings).toContain(
      `${label} ${band === 'none' ? '' : ''}${s.byRating.find((b) => b.band === band)!.suppliers} `,
    );
  }
  for (const c of s.spend) expect(ratings).toContain(`Spend, ${c.currency}`);

  const remediation = section(text, 'Remediation progress', 'Remediation burn-down');
  for (const r of s.remediation.bySeverity) {
    const label = r.severity[0]!.toUpperCase() + r.severity.slice(1);
    expect(remediation).toContain(`${label} ${r.active} ${r.overdue}`);
  }
  expect(remediation).toContain(`All ${s.remediation.active} ${s.remediation.overdue}`);
};

beforeAll(async () => {
  t = await setupTestApp();
  await seedPortfolio(t, t.orgA.id, t.orgA.officer, true);
  await seedPortfolio(t, t.orgB.id, t.orgB.officer, false);
  executive = await t.login(t.orgA.executive);
}, 180_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the portfolio risk report PDF', () => {
  it("prints the dashboard's figures, the top risks and the changes since the day, and passes qpdf", async () => {
    const data = await load({ since: addDays(today(), -SINCE_DAYS) });
    const { bytes, pageCount } = await render(data);
    const { pdf, text } = textOf(bytes);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount).toBeGreaterThan(3);
    execFileSync('qpdf', ['--check', pdf]);

    expectDashboardFigures(text, await dashboard());
    expect(text).toContain('All current suppliers');

    const top = section(text, 'Top risks', 'Changes since');
    expect(top).toMatch(/1 Fresh Critical Dyeing India \(IN\) Critical 88 1 1 2 Steady Critical Tannery/);

    const since = section(text, 'New high-risk suppliers', 'Findings closed');
    expect(since).toContain('Fresh Critical Dyeing');
    expect(since).toContain('Risen Mill');
    expect(since).not.toContain('Old High Spinner');
    expect(since).not.toContain('Steady Critical Tannery');
    const closed = section(text, 'Findings closed', 'Rating moves');
    expect(closed).toContain('Return passports to workers');
    expect(text).not.toContain('Old wage audit');
    const moves = section(text, 'Rating moves', 'About this report');
    expect(moves).toContain('1 rating went up (riskier) and 1 went down');
    expect(moves).toMatch(/Improved Works High Low Down 2 70 20/);

    expect(text).not.toContain('Beta');
  });

  it('prints the filters and narrows every figure to the filtered suppliers', async () => {
    const data = await load({ since: addDays(today(), -SINCE_DAYS), filters: { country: 'IN' } });
    const { text } = textOf((await render(data)).bytes);
    expect(text).toContain('Filter: Country India (IN)');
    expectDashboardFigures(text, await dashboard('?country=IN'));
    expect(text).toContain('Suppliers 1 1 rated high or critical');
    expect(text).toContain('Fresh Critical Dyeing');
    expect(text).not.toContain('Risen Mill');
    expect(text).not.toContain('Return passports to workers');
    expect(text).not.toContain('Beta');
  });

  it('gives the same bytes for the same data and issue time', async () => {
    const first = await load({ filters: { tag: 'apparel' } });
    const second = await load({ filters: { tag: 'apparel' } });
    expect(second).toEqual(first);
    const [a, b] = [await render(first), await render(second)];
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(portfolioReport.title(first)).toBe('Portfolio risk report (filtered)');
  });
});
