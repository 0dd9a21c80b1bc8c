import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, issuePaths, rowCounts } from '../../../test/factories.js';

// Defect 5 of issue 8: tier follows the parent chain (a node 14 levels deep was accepted as tier 1).

let t: TestContext;
let officer: Client;
let officerB: Client;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  officerB = await t.login(t.orgB.officer);
});
afterAll(() => t?.close());

const tierOf = async (id: string) => (await officer.get(`/api/suppliers/${id}`)).json().tier as number;

/** A chain of `n` suppliers below `top`, created through the API with the tier left to the server. */
const chainBelow = async (topId: string, n: number, label: string) => {
  const ids: string[] = [];
  let parentId = topId;
  for (let i = 0; i < n; i++) {
    const s = await createSupplier(officer, { name: `${label} ${i + 1}`, parentId });
    ids.push(s.id);
    parentId = s.id;
  }
  return ids;
};

describe('tier follows the parent chain', () => {
  it('derives an omitted tier from the parent, 14 levels deep', async () => {
    const top = await createSupplier(officer, { name: 'Deep top', tier: 1 });
    const chain = await chainBelow(top.id, 14, 'Deep');
    expect(await tierOf(chain[13]!)).toBe(15);
  });

  it('refuses a tier that contradicts the parent with 400 naming tier, writing nothing', async () => {
    const top = await createSupplier(officer, { name: 'Strict top', tier: 2 });
    const before = await rowCounts(t);
    const res = await officer.post('/api/suppliers', {
      name: 'Liar',
      country: 'BD',
      tier: 1,
      parentId: top.id,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(issuePaths(res)).toEqual(['tier']);
    expect(res.json().error.message).toContain('Tier must be 3');
    expect(await rowCounts(t)).toEqual(before);
    const ok = await officer.post('/api/suppliers', {
      name: 'Honest',
      country: 'BD',
      tier: 3,
      parentId: top.id,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const child = ok.json();
    const patch = await officer.patch(`/api/suppliers/${child.id}`, { tier: 7 });
    expect(patch.statusCode, patch.body).toBe(400);
    expect(issuePaths(patch)).toEqual(['tier']);
    expect(await tierOf(child.id)).toBe(3);
  });

  it('moving a supplier re-tiers its whole sub-tree in the same request, one audit event each', async () => {
    const a = await createSupplier(officer, { name: 'Move A', tier: 1 });
    const b = await createSupplier(officer, { name: 'Move B', tier: 4 });
    const [x, y, z] = await chainBelow(a.id, 3, 'Moved');
    const res = await officer.patch(`/api/suppliers/${x}`, { parentId: b.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().tier).toBe(5);
    expect([await tierOf(y!), await tierOf(z!)]).toEqual([6, 7]);
    const events = (await auditOf(t, t.orgA.id)).filter((e) => [x, y, z].includes(e.entityId!));
    const updates = events.filter((e) => e.action === 'supplier.updated');
    expect(updates.map((e) => [e.entityId, e.payload])).toEqual([
      [x, { changes: { parentId: { from: a.id, to: b.id }, tier: { from: 2, to: 5 } } }],
      [y, { changes: { tier: { from: 3, to: 6 } }, tierFollows: x }],
      [z, { changes: { tier: { from: 4, to: 7 } }, tierFollows: x }],
    ]);
  });

  it('changing the tier of a top supplier moves every tier below it; leaving the parent resets to 1', async () => {
    const top = await createSupplier(officer, { name: 'Retier top', tier: 1 });
    const [c1, c2] = await chainBelow(top.id, 2, 'Retier');
    const res = await officer.patch(`/api/suppliers/${top.id}`, { tier: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect([await tierOf(c1!), await tierOf(c2!)]).toEqual([4, 5]);
    const detach = await officer.patch(`/api/suppliers/${c1}`, { parentId: null });
    expect(detach.statusCode, detach.body).toBe(200);
    expect([detach.json().tier, await tierOf(c2!)]).toEqual([1, 2]);
  });

  it('a child below another organisation’s supplier is refused (422), and their tiers never follow ours', async () => {
    const theirs = await createSupplier(officerB, { name: 'B top', tier: 1 });
    const res = await officer.post('/api/suppliers', { name: 'Sneaky', country: 'BD', parentId: theirs.id });
    expect(res.statusCode, res.body).toBe(422);
    expect(issuePaths(res)).toEqual(['parentId']);
  });
});
