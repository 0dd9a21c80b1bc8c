import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createSupplier, createTestOrg, issuePaths } from '../../../test/factories.js';

let t: TestContext;
let officer: Client;
let executive: Client;
const s: Record<string, Supplier> = {};

// An organisation of its own, so that suppliers added by other tests never shift the pages asserted here.
beforeAll(async () => {
  t = await setupTestApp();
  const org = await createTestOrg(t, 'l');
  officer = await t.login(org.officer);
  executive = await t.login(org.executive);
  const add = async (key: string, body: Record<string, unknown>) => {
    s[key] = await createSupplier(officer, body);
  };
  await add('alpha', {
    name: 'Alpha Apparel',
    country: 'BD',
    goods: ['garments'],
    status: 'active',
    tags: ['strategic'],
  });
  await add('bravo', {
    name: 'Bravo Cotton',
    country: 'TM',
    goods: ['cotton'],
    tier: 2,
    tags: ['raw-material'],
  });
  await add('charlie', {
    name: 'Charlie Cocoa',
    country: 'CI',
    goods: ['cocoa'],
    status: 'suspended',
    tags: ['strategic', 'food'],
  });
  await add('delta', {
    name: 'Delta Danish',
    country: 'DK',
    goods: ['furniture'],
    tier: 3,
    status: 'active',
  });
  // Echo and Foxtrot stay never assessed: they are added while the organisation has no published policy
  // (with one, a supplier is assessed as it is added).
  const policyStatus = (from: string, to: string) =>
    t.owner.execute(sql`update policies set status = ${to} where org_id = ${org.id} and status = ${from}`);
  await policyStatus('published', 'retired');
  await add('echo', { name: 'Echo Unknown', country: 'IS', goods: ['quantum widgets'], status: 'active' });
  await add('foxtrot', {
    name: 'Foxtrot Ltd',
    legalName: 'Foxtrot Holdings 100%',
    country: 'GB',
    goods: [],
    externalRef: 'ERP-77',
  });
  await policyStatus('retired', 'published');
  for (const key of ['alpha', 'bravo', 'charlie', 'delta']) {
    const res = await officer.post(`/api/suppliers/${s[key]!.id}/assess`);
    expect(res.statusCode, res.body).toBe(201);
    s[key] = (await officer.get(`/api/suppliers/${s[key]!.id}`)).json();
  }
  // Open red flags at Alpha (two) and a closed one at Bravo: only an open flag counts.
  const flag = (supplier: Supplier, status: 'open' | 'closed') =>
    t.owner.execute(
      sql`insert into findings (org_id, supplier_id, assessment_id, kind, key, title, detail, severity, citation, status)
          values (${org.id}, ${supplier.id}, gen_random_uuid(), 'red_flag', 'identity_documents_retained',
            'Identity documents retained', 'x', 'critical', 'ILO', ${status})`,
    );
  await flag(s.alpha!, 'open');
  await flag(s.alpha!, 'open');
  await flag(s.bravo!, 'closed');
  // Delta's last assessment is two years old (the only way to age one is to rewrite the summary column).
  await t.owner.execute(
    sql`update suppliers set assessed_at = now() - interval '2 years' where id = ${s.delta!.id}`,
  );
});
afterAll(() => t?.close());

