import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, utcDay } from '#shared/domain/questionnaires/schedule.js';
import type { DashboardSummary } from '#shared/schemas/dashboard.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { issuePaths, userIdOf } from '../../../test/factories.js';
import { publishSampleTemplate } from '../../../test/questionnaires.js';
import { insertRatedSupplier } from '../../../test/rated-suppliers.js';
import { findings, questionnaireAssignments } from '../../db/schema/assignments.js';
import { policies } from '../../db/schema/scoring.js';
import type { suppliers } from '../../db/schema/suppliers.js';
import { remediationTasks } from '../../db/schema/tasks.js';

// GET /api/dashboard/summary against a small register written as the owner, whose every figure is counted by
// hand below. Organisation B holds a copy of the riskiest parts: none of it may show in A's figures.

let t: TestContext;
let executive: Client;
const today = utcDay(new Date());
const now = new Date();
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12));

type Rating = 'low' | 'medium' | 'high' | 'critical';

const seedOrg = async (orgId: string, email: string, officerEmail: string, full: boolean) => {
  const officer = await t.login(officerEmail);
  const templateId = await publishSampleTemplate(officer);
  const userId = await userIdOf(t, email);
  const [policy] = await t.owner
    .insert(policies)
    .values({ orgId, name: 'Dashboard fixture', document: {} })
    .returning({ id: policies.id });
  // Assessed "now" whatever the history's dates: coverage counts a current assessment.
  const supplier = (
    name: string,
    over: Partial<typeof suppliers.$inferInsert>,
    assessed?: { rating: Rating; residual: number; at?: Date }[],
  ) =>
    insertRatedSupplier(
      t,
      orgId,
      policy!.id,
      { name, ...over },
      (assessed ?? []).map((a) => ({ rating: a.rating, residual: a.residual, at: a.at ?? new Date() })),
      new Date(),
    );
  const questionnaire = (
    supplierId: string,
    status: 'sent' | 'in_progress' | 'submitted' | 'accepted',
    due: string,
    validUntil?: string,
  ) =>
    t.owner.insert(questionnaireAssignments).values({
      orgId,
      supplierId,
      templateId,
      status,
      dueDate: due,
      ...(status === 'submitted' || status === 'accepted' ? { submittedAt: new Date() } : {}),
      ...(status === 'accepted' ? { acceptedAt: new Date(), acceptedBy: userId, validUntil } : {}),
    });
  const task = (supplierId: string, severity: Rating, status: string, due: string, over = {}) =>
    t.owner.insert(remediationTasks).values({
      orgId,
      supplierId,
      title: `${severity} ${status}`,
      severity,
      status: status as 'open',
      dueDate: due,
      createdBy: userId,
      ...(status === 'pending_verification' ? { submittedAt: new Date(), submittedByUserId: userId } : {}),
      ...(status === 'closed' ? { closedAt: new Date(), closedBy: userId } : {}),
      ...over,
    });
  const accepted = (until: string) => ({
    riskAcceptanceJustification: 'Compensating audit',
    riskAcceptedUntil: until,
    riskAcceptedBy: userId,
    riskAcceptedAt: new Date(),
  });
  const finding = (supplierId: string, kind: 'red_flag' | 'criterion', status: 'open' | 'closed') =>
    t.owner.insert(findings).values({
      orgId,
      supplierId,
      assessmentId: randomUUID(),
      kind,
      key: 'identity_documents_retained',
      title: 'Identity documents retained',
      detail: 'x',
      severity: 'critical',
      citation: 'ILO',
      status,
    });

  const s1 = await supplier(
    'Cotton Mill',
    { goods: ['Cotton', 'garments'], tags: ['apparel'], annualSpend: 1000 },
    [
      { rating: 'high', residual: 70, at: new Date(Date.now() - 60_000) },
      { rating: 'critical', residual: 80 },
    ],
  );
  const archived = await supplier('Archived Mill', { goods: ['garments'], archivedAt: new Date() }, [
    { rating: 'critical', residual: 95 },
  ]);
  await task(archived, 'critical', 'open', addDays(today, -1));
  await questionnaire(archived, 'sent', addDays(today, -3));
  await finding(archived, 'red_flag', 'open');
  await finding(s1, 'red_flag', 'open');
  await task(s1, 'critical', 'open', addDays(today, -1));
  if (!full) return;

  const s2 = await supplier('Garment Works', { goods: ['garments'], tags: ['apparel'], annualSpend: 3000 }, [
    { rating: 'high', residual: 60 },
  ]);
  const s3 = await supplier(
    'Yarn Spinner',
    { country: 'IN', tier: 2, goods: ['cotton'], annualSpend: 6000 },
    [{ rating: 'low', residual: 20, at: lastMonth }],
  );
  const s4 = await supplier('Unknown Trader', { country: 'IN', annualSpend: 500, currency: 'EUR' });

  await questionnaire(s1, 'accepted', addDays(today, -200), addDays(today, 10));
  await questionnaire(s2, 'accepted', addDays(today, -200), addDays(today, 100));
  await questionnaire(s3, 'accepted', addDays(today, -400), addDays(today, -1));
  await questionnaire(s1, 'sent', addDays(today, -1));
  await questionnaire(s2, 'submitted', addDays(today, -1));
  await questionnaire(s4, 'in_progress', addDays(today, 5));

  await task(s1, 'high', 'in_progress', addDays(today, 5));
  await task(s2, 'high', 'pending_verification', addDays(today, -1));
  await task(s3, 'medium', 'closed', addDays(today, -1));
  await task(s2, 'low', 'risk_accepted', addDays(today, -30), accepted(addDays(today, 10)));
  await task(s3, 'low', 'risk_accepted', addDays(today, -30), accepted(addDays(today, 60)));

  await finding(s1, 'red_flag', 'open');
  await finding(s2, 'red_flag', 'closed');
  await finding(s3, 'criterion', 'open');
};

