import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createSupplier, issuePaths } from '../../../test/factories.js';
import { withTenant } from '../../db/tenant.js';
import { recomputeChainRisk, rollUpChainRisk } from './suppliers-chain.repo.js';

// Chain risk (issue 8, defect 5): the highest residual risk in a supplier's sub-tree, itself included.

let t: TestContext;
let officer: Client;
let executive: Client;
let officerB: Client;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
  officerB = await t.login(t.orgB.officer);
});
afterAll(() => t?.close());

const LOW = { country: 'DE', goods: ['software'] };
const RISKY = {
  country: 'TM',
  goods: ['cotton'],
  headcount: 100,
  migrantWorkerShare: 60,
  agencyWorkerShare: 60,
};

const assess = async (id: string) => {
  const res = await officer.post(`/api/suppliers/${id}/assess`, {});
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { residualScore: number; rating: string };
};
const chainOf = async (id: string) => {
  const res = await executive.get(`/api/suppliers/${id}/chain-risk`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    chainRisk: { supplierId: string; residualScore: number; rating: string } | null;
    path: { id: string; name: string }[];
  };
};

/** A chain of `n` suppliers (the first at the top), created through the API. */
const chain = async (label: string, n: number, fields = LOW) => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const parentId = ids[i - 1];
    ids.push(
      (
        await createSupplier(officer, {
          ...fields,
          name: `${label} ${i + 1}`,
          ...(parentId ? { parentId } : {}),
        })
      ).id,
    );
  }
  return ids;
};

/** Every supplier's chain columns of an organisation, by id. */
const snapshot = async (orgId: string) =>
  rowsOf(
    await t.owner.execute(sql`
      select id, chain_risk_rank, chain_risk_score, chain_risk_rating, chain_risk_supplier_id from suppliers
      where org_id = ${orgId} order by id`),
  );
function rowsOf(r: unknown): unknown[] {
  return Array.isArray(r) ? r : ((r as { rows: unknown[] }).rows ?? []);
}