const list = async (query: string) => {
  const res = await executive.get(`/api/suppliers?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Supplier[]; total: number; limit: number; offset: number };
};
const names = async (query: string) => (await list(`${query}&sort=name&order=asc`)).items.map((i) => i.name);
const ALL = ['Alpha Apparel', 'Bravo Cotton', 'Charlie Cocoa', 'Delta Danish', 'Echo Unknown', 'Foxtrot Ltd'];

describe('GET /api/suppliers', () => {
  it('pages with limit and offset and reports the total', async () => {
    expect(await list('limit=2&offset=0&sort=name&order=asc')).toMatchObject({
      total: 6,
      limit: 2,
      offset: 0,
    });
    const pages = [
      ...(await names('limit=2&offset=0')),
      ...(await names('limit=2&offset=2')),
      ...(await names('limit=2&offset=4')),
    ];
    expect(pages).toEqual(ALL);
    expect(await list('offset=10')).toMatchObject({ items: [], total: 6 });
  });

  it('sorts by name both ways', async () => {
    expect(await names('')).toEqual(ALL);
    expect((await list('sort=name&order=desc')).items.map((i) => i.name)).toEqual([...ALL].reverse());
  });

  it('sorts by residual score, never-assessed suppliers last', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const items = (await list(`sort=residualScore&order=${order}`)).items;
      const scores = items.map((i) => i.risk?.residualScore ?? null);
      const known = scores.filter((v): v is number => v !== null);
      expect(known).toHaveLength(4);
      expect(known).toEqual([...known].sort((a, b) => (order === 'asc' ? a - b : b - a)));
      expect(scores.slice(4)).toEqual([null, null]);
    }
  });

  it('sorts by rating severity', async () => {
    const rank = { low: 1, medium: 2, high: 3, critical: 4 } as const;
    for (const order of ['asc', 'desc'] as const) {
      const ranks = (await list(`sort=rating&order=${order}`)).items.map((i) =>
        i.risk ? rank[i.risk.rating] : 0,
      );
      expect(ranks).toEqual([...ranks].sort((a, b) => (order === 'asc' ? a - b : b - a)));
    }
  });

  it.each([
    ['q on the name, any case', 'q=COTTON', ['Bravo Cotton']],
    ['q on the legal name', 'q=holdings', ['Foxtrot Ltd']],
    ['q on the external reference', 'q=erp-77', ['Foxtrot Ltd']],
    ['q with % taken literally', 'q=%25', ['Foxtrot Ltd']],
    ['q with _ taken literally', 'q=_', []],
    ['country, any case', 'country=tm', ['Bravo Cotton']],
    ['good, normalised ("Cotton lint" finds cotton)', 'good=Cotton%20lint', ['Bravo Cotton']],
    ['good, singular or plural', 'good=garment', ['Alpha Apparel']],
    ['tier', 'tier=2', ['Bravo Cotton']],
    ['status', 'status=suspended', ['Charlie Cocoa']],
    ['tag', 'tag=strategic', ['Alpha Apparel', 'Charlie Cocoa']],
    ['tag and status together', 'tag=strategic&status=active', ['Alpha Apparel']],
    ['rating none', 'rating=none', ['Echo Unknown', 'Foxtrot Ltd']],
    ['unassessed', 'unassessed=true', ['Echo Unknown', 'Foxtrot Ltd']],
    ['assessed more than 12 months ago', 'assessedBeforeMonths=12', ['Delta Danish']],
    ['an open red flag (once each, closed flags not counted)', 'redFlags=open', ['Alpha Apparel']],
  ])('filters by %s', async (_label, query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('filters by each rating', async () => {
    const assessed = Object.values(s).filter((x) => x.risk);
    expect(assessed).toHaveLength(4);
    for (const rating of ['low', 'medium', 'high', 'critical'] as const) {
      const expected = assessed.filter((x) => x.risk!.rating === rating).map((x) => x.name);
      expect(await names(`rating=${rating}`)).toEqual(expected.sort());
    }
  });

  it('summarises the latest assessment on each supplier', async () => {
    const bravo = (await list('q=bravo')).items[0]!;
    expect(bravo.risk).toMatchObject({ rating: expect.any(String), policyVersion: 1 });
    expect(bravo.risk!.residualScore).toBeGreaterThan(0);
    expect((await list('q=echo')).items[0]!.risk).toBeNull();
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['offset=-1', 'offset'],
    ['sort=password', 'sort'],
    ['order=up', 'order'],
    ['tier=0', 'tier'],
    ['tier=x', 'tier'],
    ['rating=severe', 'rating'],
    ['status=gone', 'status'],
    ['country=BGD', 'country'],
    ['assessedBeforeMonths=0', 'assessedBeforeMonths'],
    ['unassessed=yes', 'unassessed'],
    ['redFlags=closed', 'redFlags'],
    [`q=${'x'.repeat(201)}`, 'q'],
  ])('refuses the query %s with 400 naming %s', async (query, field) => {
    const res = await executive.get(`/api/suppliers?${query}`);
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toContain(field);
  });
});
