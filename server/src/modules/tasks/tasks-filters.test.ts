import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createSupplier, issuePaths } from '../../../test/factories.js';

// The board's supplier-side filters (tag, country, tier, good): the dashboard's filters carried onto the task
// list, with the supplier list's meaning (a task matches when its supplier does and is not archived).

let t: TestContext;
let a: Client;
let b: Client;
const titles: Record<string, string> = {};

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const task = async (client: Client, supplierId: string, title: string) => {
  const res = await client.post('/api/tasks', { supplierId, title, severity: 'high', dueDate: inDays(10) });
  expect(res.statusCode, res.body).toBe(201);
  titles[title] = res.json().id;
};
const listed = async (client: Client, query: string) => {
  const res = await client.get(`/api/tasks?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return {
    total: res.json().total as number,
    titles: res
      .json()
      .items.map((x: { title: string }) => x.title)
      .sort(),
  };
};

beforeAll(async () => {
  t = await setupTestApp();
  a = await t.login(t.orgA.admin);
  b = await t.login(t.orgB.admin);
  const cn = await createSupplier(a, {
    name: 'Shenzhen Cotton',
    country: 'CN',
    goods: ['cotton yarn'],
    tags: ['apparel'],
  });
  const bd = await createSupplier(a, {
    name: 'Dhaka Cocoa',
    country: 'BD',
    goods: ['cocoa'],
    tags: ['food'],
  });
  const cn2 = await createSupplier(a, {
    name: 'Tier Two CN',
    country: 'CN',
    tier: 2,
    parentId: cn.id,
    goods: ['rubber'],
  });
  const gone = await createSupplier(a, {
    name: 'Archived CN',
    country: 'CN',
    goods: ['cotton'],
    tags: ['apparel'],
  });
  await task(a, cn.id, 'cn-1');
  await task(a, bd.id, 'bd-1');
  await task(a, cn2.id, 'cn2-1');
  await task(a, gone.id, 'gone-1');
  expect((await a.delete(`/api/suppliers/${gone.id}`)).statusCode).toBe(200);
  // Another organisation's matching supplier and task: never in A's answers.
  const other = await createSupplier(b, {
    name: 'B Cotton',
    country: 'CN',
    goods: ['cotton'],
    tags: ['apparel'],
  });
  await task(b, other.id, 'b-1');
});
afterAll(() => t?.close());

describe('GET /api/tasks by the dashboard filters', () => {
  it('filters by country, tier, tag and good as the supplier list does; archived suppliers drop out', async () => {
    expect(await listed(a, '')).toEqual({ total: 4, titles: ['bd-1', 'cn-1', 'cn2-1', 'gone-1'] });
    expect(await listed(a, 'country=cn')).toEqual({ total: 2, titles: ['cn-1', 'cn2-1'] });
    expect(await listed(a, 'country=CN&tier=1')).toEqual({ total: 1, titles: ['cn-1'] });
    expect(await listed(a, 'tier=2')).toEqual({ total: 1, titles: ['cn2-1'] });
    expect(await listed(a, 'tag=food')).toEqual({ total: 1, titles: ['bd-1'] });
    // "cotton" finds "cotton yarn", as on the register.
    expect(await listed(a, 'good=cotton')).toEqual({ total: 1, titles: ['cn-1'] });
    expect(await listed(a, 'good=cotton&severity=low')).toEqual({ total: 0, titles: [] });
    expect(await listed(a, 'tag=apparel&status=open&overdue=false')).toEqual({ total: 1, titles: ['cn-1'] });
  });

  it("another organisation's tasks never match, and its own filter sees only its own", async () => {
    expect(await listed(b, 'country=CN&tag=apparel')).toEqual({ total: 1, titles: ['b-1'] });
    expect(await listed(a, 'tag=apparel')).toEqual({ total: 1, titles: ['cn-1'] });
  });

  it('refuses bad values with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['country=CHN', 'country'],
      ['tier=0', 'tier'],
      ['tier=abc', 'tier'],
      [`tag=${'x'.repeat(51)}`, 'tag'],
      [`good=${'x'.repeat(101)}`, 'good'],
    ] as const) {
      const res = await a.get(`/api/tasks?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect([...new Set(issuePaths(res))], query).toEqual([field]);
    }
  });
});
