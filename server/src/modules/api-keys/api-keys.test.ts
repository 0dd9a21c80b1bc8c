import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createApiKey, createTestOrg, issuePaths, rowCounts, withKey } from '../../../test/factories.js';
import { apiKeys } from '../../db/schema/api-keys.js';
import { sha256Hex } from '../../lib/tokens.js';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
});
afterAll(() => t?.close());

const list = async (query = '') => {
  const res = await admin.get(`/api/api-keys${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

describe('creating a key', () => {
  it('shows the key once, starting cs_live_; the list never carries the key or its hash', async () => {
    const res = await admin.post('/api/api-keys', { name: '  ERP sync  ', role: 'officer' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: 'ERP sync',
      role: 'officer',
      createdBy: t.orgA.admin,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(created.key).toMatch(/^cs_live_[\w-]{40,}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.key.length);

    const page = await list();
    const listed = page.json().items.find((k: { id: string }) => k.id === created.id);
    expect(Object.keys(listed).sort()).toEqual([
      'createdAt',
      'createdBy',
      'expiresAt',
      'id',
      'lastUsedAt',
      'name',
      'prefix',
      'revokedAt',
      'role',
    ]);
    expect(page.body).not.toContain(created.key);
    expect(page.body).not.toContain(sha256Hex(created.key));
  });

  it('pages the list newest first', async () => {
    const org = await t.login((await createTestOrg(t, 'paged')).admin);
    for (const name of ['one', 'two', 'three']) await org.post('/api/api-keys', { name, role: 'executive' });
    const page = (await org.get('/api/api-keys?limit=2')).json();
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items.map((k: { name: string }) => k.name)).toEqual(['three', 'two']);
    expect(
      (await org.get('/api/api-keys?limit=2&offset=2')).json().items.map((k: { name: string }) => k.name),
    ).toEqual(['one']);
  });
});

describe('Bearer authentication', () => {
  it("reads with the key's role, without cookie or CSRF header, and records when it was last used", async () => {
    const k = await createApiKey(admin, 'executive');
    const get = await withKey(t, k.key)('GET', '/api/users');
    expect(get.statusCode).toBe(200);
    expect(get.json().items.map((u: { email: string }) => u.email)).toContain(t.orgA.officer);
    const listed = (await list()).json().items.find((x: { id: string }) => x.id === k.id);
    expect(listed.lastUsedAt).toEqual(expect.any(String));
  });

  it('an executive key gets 403 on POST /api/users', async () => {
    const k = await createApiKey(admin, 'executive');
    const res = await withKey(t, k.key)('POST', '/api/users', {
      email: 'by-key@a.test',
      name: 'K',
      role: 'officer',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('an admin key can POST without an x-csrf-token, and the audit trail names the key', async () => {
    const k = await createApiKey(admin, 'admin', 'provisioning');
    const res = await withKey(t, k.key)('POST', '/api/users', {
      email: 'by-key@a.test',
      name: 'K',
      role: 'officer',
    });
    expect(res.statusCode, res.body).toBe(201);
    const events = (await admin.get(`/api/audit-events?entityId=${res.json().id}&order=asc`)).json().items;
    // Created without a password: the account and its invitation link, both by the key.
    const byKey = { actorType: 'api_key', actorId: k.id, actorLabel: 'provisioning' };
    expect(events).toEqual([
      expect.objectContaining({ action: 'user.created', ...byKey }),
      expect.objectContaining({ action: 'account_link.issued', ...byKey }),
    ]);
  });

  it('a key cannot use /api/me or switch organisation', async () => {
    const k = await createApiKey(admin, 'admin');
    expect((await withKey(t, k.key)('GET', '/api/me')).statusCode).toBe(403);
    expect((await withKey(t, k.key)('POST', '/api/auth/switch-org', { orgId: t.orgB.id })).statusCode).toBe(
      403,
    );
  });

  it('an unknown key answers 401', async () => {
    const res = await withKey(t, 'cs_live_not-a-real-key')('GET', '/api/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});

describe('revoking a key', () => {
  it('stops it at once; revoking twice is fine and writes one event', async () => {
    const k = await createApiKey(admin, 'officer');
    const use = () => withKey(t, k.key)('GET', '/api/users');
    expect((await use()).statusCode).toBe(200);

    const first = await admin.delete(`/api/api-keys/${k.id}`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: k.id, revokedAt: expect.any(String) });
    expect(first.json()).not.toHaveProperty('key');
    const denied = await use();
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.code).toBe('unauthenticated');

    const before = await rowCounts(t);
    const second = await admin.delete(`/api/api-keys/${k.id}`);
    expect(second.statusCode).toBe(200);
    expect(second.json().revokedAt).toBe(first.json().revokedAt);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('hides revoked keys unless includeRevoked=true', async () => {
    const k = await createApiKey(admin, 'executive', 'to revoke');
    await admin.delete(`/api/api-keys/${k.id}`);
    const ids = async (q: string) => (await list(q)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('')).not.toContain(k.id);
    expect(await ids('?includeRevoked=false')).not.toContain(k.id);
    expect(await ids('?includeRevoked=true&limit=200')).toContain(k.id);
    const shown = (await list('?includeRevoked=true&limit=200'))
      .json()
      .items.find((x: { id: string }) => x.id === k.id);
    expect(shown.revokedAt).toEqual(expect.any(String));
    const bad = await admin.get('/api/api-keys?includeRevoked=yes');
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toContain('includeRevoked');
  });
});

describe('who may manage keys', () => {
  it.each(['officer', 'executive'] as const)('a %s gets 403 on list, create and revoke', async (role) => {
    const k = await createApiKey(admin, 'officer');
    const c = await t.login(t.orgA[role]);
    const before = await rowCounts(t);
    expect((await c.get('/api/api-keys')).statusCode).toBe(403);
    expect((await c.post('/api/api-keys', { name: 'mine', role: 'admin' })).statusCode).toBe(403);
    expect((await c.delete(`/api/api-keys/${k.id}`)).statusCode).toBe(403);
    expect(await rowCounts(t)).toEqual(before);
    expect((await withKey(t, k.key)('GET', '/api/users')).statusCode).toBe(200);
  });

  it("org B's key answers 404 to org A's admin and keeps working; A's list never shows it", async () => {
    const b = await t.login(t.orgB.admin);
    const k = await createApiKey(b, 'officer', 'b key');
    const res = await admin.delete(`/api/api-keys/${k.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await withKey(t, k.key)('GET', '/api/users')).statusCode).toBe(200);
    expect(
      (await list('?includeRevoked=true&limit=200')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(k.id);
    const usersViaB = (await withKey(t, k.key)('GET', '/api/users?limit=200')).json().items;
    expect(usersViaB.every((u: { email: string }) => u.email.endsWith('@b.test'))).toBe(true);
  });
});

