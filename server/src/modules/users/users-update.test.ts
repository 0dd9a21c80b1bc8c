import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createTestOrg, rowCounts, userIdOf } from '../../../test/factories.js';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
});
afterAll(() => t?.close());

/** A new officer of org A, signed in. */
const newMember = async (email: string) => {
  const res = await admin.post('/api/users', { email, name: email, role: 'officer', password: PASSWORD });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, client: await t.login(email) };
};

describe('PATCH /api/users/:id', () => {
  it('changes the role, and the member works with the new role at once', async () => {
    const m = await newMember('promote@a.test');
    const res = await admin.patch(`/api/users/${m.id}`, { role: 'executive' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: m.id, role: 'executive', status: 'active' });
    expect((await m.client.get('/api/me')).json().role).toBe('executive');
    expect((await m.client.post('/api/api-keys', { name: 'k', role: 'officer' })).statusCode).toBe(403);
  });

  it("deactivating ends the member's session and refuses their sign-in; reactivating lets them sign in again", async () => {
    const m = await newMember('leaver@a.test');
    expect((await m.client.get('/api/users')).statusCode).toBe(200);

    const off = await admin.patch(`/api/users/${m.id}`, { status: 'deactivated' });
    expect(off.json()).toMatchObject({ status: 'deactivated', role: 'officer' });
    const after = await m.client.get('/api/users');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
    await expect(t.login('leaver@a.test')).rejects.toThrow(/failed: 403/);

    const on = await admin.patch(`/api/users/${m.id}`, { status: 'active' });
    expect(on.json().status).toBe('active');
    const again = await t.login('leaver@a.test');
    expect(again.info.org.id).toBe(t.orgA.id);
  });

  // Deactivation revokes the member's sessions in this organisation (not just hides them), so reactivating
  // the member must not bring an old cookie back to life.
  it('a session ended by deactivation stays ended after reactivation', async () => {
    const m = await newMember('returner@a.test');
    await admin.patch(`/api/users/${m.id}`, { status: 'deactivated' });
    await admin.patch(`/api/users/${m.id}`, { status: 'active' });
    expect((await m.client.get('/api/me')).statusCode).toBe(401);
  });

  it('a member deactivated in one organisation still works in the other, but cannot switch back', async () => {
    const res = await admin.post('/api/users', { email: t.orgB.executive, name: 'x', role: 'officer' });
    const id = res.json().id;
    await admin.patch(`/api/users/${id}`, { status: 'deactivated' });
    const c = await t.login(t.orgB.executive);
    expect(c.info.org.id).toBe(t.orgB.id);
    expect(c.info.memberships.map((m) => m.org.id)).toEqual([t.orgB.id]);
    expect((await c.post('/api/auth/switch-org', { orgId: t.orgA.id })).statusCode).toBe(404);
  });

  it('answers the member unchanged, and writes no event, when nothing changes', async () => {
    const m = await newMember('same@a.test');
    const before = await rowCounts(t);
    const res = await admin.patch(`/api/users/${m.id}`, { role: 'officer', status: 'active' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'officer', status: 'active' });
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('the last active administrator', () => {
  it.each([
    ['demoted', 'role', { role: 'officer' }],
    ['deactivated', 'status', { status: 'deactivated' }],
  ])('cannot be %s (409 naming %s), and nothing is written', async (_label, field, patch) => {
    const c = await t.login(t.orgA.admin);
    const id = await userIdOf(t, t.orgA.admin);
    const before = await rowCounts(t);
    const res = await c.patch(`/api/users/${id}`, patch);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', issues: [{ path: field }] });
    expect(await rowCounts(t)).toEqual(before);
    expect((await c.get('/api/me')).json().role).toBe('admin');
  });

  it('can step down once another active admin exists; a deactivated admin does not count', async () => {
    const org = await createTestOrg(t, 'two');
    const first = await t.login(org.admin);
    const second = await first.post('/api/users', {
      email: 'second@two.test',
      name: 'Second',
      role: 'admin',
      password: PASSWORD,
    });
    const secondId = second.json().id;
    const firstId = await userIdOf(t, org.admin);

    await first.patch(`/api/users/${secondId}`, { status: 'deactivated' });
    expect((await first.patch(`/api/users/${firstId}`, { role: 'officer' })).statusCode).toBe(409);

    await first.patch(`/api/users/${secondId}`, { status: 'active' });
    const down = await first.patch(`/api/users/${firstId}`, { role: 'officer' });
    expect(down.statusCode).toBe(200);
    expect(down.json().role).toBe('officer');
    expect((await first.get('/api/me')).json().role).toBe('officer');

    const secondClient = await t.login('second@two.test');
    expect((await secondClient.patch(`/api/users/${secondId}`, { role: 'executive' })).statusCode).toBe(409);
    const last = (await auditOf(t, org.id)).filter((e) => e.action === 'user.updated').at(-1);
    expect(last).toMatchObject({
      action: 'user.updated',
      entityId: firstId,
      payload: { changes: { role: { from: 'admin', to: 'officer' } } },
    });
  });

  it('two admins demoting each other at once: exactly one succeeds, one admin remains', async () => {
    const org = await createTestOrg(t, 'duel');
    const first = await t.login(org.admin);
    await first.post('/api/users', {
      email: 'other@duel.test',
      name: 'Other',
      role: 'admin',
      password: PASSWORD,
    });
    const second = await t.login('other@duel.test');
    const [firstId, secondId] = [await userIdOf(t, org.admin), await userIdOf(t, 'other@duel.test')];
    const results = await Promise.all([
      first.patch(`/api/users/${secondId}`, { role: 'officer' }),
      second.patch(`/api/users/${firstId}`, { role: 'officer' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await first.get('/api/users?role=admin&status=active')).json().total).toBe(1);
  });
});

describe('who may change members', () => {
  it.each(['officer', 'executive'] as const)('a %s gets 403 and nothing changes', async (role) => {
    const c = await t.login(t.orgA[role]);
    const target = await userIdOf(t, t.orgA.executive);
    const before = await rowCounts(t);
    const res = await c.patch(`/api/users/${target}`, { role: 'admin' });
    expect(res.statusCode).toBe(403);
    expect(await rowCounts(t)).toEqual(before);
    expect((await admin.get(`/api/users?q=${t.orgA.executive}`)).json().items[0].role).toBe('executive');
  });

  it("org B's member answers 404 to org A's admin, and stays as it was", async () => {
    const bOfficer = await userIdOf(t, t.orgB.officer);
    const before = await rowCounts(t);
    const res = await admin.patch(`/api/users/${bOfficer}`, { status: 'deactivated' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(await rowCounts(t)).toEqual(before);
    const b = await t.login(t.orgB.officer);
    expect(b.info).toMatchObject({ role: 'officer', org: { id: t.orgB.id } });
  });

  it('an id nobody has answers 404', async () => {
    const res = await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { role: 'officer' });
    expect(res.statusCode).toBe(404);
  });
});
