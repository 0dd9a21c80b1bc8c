import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createApiKey, createTestOrg, userIdOf } from '../../../test/factories.js';

let t: TestContext;
let admin: Client;
let executive: Client;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  executive = await t.login(t.orgA.executive);
});
afterAll(() => t?.close());

describe('GET /api/audit-events', () => {
  type Ev = {
    seq: number;
    action: string;
    entityType: string;
    entityId: string;
    actorType: string;
    actorId: string | null;
    createdAt: string;
  };
  let org: { id: string; admin: string };
  let c: Client;
  let all: Ev[];
  let userId: string;
  let keyId: string;
  let orgAdminId: string;

  // A history of its own: org.created and three user.created by the system, then the admin's work.
  beforeAll(async () => {
    org = await createTestOrg(t, 'hist');
    orgAdminId = await userIdOf(t, org.admin);
    c = await t.login(org.admin);
    userId = (
      await c.post('/api/users', { email: 'x@hist.test', name: 'X', role: 'officer', password: PASSWORD })
    ).json().id;
    await c.patch(`/api/users/${userId}`, { role: 'executive' });
    keyId = (await createApiKey(c, 'officer')).id;
    await c.delete(`/api/api-keys/${keyId}`);
    all = (await c.get('/api/audit-events?limit=200')).json().items;
  });

  const query = async (q: string): Promise<Ev[]> => {
    const res = await c.get(`/api/audit-events?limit=200&${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const actions = (evs: Ev[]) => evs.map((e) => e.action);

  // The set-up of an organisation may grow (policies, defaults), so counts come from the full list.
  it('lists newest first by default and oldest first with order=asc', async () => {
    const n = all.length;
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => n - i));
    expect(actions(all).at(-1)).toBe('org.created');
    expect(actions(all).slice(0, 5)).toEqual([
      'api_key.revoked',
      'api_key.created',
      'user.updated',
      'user.created',
      'auth.login',
    ]);
    expect((await query('order=asc')).map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it('pages with limit and offset and reports the total', async () => {
    const page = (await c.get('/api/audit-events?limit=4&offset=4')).json();
    expect(page).toMatchObject({ total: all.length, limit: 4, offset: 4 });
    expect(page.items.map((e: Ev) => e.seq)).toEqual(all.slice(4, 8).map((e) => e.seq));
    expect((await c.get(`/api/audit-events?offset=${all.length}`)).json()).toMatchObject({
      items: [],
      total: all.length,
    });
  });

  it.each([
    ['entityType', () => 'entityType=api_key', ['api_key.revoked', 'api_key.created']],
    ['entityId', () => `entityId=${userId}`, ['user.updated', 'user.created']],
    ['action', () => 'action=user.updated', ['user.updated']],
    [
      'actorId',
      () => `actorId=${orgAdminId}`,
      ['api_key.revoked', 'api_key.created', 'user.updated', 'user.created', 'auth.login'],
    ],
    [
      'several filters together',
      () => `actorId=${orgAdminId}&entityType=user`,
      ['user.updated', 'user.created'],
    ],
    ['an entity nobody has', () => 'entityId=nothing', []],
  ])('filters by %s', async (_label, q, expected) => {
    expect(actions(await query(q()))).toEqual(expected);
  });

  it.each([
    ['actorType', 'actorType=system', (e: Ev) => e.actorType === 'system'],
    ['action', 'action=user.created', (e: Ev) => e.action === 'user.created'],
    ['entityType', 'entityType=user', (e: Ev) => e.entityType === 'user'],
  ])('filters the set-up history by %s', async (_label, q, keep) => {
    const expected = all.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect((await query(q)).map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
  });

  it('filters by time with from and to (inclusive)', async () => {
    const pivot = all.find((e) => e.action === 'user.updated')!;
    const from = await query(`from=${encodeURIComponent(pivot.createdAt)}`);
    expect(from.map((e) => e.seq)).toEqual(
      all.filter((e) => e.createdAt >= pivot.createdAt).map((e) => e.seq),
    );
    expect(from.map((e) => e.seq)).toContain(pivot.seq);
    const to = await query(`to=${encodeURIComponent(pivot.createdAt)}`);
    expect(to.map((e) => e.seq)).toEqual(all.filter((e) => e.createdAt <= pivot.createdAt).map((e) => e.seq));
    expect(await query('from=2999-01-01T00:00:00Z')).toEqual([]);
    expect(await query('to=2000-01-01T00:00:00%2B02:00')).toEqual([]);
  });

  it.each(['from=yesterday', 'to=2024-13-01T00:00:00Z', 'actorType=robot', 'order=random', 'limit=0'])(
    'refuses %s with 400',
    async (q) => {
      const res = await c.get(`/api/audit-events?${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues[0].path).toBe(q.split('=')[0]);
    },
  );

  it('officers read the trail and verify it; executives get 403 on both', async () => {
    const officer = await t.login(t.orgA.officer);
    expect((await officer.get('/api/audit-events')).statusCode).toBe(200);
    expect((await officer.get('/api/audit-events/verify')).statusCode).toBe(200);
    expect((await executive.get('/api/audit-events')).statusCode).toBe(403);
    expect((await executive.get('/api/audit-events/verify')).statusCode).toBe(403);
  });

  it("org A never sees org B's events", async () => {
    const b = await t.login(t.orgB.admin);
    const bKey = await createApiKey(b, 'officer', 'b only');
    const bAdminId = await userIdOf(t, t.orgB.admin);
    const seen = (await admin.get('/api/audit-events?limit=200')).json();
    expect(seen.total).toBe((await auditOf(t, t.orgA.id)).length);
    expect(seen.items.map((e: Ev) => e.entityId)).not.toContain(bKey.id);
    expect((await admin.get(`/api/audit-events?entityId=${bKey.id}`)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await admin.get(`/api/audit-events?actorId=${bAdminId}`)).json().total).toBe(0);
  });
});
