import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createApiKey, createTestOrg, rowCounts, userIdOf } from '../../../test/factories.js';

let t: TestContext;
let admin: Client;
let executive: Client;
let adminId: string;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  executive = await t.login(t.orgA.executive);
  adminId = await userIdOf(t, t.orgA.admin);
});
afterAll(() => t?.close());

/** Runs `fn` and answers the events it appended to `orgId`'s chain. */
const eventsOf = async (orgId: string, fn: () => Promise<unknown>) => {
  const before = (await auditOf(t, orgId)).length;
  await fn();
  return (await auditOf(t, orgId)).slice(before);
};

describe('every mutation writes exactly one event, with its actor and payload', () => {
  it('user.created, user.added_to_org and user.updated', async () => {
    let id = '';
    const [created] = await eventsOf(t.orgA.id, async () => {
      id = (
        await admin.post('/api/users', {
          email: 'ev@a.test',
          name: 'Ev',
          role: 'officer',
          password: PASSWORD,
        })
      ).json().id;
    });
    expect(created).toMatchObject({
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      actorType: 'user',
      actorId: adminId,
      actorLabel: t.orgA.admin,
      // Personal fields enter the chain as salted digests; the values are kept beside the event.
      payload: { email: { $pd: expect.any(String) }, name: { $pd: expect.any(String) }, role: 'officer' },
    });
    expect(JSON.stringify(created!.payload)).not.toContain('ev@a.test');
    expect(JSON.stringify(created!.payload)).not.toContain(PASSWORD);
    const listed = (await admin.get(`/api/audit-events?entityId=${id}`)).json().items;
    expect(listed[0]).toMatchObject({
      action: 'user.created',
      entityLabel: 'Ev',
      payload: { email: 'ev@a.test', name: 'Ev', role: 'officer' },
    });

    const added = await eventsOf(t.orgA.id, () =>
      admin.post('/api/users', { email: t.orgB.executive, name: 'x', role: 'officer' }),
    );
    expect(added).toEqual([
      expect.objectContaining({
        action: 'user.added_to_org',
        payload: { email: { $pd: expect.any(String) }, role: 'officer' },
      }),
    ]);

    const updated = await eventsOf(t.orgA.id, () =>
      admin.patch(`/api/users/${id}`, { role: 'executive', status: 'deactivated' }),
    );
    expect(updated).toEqual([
      expect.objectContaining({
        action: 'user.updated',
        entityId: id,
        actorId: adminId,
        payload: {
          changes: {
            role: { from: 'officer', to: 'executive' },
            status: { from: 'active', to: 'deactivated' },
          },
        },
      }),
    ]);
  });

  it('api_key.created and api_key.revoked, never with the key itself', async () => {
    let key = { id: '', key: '', prefix: '' };
    const created = await eventsOf(t.orgA.id, async () => {
      key = await createApiKey(admin, 'officer', 'audited');
    });
    expect(created).toEqual([
      expect.objectContaining({
        action: 'api_key.created',
        entityType: 'api_key',
        entityId: key.id,
        actorId: adminId,
        payload: { name: 'audited', role: 'officer', prefix: key.prefix },
      }),
    ]);
    expect(JSON.stringify(created)).not.toContain(key.key);
    const revoked = await eventsOf(t.orgA.id, () => admin.delete(`/api/api-keys/${key.id}`));
    expect(revoked).toEqual([
      expect.objectContaining({
        action: 'api_key.revoked',
        entityId: key.id,
        payload: { name: 'audited', prefix: key.prefix },
      }),
    ]);
  });

  it('auth.login and auth.logout, on the session', async () => {
    const officerId = await userIdOf(t, t.orgA.officer);
    let c: Client | undefined;
    const [login] = await eventsOf(t.orgA.id, async () => {
      c = await t.login(t.orgA.officer);
    });
    expect(login).toMatchObject({
      action: 'auth.login',
      entityType: 'session',
      actorType: 'user',
      actorId: officerId,
      actorLabel: t.orgA.officer,
      payload: { userId: officerId, method: 'password' },
    });
    const [logout] = await eventsOf(t.orgA.id, () => c!.post('/api/auth/logout'));
    expect(logout).toMatchObject({
      action: 'auth.logout',
      entityId: login!.entityId,
      payload: { userId: officerId },
    });
  });

  it('auth.switched_org, in the organisation switched to', async () => {
    const org = await createTestOrg(t, 'sw');
    const c = await t.login(org.admin);
    const newcomer = await c.post('/api/users', { email: t.orgA.officer, name: 'x', role: 'executive' });
    expect(newcomer.statusCode).toBe(201);
    const officer = await t.login(t.orgA.officer);
    let left: unknown[] = [];
    const arrived = await eventsOf(org.id, async () => {
      left = await eventsOf(t.orgA.id, () => officer.post('/api/auth/switch-org', { orgId: org.id }));
    });
    expect(left).toEqual([]);
    expect(arrived).toEqual([
      expect.objectContaining({
        action: 'auth.switched_org',
        actorLabel: t.orgA.officer,
        payload: { userId: newcomer.json().id, fromOrgId: t.orgA.id },
      }),
    ]);
  });
});

describe('a refused mutation writes no event', () => {
  it.each([
    ['a validation error', () => admin.post('/api/users', { email: 'nope', name: '', role: 'root' }), 400],
    ['the last admin (409)', () => admin.patch(`/api/users/${adminId}`, { role: 'officer' }), 409],
    [
      'a duplicate member (409)',
      () => admin.post('/api/users', { email: t.orgA.executive, name: 'x', role: 'officer' }),
      409,
    ],
    ['a role that may not (403)', () => executive.post('/api/api-keys', { name: 'k', role: 'admin' }), 403],
    [
      'another tenant’s record (404)',
      async () => admin.patch(`/api/users/${await userIdOf(t, t.orgB.admin)}`, { role: 'officer' }),
      404,
    ],
    [
      'a wrong password (401)',
      () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: t.orgA.admin, password: 'wrong-password' },
        }),
      401,
    ],
  ])('%s', async (_label, act, status) => {
    const before = await rowCounts(t);
    const res = await act();
    expect(res.statusCode).toBe(status);
    expect(await rowCounts(t)).toEqual(before);
  });
});
