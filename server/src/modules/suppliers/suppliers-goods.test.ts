import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOODS_SYNONYMS_VERSION } from '#shared/domain/reference/goods-synonyms.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createSupplier, createTestOrg } from '../../../test/factories.js';
import { rowsOf } from '../../db/tenant.js';
import { refreshGoodKeys } from './suppliers-goods.js';

let t: TestContext;
let officer: Client;
let other: Client;
const s: Record<string, Supplier> = {};

const stored = async (id: string) => {
  const [row] = rowsOf<{ good_keys: string[]; good_keys_version: string | null; revision: number }>(
    await t.owner.execute(sql`select good_keys, good_keys_version, revision from suppliers where id = ${id}`),
  );
  return row!;
};

// An organisation of its own, so that no other test's suppliers show up in these filters.
beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login((await createTestOrg(t, 'g')).officer);
  other = await t.login((await createTestOrg(t, 'h')).officer);
  const add = async (key: string, name: string, goods: string[]) => {
    s[key] = await createSupplier(officer, { name, country: 'MY', goods });
  };
  await add('palm', 'Palm Mill', ['Crude palm oil']);
  await add('yarn', 'Yarn Spinner', ['cotton yarn']);
  await add('cotton', 'Cotton Gin', ['Raw cotton']);
  await add('gems', 'Gem Cutter', ['rubies']);
  await add('tomato', 'Tomato Cannery', ['Tomato paste']);
  await add('widgets', 'Widget Works', ['Quantum widgets']);
  await add('thatch', 'Thatch Roofs', ['palm thatch']);
  // another organisation's supplier with the same good: never in this organisation's lists
  await createSupplier(other, { name: 'Other Palm', country: 'MY', goods: ['palm oil'] });
});
afterAll(() => t?.close());

const names = async (good: string) => {
  const res = await officer.get(`/api/suppliers?good=${encodeURIComponent(good)}&limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Supplier[] }).items.map((i) => i.name).sort();
};

describe('the list filter "good"', () => {
  it.each([
    ['a listed good by another wording, and the text', 'palm', ['Palm Mill', 'Thatch Roofs']],
    ['a family of listed goods', 'Palm Fruit', ['Palm Mill']],
    ['the text, case-insensitive substring', 'COTTON', ['Cotton Gin', 'Yarn Spinner']],
    ['the matched good', 'cotton lint', ['Cotton Gin']],
    ['a general word finds the specific good', 'gems', ['Gem Cutter']],
    ['raw goods and their products', 'tomatoes', ['Tomato Cannery']],
    ['a good not recognised, by its text', 'widget', ['Widget Works']],
    ['part of a word', 'thatc', ['Thatch Roofs']],
    ['% taken literally', '%', []],
    ['nothing alike', 'zinc', []],
  ])('finds %s: %j', async (_label, good, expected) => {
    expect(await names(good)).toEqual(expected);
  });

  it('is refused past 100 characters, naming the field', async () => {
    const res = await officer.get(`/api/suppliers?good=${'x'.repeat(101)}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('good');
  });
});

describe('stored good_keys', () => {
  it('are written with the synonym table version on create and on every change of goods', async () => {
    expect(await stored(s.palm!.id)).toMatchObject({
      good_keys: ['palm'],
      good_keys_version: GOODS_SYNONYMS_VERSION,
    });
    const res = await officer.patch(`/api/suppliers/${s.yarn!.id}`, {
      goods: ['cotton t-shirts', 'Solar panels'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await stored(s.yarn!.id)).good_keys).toEqual(['garment', 'solar']);
  });

  it('are recomputed, across organisations and as the owner, when computed under another version', async () => {
    const before = await stored(s.tomato!.id);
    await t.owner.execute(
      sql`update suppliers set good_keys = '{tomato product}', good_keys_version = null where id = ${s.tomato!.id}`,
    );
    await t.owner.execute(sql`update suppliers set good_keys_version = '1' where name = 'Other Palm'`);
    // stale keys: only the text would find it now
    expect(await names('tomatoes')).toEqual([]);
    expect(await names('tomato')).toEqual(['Tomato Cannery']);

    const refreshed = await refreshGoodKeys((q) => t.owner.execute(q), 1);
    expect(refreshed).toBe(2);
    const after = await stored(s.tomato!.id);
    expect(after).toEqual({ ...before, good_keys: ['tomato'], good_keys_version: GOODS_SYNONYMS_VERSION });
    expect(await names('tomatoes')).toEqual(['Tomato Cannery']);
    // nothing left to do: a second run (the next start) touches no row
    expect(await refreshGoodKeys((q) => t.owner.execute(q))).toBe(0);
  });

  it('also when a newer version wrote them (a rollback); with nothing to do, the scan reads an index', async () => {
    await t.owner.execute(sql`update suppliers set good_keys_version = '~newer' where id = ${s.tomato!.id}`);
    expect(await refreshGoodKeys((q) => t.owner.execute(q))).toBe(1);
    expect((await stored(s.tomato!.id)).good_keys_version).toBe(GOODS_SYNONYMS_VERSION);

    // The usual start: one query, which finds nothing. On a register of some size (20,000 copies of a
    // supplier, all current, with the statistics a live database keeps), suppliers_good_keys_version_idx
    // answers it: each of null, below and above the version is an index condition, not a filter on every row.
    await t.owner.execute(sql`
      insert into suppliers
      select r.* from suppliers s, generate_series(1, 20000) n,
        lateral jsonb_populate_record(null::suppliers,
          to_jsonb(s) || jsonb_build_object('id', md5(n::text || s.id::text)::uuid, 'external_ref', null)) r
      where s.id = ${s.tomato!.id}`);
    await t.owner.execute(sql`analyze suppliers`);
    const queries: SQL[] = [];
    const none = await refreshGoodKeys((q) => {
      queries.push(q);
      return t.owner.execute(q);
    });
    expect([none, queries.length]).toEqual([0, 1]);
    const plan = rowsOf<{ 'QUERY PLAN': string }>(await t.owner.execute(sql`explain ${queries[0]!}`));
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('Bitmap Index Scan on suppliers_good_keys_version_idx');
    expect(text).toMatch(/Index Cond: \(+good_keys_version IS NULL\)/);
    expect(text).toMatch(/Index Cond: \(+good_keys_version < /);
    expect(text).toMatch(/Index Cond: \(+good_keys_version > /);
  });
});