describe('chain risk', () => {
  it('rolls up through a 30-tier chain: the top shows the riskiest supplier at the bottom, with the path', async () => {
    const ids = await chain('Tier', 30);
    for (const id of ids.slice(0, 29)) await assess(id);
    expect((await chainOf(ids[0]!)).chainRisk).not.toBeNull();
    const risky = await createSupplier(officer, { ...RISKY, name: 'Bottom of the chain', parentId: ids[29] });
    const own = await assess(risky.id);
    for (const id of [ids[0]!, ids[14]!, ids[29]!]) {
      const c = await chainOf(id);
      expect(c.chainRisk).toEqual({
        rating: own.rating,
        residualScore: own.residualScore,
        supplierId: risky.id,
      });
      expect(c.path.at(0)!.id).toBe(id);
      expect(c.path.at(-1)).toEqual({ id: risky.id, name: 'Bottom of the chain' });
    }
    expect((await chainOf(ids[0]!)).path).toHaveLength(31);
    // Itself included: a supplier whose own risk is the highest shows itself, a one-step path.
    expect((await chainOf(risky.id)).path).toEqual([{ id: risky.id, name: 'Bottom of the chain' }]);
  });

  it('moving a sub-tree updates the old and the new ancestors; archiving takes it out, restoring brings it back', async () => {
    const [oldTop, oldMid] = await chain('Old', 2);
    const [newTop] = await chain('New', 1);
    for (const id of [oldTop!, oldMid!, newTop!]) await assess(id);
    const risky = await createSupplier(officer, { ...RISKY, name: 'Mover', parentId: oldMid });
    await assess(risky.id);
    expect((await chainOf(oldTop!)).chainRisk?.supplierId).toBe(risky.id);
    const moved = await officer.patch(`/api/suppliers/${risky.id}`, { parentId: newTop });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await chainOf(oldTop!)).chainRisk?.supplierId).not.toBe(risky.id);
    expect((await chainOf(oldMid!)).chainRisk?.supplierId).toBe(oldMid);
    expect((await chainOf(newTop!)).chainRisk?.supplierId).toBe(risky.id);
    expect((await officer.delete(`/api/suppliers/${risky.id}`)).statusCode).toBe(200);
    expect((await chainOf(newTop!)).chainRisk?.supplierId).toBe(newTop);
    expect((await chainOf(risky.id)).chainRisk).toBeNull();
    expect((await officer.post(`/api/suppliers/${risky.id}/restore`, {})).statusCode).toBe(200);
    expect((await chainOf(newTop!)).chainRisk?.supplierId).toBe(risky.id);
  });

  it('the set-based recompute gives exactly what the incremental roll-up gives, on a random forest', async () => {
    // 400 suppliers under 10 tops, random parents among earlier ones, random scores; some unassessed or archived.
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const org = t.orgA.id;
    const ids: string[] = [];
    const values: string[] = [];
    for (let i = 0; i < 400; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const parent = i < 10 ? null : ids[Math.floor(rand() * ids.length)]!;
      const rank = rand() < 0.2 ? 0 : 1 + Math.floor(rand() * 4);
      const score = rank === 0 ? null : Math.round(rand() * 1000) / 10;
      const rating = rank === 0 ? null : ['low', 'medium', 'high', 'critical'][rank - 1];
      const archived = rand() < 0.05 ? 'now()' : 'null';
      ids.push(id);
      values.push(
        `('${id}', '${org}', 'Forest ${i}', 'DE', 1, ${parent ? `'${parent}'` : 'null'}, ${rank}, ${score ?? 'null'}, ${rating ? `'${rating}'` : 'null'}, ${archived})`,
      );
    }
    await t.owner.execute(
      sql.raw(`insert into suppliers (id, org_id, name, country, tier, parent_id, rating_rank, residual_score, rating, archived_at)
        values ${values.join(',')}`),
    );
    const forest = sql.raw(`org_id = '${org}' and name like 'Forest %'`);
    await withTenant(t.db, org, (tx) => recomputeChainRisk(tx, org));
    const setBased = await snapshot(org);
    await t.owner.execute(sql`update suppliers set chain_risk_rank = 0, chain_risk_score = null,
      chain_risk_rating = null, chain_risk_supplier_id = null where ${forest}`);
    // Incremental: each supplier rolled up as if it had just been assessed, in random batches.
    const order = [...ids].sort(() => rand() - 0.5);
    for (let i = 0; i < order.length; i += 37) {
      await withTenant(t.db, org, (tx) => rollUpChainRisk(tx, org, order.slice(i, i + 37)));
    }
    expect(await snapshot(org)).toEqual(setBased);
    // And both agree with a walk of every sub-tree by hand.
    const rows = rowsOf(
      await t.owner.execute(sql`select id, parent_id, rating_rank, residual_score, archived_at, chain_risk_supplier_id
        from suppliers where ${forest}`),
    ) as {
      id: string;
      parent_id: string | null;
      rating_rank: number;
      residual_score: number | null;
      archived_at: unknown;
      chain_risk_supplier_id: string | null;
    }[];
    const kids = new Map<string, typeof rows>();
    for (const r of rows) if (r.parent_id) kids.set(r.parent_id, [...(kids.get(r.parent_id) ?? []), r]);
    const best = (r: (typeof rows)[number]): (typeof rows)[number] | null => {
      if (r.archived_at) return null;
      let b = r.rating_rank > 0 ? r : null;
      for (const k of kids.get(r.id) ?? []) {
        const c = best(k);
        if (!c) continue;
        const better =
          !b ||
          c.rating_rank > b.rating_rank ||
          (c.rating_rank === b.rating_rank &&
            (c.residual_score! > b.residual_score! ||
              (c.residual_score === b.residual_score && c.id < b.id)));
        if (better) b = c;
      }
      return b;
    };
    for (const r of rows) expect(r.chain_risk_supplier_id).toBe(best(r)?.id ?? null);
    await t.owner.execute(sql`update suppliers set archived_at = now() where ${forest}`);
  });

  it('never rolls up across organisations, and another organisation’s id answers 404', async () => {
    const [mine] = await chain('Mine', 1);
    await assess(mine!);
    const before = await chainOf(mine!);
    // Bad data the API refuses: org B's risky supplier pointing at org A's as its parent.
    const theirs = await createSupplier(officerB, { ...RISKY, name: 'B risky' });
    await officerB.post(`/api/suppliers/${theirs.id}/assess`, {});
    await t.owner.execute(sql`update suppliers set parent_id = ${mine} where id = ${theirs.id}`);
    await officerB.post(`/api/suppliers/${theirs.id}/assess`, {});
    await withTenant(t.db, t.orgA.id, (tx) => recomputeChainRisk(tx, t.orgA.id));
    expect(await chainOf(mine!)).toEqual(before);
    const res = await officerB.get(`/api/suppliers/${mine}/chain-risk`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Mine');
  });
});

describe('GET /api/suppliers by chain risk', () => {
  it('sorts by chain risk and filters by chain rating and minimum score', async () => {
    const page = await executive.get('/api/suppliers?sort=chain_risk&order=desc&limit=200');
    expect(page.statusCode, page.body).toBe(200);
    const items = page.json().items as { chainRisk: { rating: string; residualScore: number } | null }[];
    const rank = (r: string | undefined) => (r ? ['low', 'medium', 'high', 'critical'].indexOf(r) + 1 : 0);
    const keys = items.map((i) => [rank(i.chainRisk?.rating), i.chainRisk?.residualScore ?? -1] as const);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    expect(keys).toEqual(sorted);
    expect(keys[0]![0]).toBeGreaterThan(0);
    const high = await executive.get('/api/suppliers?chainRating=high,critical&limit=200');
    expect(high.statusCode, high.body).toBe(200);
    const highItems = high.json().items as { chainRisk: { rating: string } }[];
    expect(highItems.length).toBeGreaterThan(0);
    expect(highItems.every((i) => ['high', 'critical'].includes(i.chainRisk.rating))).toBe(true);
    const min = await executive.get('/api/suppliers?minChainRisk=50&limit=200');
    expect(
      (min.json().items as { chainRisk: { residualScore: number } }[]).every(
        (i) => i.chainRisk.residualScore >= 50,
      ),
    ).toBe(true);
  });

  it.each([
    ['chainRating=severe', 'chainRating'],
    ['chainRating=high,,low', 'chainRating'],
    ['minChainRisk=-1', 'minChainRisk'],
    ['minChainRisk=abc', 'minChainRisk'],
    ['minChainRisk=101', 'minChainRisk'],
    ['sort=chainrisk', 'sort'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await executive.get(`/api/suppliers?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(issuePaths(res)).toEqual([field]);
  });
});
