import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, utcDay } from '#shared/domain/questionnaires/schedule.js';
import type { DashboardSummary } from '#shared/schemas/dashboard.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createSupplier, issuePaths, userIdOf } from '../../../test/factories.js';
import { remediationTasks } from '../../db/schema/tasks.js';

// The board's week filters (openedWeek, closedWeek): a burn-down bar of the dashboard opens exactly the tasks
// it counts. Tasks are written as the owner with chosen creation and closure instants around a week's edges
// (Monday 00:00 UTC), a closure undone by a reopening, an archived supplier's tasks and another organisation's.

let t: TestContext;
let a: Client;
let b: Client;

const now = new Date();
const thisMonday = addDays(utcDay(now), -((now.getUTCDay() + 6) % 7));
/** The week under test: three weeks back, well inside the burn-down's 26. */
const week = addDays(thisMonday, -21);
const at = (day: string, ms = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + ms);
const nextWeek = addDays(week, 7);

const listed = async (client: Client, query: string) => {
  const res = await client.get(`/api/tasks?${query}&limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { total: number; items: { title: string }[] };
  return { total: body.total, titles: body.items.map((x) => x.title).sort() };
};
const summary = async (client: Client, query = '') => {
  const res = await client.get(`/api/dashboard/summary${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DashboardSummary;
};

beforeAll(async () => {
  t = await setupTestApp();
  a = await t.login(t.orgA.admin);
  b = await t.login(t.orgB.admin);
  const seed = async (client: Client, orgId: string, email: string) => {
    const userId = await userIdOf(t, email);
    const cn = await createSupplier(client, { name: 'Shenzhen Cotton', country: 'CN', goods: ['cotton'] });
    const bd = await createSupplier(client, { name: 'Dhaka Knit', country: 'BD', goods: ['knitwear'] });
    const task = (
      supplierId: string,
      title: string,
      createdAt: Date,
      closure?: { at: Date; status?: 'closed' | 'open' },
    ) =>
      t.owner.insert(remediationTasks).values({
        orgId,
        supplierId,
        title,
        severity: 'high',
        dueDate: addDays(utcDay(now), 30),
        createdBy: userId,
        createdAt,
        ...(closure
          ? { status: closure.status ?? 'closed', closedAt: closure.at, closedBy: userId }
          : { status: 'open' }),
      });
    // Opened on the week's first and last instants, and either side of it.
    await task(cn.id, 'opened-first-instant', at(week));
    await task(bd.id, 'opened-last-instant', at(nextWeek, -1));
    await task(cn.id, 'opened-week-before', at(week, -1));
    await task(bd.id, 'opened-week-after', at(nextWeek));
    // Opened in the week and closed in it too: one bar of each.
    await task(cn.id, 'opened-and-closed', at(week, 3_600_000), { at: at(addDays(week, 4)) });
    // Closed in the week, opened long before; closed the week after.
    await task(bd.id, 'closed-in-week', at(addDays(week, -30)), { at: at(nextWeek, -1) });
    await task(cn.id, 'closed-week-after', at(addDays(week, -30)), { at: at(nextWeek) });
    // Its closure was undone (reopened): no longer counted as closed, whatever the old instant says.
    await task(bd.id, 'reopened', at(addDays(week, -30)), { at: at(addDays(week, 2)), status: 'open' });
    // An archived supplier's tasks: the dashboard does not count them.
    const gone = await createSupplier(client, { name: 'Archived Mill', country: 'CN' });
    await task(gone.id, 'archived-opened', at(addDays(week, 1)));
    await task(gone.id, 'archived-closed', at(addDays(week, -30)), { at: at(addDays(week, 1)) });
    expect((await client.delete(`/api/suppliers/${gone.id}`)).statusCode).toBe(200);
  };
  await seed(a, t.orgA.id, t.orgA.admin);
  await seed(b, t.orgB.id, t.orgB.admin);
  // Only B: another week's task, so the two organisations' figures differ.
  const extra = await createSupplier(b, { name: 'B Only', country: 'CN' });
  await t.owner.insert(remediationTasks).values({
    orgId: t.orgB.id,
    supplierId: extra.id,
    title: 'b-only',
    severity: 'low',
    status: 'open',
    dueDate: addDays(utcDay(now), 30),
    createdAt: at(week, 5_000),
  });
});
afterAll(() => t?.close());

describe('GET /api/tasks by the burn-down week', () => {
  it('lists the tasks opened, and closed, in the week, edges included', async () => {
    expect(await listed(a, `openedWeek=${week}`)).toEqual({
      total: 3,
      titles: ['opened-and-closed', 'opened-first-instant', 'opened-last-instant'],
    });
    expect(await listed(a, `closedWeek=${week}`)).toEqual({
      total: 2,
      titles: ['closed-in-week', 'opened-and-closed'],
    });
    // With the board's other filters and the dashboard's.
    expect(await listed(a, `openedWeek=${week}&status=closed`)).toEqual({
      total: 1,
      titles: ['opened-and-closed'],
    });
    expect(await listed(a, `closedWeek=${week}&country=BD`)).toEqual({
      total: 1,
      titles: ['closed-in-week'],
    });
    expect(await listed(a, `openedWeek=${week}&closedWeek=${week}`)).toEqual({
      total: 1,
      titles: ['opened-and-closed'],
    });
  });

  it("answers each week's burn-down figures, with and without the dashboard's filters", async () => {
    for (const filter of ['', 'country=CN', 'country=BD', 'tier=2']) {
      const s = await summary(a, filter ? `?${filter}` : '');
      expect(
        s.burnDown.find((w) => w.week === week),
        filter,
      ).toMatchObject({
        opened: filter === 'tier=2' ? 0 : filter ? (filter === 'country=CN' ? 2 : 1) : 3,
      });
      for (const w of s.burnDown) {
        const opened = await listed(a, `openedWeek=${w.week}${filter ? `&${filter}` : ''}`);
        const closed = await listed(a, `closedWeek=${w.week}${filter ? `&${filter}` : ''}`);
        expect([opened.total, closed.total], `${w.week} ${filter}`).toEqual([w.opened, w.closed]);
      }
    }
  });

  it("never lists another organisation's tasks", async () => {
    expect(await listed(b, `openedWeek=${week}`)).toEqual({
      total: 4,
      titles: ['b-only', 'opened-and-closed', 'opened-first-instant', 'opened-last-instant'],
    });
    expect((await summary(b)).burnDown.find((w) => w.week === week)?.opened).toBe(4);
    expect((await listed(a, `openedWeek=${week}`)).total).toBe(3);
  });

  it('refuses a bad week with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['openedWeek=yesterday', 'openedWeek'],
      ['openedWeek=2026-02-30', 'openedWeek'],
      [`openedWeek=${addDays(week, 1)}`, 'openedWeek'],
      [`closedWeek=${addDays(week, 6)}`, 'closedWeek'],
      ['closedWeek=16/11/2026', 'closedWeek'],
    ] as const) {
      const res = await a.get(`/api/tasks?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect([...new Set(issuePaths(res))], query).toEqual([field]);
    }
    const res = await a.get(`/api/tasks?openedWeek=${addDays(week, 2)}`);
    expect(res.json().error.issues[0].message).toMatch(/Monday/);
  });
});