beforeAll(async () => {
  t = await setupTestApp();
  await seedOrg(t.orgA.id, t.orgA.officer, t.orgA.officer, true);
  await seedOrg(t.orgB.id, t.orgB.officer, t.orgB.officer, false);
  executive = await t.login(t.orgA.executive);
}, 60_000);
afterAll(() => t?.close());

const summary = async (client: Client, query = ''): Promise<DashboardSummary> => {
  const res = await client.get(`/api/dashboard/summary${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const bands = (s: DashboardSummary) => Object.fromEntries(s.byRating.map((b) => [b.band, b.suppliers]));

describe('GET /api/dashboard/summary', () => {
  it('counts the register, spend, coverage, work and risk as computed by hand (archived and B left out)', async () => {
    const s = await summary(executive);
    expect(s.today).toBe(today);
    expect(s.suppliers).toBe(4);
    expect(bands(s)).toEqual({ critical: 1, high: 1, medium: 0, low: 1, none: 1 });
    expect(s.spend).toEqual([
      {
        currency: 'USD',
        suppliers: 3,
        total: 10000,
        byBand: [
          { band: 'critical', amount: 1000, share: 0.1 },
          { band: 'high', amount: 3000, share: 0.3 },
          { band: 'medium', amount: 0, share: 0 },
          { band: 'low', amount: 6000, share: 0.6 },
          { band: 'none', amount: 0, share: 0 },
        ],
      },
      {
        currency: 'EUR',
        suppliers: 1,
        total: 500,
        byBand: [
          { band: 'critical', amount: 0, share: 0 },
          { band: 'high', amount: 0, share: 0 },
          { band: 'medium', amount: 0, share: 0 },
          { band: 'low', amount: 0, share: 0 },
          { band: 'none', amount: 500, share: 1 },
        ],
      },
    ]);
    expect(s.coverage).toEqual({
      activeSuppliers: 4,
      covered: 2,
      share: 0.5,
      expiringSoon: 1,
      expired: 1,
      expiringWithinDays: 30,
    });
    expect(s.questionnaires).toEqual({ outstanding: 3, overdue: 1, awaitingReview: 1 });
    expect(s.remediation).toEqual({
      active: 3,
      overdue: 2,
      bySeverity: [
        { severity: 'critical', active: 1, overdue: 1 },
        { severity: 'high', active: 2, overdue: 1 },
        { severity: 'medium', active: 0, overdue: 0 },
        { severity: 'low', active: 0, overdue: 0 },
      ],
    });
    expect(s.redFlags).toEqual({ open: 2, suppliers: 1 });
    expect(s.riskAccepted).toEqual({ total: 2, expiringSoon: 1, expiringWithinDays: 30 });
  });

  it('builds the heat map, the monthly trend and the weekly burn-down', async () => {
    const s = await summary(executive);
    expect(s.heatMap.countries).toEqual(['BD', 'IN']);
    expect(s.heatMap.goods).toEqual(['cotton', 'garments']);
    const cell = (country: string, good: string) =>
      s.heatMap.cells.find((c) => c.country === country && c.good === good);
    expect(cell('BD', 'garments')).toEqual({
      country: 'BD',
      good: 'garments',
      suppliers: 2,
      assessed: 2,
      avgResidual: 70,
      highOrCritical: 2,
    });
    expect(cell('BD', 'cotton')).toMatchObject({ suppliers: 1, avgResidual: 80, highOrCritical: 1 });
    expect(cell('IN', 'cotton')).toMatchObject({ suppliers: 1, avgResidual: 20, highOrCritical: 0 });
    expect(s.heatMap.cells).toHaveLength(3);

    expect(s.trend).toHaveLength(12);
    // This month: the mill's two assessments (high 70, then critical 80) and the works' (high 60).
    expect(s.trend.at(-1)).toEqual({
      month: today.slice(0, 7),
      assessed: 3,
      avgResidual: 70,
      low: 0,
      medium: 0,
      high: 2,
      critical: 1,
    });
    expect(s.trend.at(-2)).toMatchObject({ assessed: 1, avgResidual: 20, low: 1 });
    expect(s.trend.slice(0, -2).every((m) => m.assessed === 0 && m.avgResidual === null)).toBe(true);

    expect(s.burnDown).toHaveLength(26);
    expect(s.burnDown.at(-1)).toMatchObject({ opened: 6, closed: 1 });
    expect(s.burnDown.slice(0, -1).every((w) => w.opened === 0 && w.closed === 0)).toBe(true);
    expect(new Date(`${s.burnDown.at(-1)!.week}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('applies country, tag, tier and good filters to every figure', async () => {
    const bd = await summary(executive, '?country=bd');
    expect(bd.suppliers).toBe(2);
    expect(bd.remediation).toMatchObject({ active: 3, overdue: 2 });
    expect(bd.riskAccepted).toMatchObject({ total: 1, expiringSoon: 1 });
    expect(bd.questionnaires).toEqual({ outstanding: 2, overdue: 1, awaitingReview: 1 });
    expect(bd.coverage).toMatchObject({ activeSuppliers: 2, covered: 2, share: 1 });
    expect(bd.heatMap.countries).toEqual(['BD']);

    const apparel = await summary(executive, '?tag=apparel');
    expect(bands(apparel)).toEqual({ critical: 1, high: 1, medium: 0, low: 0, none: 0 });
    expect(apparel.redFlags).toEqual({ open: 2, suppliers: 1 });

    const tier2 = await summary(executive, '?tier=2');
    expect(tier2.suppliers).toBe(1);
    expect(tier2.redFlags.open).toBe(0);
    expect(tier2.riskAccepted).toMatchObject({ total: 1, expiringSoon: 0 });
    expect(tier2.burnDown.at(-1)).toMatchObject({ opened: 2, closed: 1 });
    expect(tier2.trend.at(-2)).toMatchObject({ assessed: 1, low: 1 });

    const cotton = await summary(executive, '?good=cotton');
    expect(bands(cotton)).toEqual({ critical: 1, high: 0, medium: 0, low: 1, none: 0 });

    const nothing = await summary(executive, '?country=FR');
    expect(nothing.suppliers).toBe(0);
    expect(nothing.coverage.share).toBe(0);
    expect(nothing.spend).toEqual([]);
    expect(nothing.heatMap).toEqual({ countries: [], goods: [], cells: [] });
  });

  it('shows organisation B only its own register, to every role, and none to the signed out', async () => {
    for (const email of [t.orgB.admin, t.orgB.officer, t.orgB.executive]) {
      const s = await summary(await t.login(email));
      expect(s.suppliers).toBe(1);
      expect(bands(s)).toEqual({ critical: 1, high: 0, medium: 0, low: 0, none: 0 });
      expect(s.remediation).toMatchObject({ active: 1, overdue: 1 });
      expect(s.redFlags).toEqual({ open: 1, suppliers: 1 });
      expect(s.questionnaires.outstanding).toBe(0);
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/dashboard/summary' });
    expect(res.statusCode).toBe(401);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    for (const [query, field] of [
      ['?tier=abc', 'tier'],
      ['?tier=0', 'tier'],
      ['?country=XYZ', 'country'],
      [`?tag=${'x'.repeat(51)}`, 'tag'],
      [`?good=${'y'.repeat(101)}`, 'good'],
    ] as const) {
      const res = await executive.get(`/api/dashboard/summary${query}`);
      expect(res.statusCode, query).toBe(400);
      expect([...new Set(issuePaths(res))]).toEqual([field]);
    }
  });
});