describe('bad input answers 400 naming the field and writes nothing', () => {
  it.each([
    ['an empty name', 'POST', '/api/api-keys', { name: '', role: 'officer' }, 'name'],
    ['a name of spaces', 'POST', '/api/api-keys', { name: '   ', role: 'officer' }, 'name'],
    ['a name of 101 characters', 'POST', '/api/api-keys', { name: 'k'.repeat(101), role: 'officer' }, 'name'],
    ['the role root', 'POST', '/api/api-keys', { name: 'k', role: 'root' }, 'role'],
    ['no role', 'POST', '/api/api-keys', { name: 'k' }, 'role'],
    ['an id that is not a UUID', 'DELETE', '/api/api-keys/123', undefined, 'id'],
  ] as const)('%s', async (_label, method, url, payload, field) => {
    const before = await rowCounts(t);
    const res = await admin.request(method, url, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(issuePaths(res)).toContain(field);
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('key expiry', () => {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  it('a key with an expiry works until then, shows it, and records it in the audit trail', async () => {
    const expiresAt = inDays(30);
    const res = await admin.post('/api/api-keys', { name: 'quarterly audit', role: 'executive', expiresAt });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.expiresAt).toBe(expiresAt);
    expect(
      (await list('?limit=200')).json().items.find((k: { id: string }) => k.id === created.id).expiresAt,
    ).toBe(expiresAt);
    expect((await withKey(t, created.key)('GET', '/api/users')).statusCode).toBe(200);
    const events = (await admin.get(`/api/audit-events?entityId=${created.id}`)).json().items;
    expect(events[0].payload).toEqual({
      name: 'quarterly audit',
      role: 'executive',
      prefix: created.prefix,
      expiresAt,
    });
  });

  it('a key without expiry has expiresAt null (and null is accepted on create)', async () => {
    const res = await admin.post('/api/api-keys', { name: 'forever', role: 'executive', expiresAt: null });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().expiresAt).toBeNull();
  });

  it('an expired key answers 401 saying it expired, and is not marked used', async () => {
    const k = await createApiKey(admin, 'officer', 'short-lived');
    await t.owner
      .update(apiKeys)
      .set({ expiresAt: sql`now() - interval '1 second'`, lastUsedAt: null })
      .where(eq(apiKeys.id, k.id));
    const res = await withKey(t, k.key)('GET', '/api/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'unauthenticated',
      message: expect.stringMatching(/expired on/),
    });
    const listed = (await list('?limit=200')).json().items.find((x: { id: string }) => x.id === k.id);
    expect(listed).toMatchObject({ lastUsedAt: null, revokedAt: null, expiresAt: expect.any(String) });
  });

  it.each([
    ['a time in the past', new Date(Date.now() - 60_000).toISOString()],
    ['a date without a time', '2031-01-01'],
    ['a time without an offset', '2031-01-01T00:00:00'],
    ['a number', 1893456000],
  ])('refuses %s as expiresAt with 400 naming it, writing nothing', async (_l, expiresAt) => {
    const before = await rowCounts(t);
    const res = await admin.post('/api/api-keys', { name: 'k', role: 'officer', expiresAt });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(issuePaths(res)).toEqual(['expiresAt']);
    expect(await rowCounts(t)).toEqual(before);
  });
});
