import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#shared/domain/questionnaires/schedule.js';
import type { DashboardSummary } from '#shared/schemas/dashboard.js';
import type { PortfolioReportParams } from '#shared/schemas/reports.js';
import { type Client, setupTestApp, type TestContext } from '../../../../test/app.js';
import { withTenant } from '../../../db/tenant.js';
import { supplierFilter } from '../../suppliers/suppliers.repo.js';
import { loadPortfolio } from './load.js';
import { SINCE_DAYS, seedPortfolio, today } from './portfolio.fixture.js';

// The report's data: the dashboard's own figures for the same filters, the riskiest suppliers, and the
// changes since a day from the assessment history and the tasks; never another organisation's rows.

let t: TestContext;
let executive: Client;
const load = loadPortfolio({ supplierFilter });
const since = () => addDays(today(), -SINCE_DAYS);
const read = (params: Omit<PortfolioReportParams, 'kind'> = {}, orgId = t.orgA.id) =>
  withTenant(t.db, orgId, (tx) => load(tx, orgId, { kind: 'portfolio', ...params }, () => {}));

beforeAll(async () => {
  t = await setupTestApp();
  await seedPortfolio(t, t.orgA.id, t.orgA.officer, true);
  await seedPortfolio(t, t.orgB.id, t.orgB.officer, false);
  executive = await t.login(t.orgA.executive);
}, 180_000);
afterAll(() => t?.close());

const dashboard = async (query = ''): Promise<DashboardSummary> => {
  const res = await executive.get(`/api/dashboard/summary${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('portfolio report data', () => {
  it('carries the dashboard summary for the same filters, figure for figure', async () => {
    expect((await read()).summary).toEqual(await dashboard());
    expect((await read({ filters: { country: 'BD' } })).summary).toEqual(await dashboard('?country=BD'));
    expect((await read({ filters: { tag: 'apparel', tier: 1 } })).summary).toEqual(
      await dashboard('?tag=apparel&tier=1'),
    );
  });

  it('lists the riskiest assessed suppliers with their open findings and active tasks', async () => {
    const { topRisks } = await read();
    expect(topRisks.map((r) => r.name)).toEqual([
      'Fresh Critical Dyeing',
      'Steady Critical Tannery',
      'Risen Mill',
      'Old High Spinner',
      'Improved Works',
    ]);
    expect(topRisks[0]).toEqual({
      name: 'Fresh Critical Dyeing',
      country: 'IN',
      rating: 'critical',
      residualScore: 88,
      openFindings: 1,
      openTasks: 1,
    });
    expect(topRisks[2]).toMatchObject({ name: 'Risen Mill', openFindings: 1, openTasks: 1 });
    expect(topRisks[1]).toMatchObject({ name: 'Steady Critical Tannery', openFindings: 0, openTasks: 0 });
  });

  it('finds the changes since the day: new high risks, closed tasks and rating moves, none from before', async () => {
    const data = await read({ since: since() });
    expect(data.since).toBe(since());
    const { newHighRisk, closedTasks, ratingMoves } = data.changes;
    expect(newHighRisk.total).toBe(2);
    expect(newHighRisk.items).toEqual([
      {
        name: 'Fresh Critical Dyeing',
        country: 'IN',
        rating: 'critical',
        residualScore: 88,
        was: null,
        on: addDays(today(), -3),
      },
      {
        name: 'Risen Mill',
        country: 'BD',
        rating: 'high',
        residualScore: 66,
        was: 'medium',
        on: addDays(today(), -10),
      },
    ]);
    expect(closedTasks).toEqual({
      total: 1,
      items: [
        {
          supplier: 'Risen Mill',
          title: 'Return passports to workers',
          severity: 'critical',
          on: addDays(today(), -5),
        },
      ],
    });
    expect(ratingMoves).toEqual({
      total: 2,
      up: 1,
      down: 1,
      items: [
        { name: 'Improved Works', from: 'high', to: 'low', fromScore: 70, toScore: 20 },
        { name: 'Risen Mill', from: 'medium', to: 'high', fromScore: 40, toScore: 66 },
      ],
    });
  });

  it('looks back 90 days by default, so earlier changes count too', async () => {
    const data = await read();
    expect(data.since).toBe(addDays(today(), -90));
    // The tannery's first assessment (60 days ago) falls inside the window now: unrated before it.
    expect(data.changes.newHighRisk.items.map((s) => s.name)).toEqual([
      'Fresh Critical Dyeing',
      'Steady Critical Tannery',
      'Risen Mill',
      'Old High Spinner',
    ]);
    expect(data.changes.closedTasks.total).toBe(2);
  });

  it('narrows every part to the filtered suppliers', async () => {
    const data = await read({ since: since(), filters: { country: 'IN' } });
    expect(data.summary.suppliers).toBe(1);
    expect(data.topRisks.map((r) => r.name)).toEqual(['Fresh Critical Dyeing']);
    expect(data.changes.newHighRisk.items.map((s) => s.name)).toEqual(['Fresh Critical Dyeing']);
    expect(data.changes.closedTasks.total).toBe(0);
    expect(data.changes.ratingMoves.total).toBe(0);
  });

  it("never reads another organisation's suppliers, tasks or history", async () => {
    const a = JSON.stringify(await read({ since: since() }));
    expect(a).not.toContain('Beta');
    const b = await read({ since: since() }, t.orgB.id);
    expect(b.summary.suppliers).toBe(1);
    expect(b.topRisks.map((r) => r.name)).toEqual(['Beta Secret Mill']);
    expect(b.changes.closedTasks.items.map((c) => c.title)).toEqual(['Beta hidden task']);
  });

  it('refuses a day after the issue day, naming the field', async () => {
    await expect(read({ since: addDays(today(), 1) })).rejects.toMatchObject({
      code: 'unprocessable',
      issues: [{ path: 'since' }],
    });
  });
});
