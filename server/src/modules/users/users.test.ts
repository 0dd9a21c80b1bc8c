import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD, setupTestApp, type TestContext, type TestOrg } from '../../../test/app.js';
import { createTestOrg, issuePaths, rowCounts } from '../../../test/factories.js';

let t: TestContext;
let org: TestOrg;
let admin: Client;

// A list of its own, so that users added by other tests never shift the pages asserted here.
const MEMBERS = [
  { email: 'alice@l.test', name: 'Alice Admin', role: 'admin' },
  { email: 'bob@l.test', name: 'Bob Officer', role: 'officer' },
  { email: 'carol@l.test', name: 'Carol Exec', role: 'executive' },
  { email: 'dan@l.test', name: 'Dan Officer', role: 'officer' },
  { email: 'eve@l.test', name: 'Eve Exec', role: 'executive' },
  { email: 'zed@l.test', name: 'Zed 100%', role: 'officer' },
] as const;
const NAMES = MEMBERS.map((m) => m.name);

beforeAll(async () => {
  t = await setupTestApp();
  org = await createTestOrg(t, 'l', [...MEMBERS]);
  admin = await t.login(org.admin);
});
afterAll(() => t?.close());

const names = async (c: Client, query: string) => {
  const res = await c.get(`/api/users?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((u: { name: string }) => u.name) as string[];
};

describe('GET /api/users', () => {
  it('pages with limit and offset and reports the total', async () => {
    const first = await admin.get('/api/users?limit=2&offset=0&sort=name&order=asc');
    expect(first.json()).toMatchObject({ total: 6, limit: 2, offset: 0 });
    const pages = [
      ...(await names(admin, 'limit=2&offset=0&sort=name&order=asc')),
      ...(await names(admin, 'limit=2&offset=2&sort=name&order=asc')),
      ...(await names(admin, 'limit=2&offset=4&sort=name&order=asc')),
    ];
    expect(pages).toEqual(NAMES);
    const past = await admin.get('/api/users?offset=10');
    expect(past.json()).toMatchObject({ items: [], total: 6 });
  });

  it.each([
    ['name asc', 'sort=name&order=asc', NAMES],
    ['name desc', 'sort=name&order=desc', [...NAMES].reverse()],
    ['email asc', 'sort=email&order=asc', NAMES],
  ])('sorts by %s', async (_label, query, expected) => {
    expect(await names(admin, query)).toEqual(expected);
  });

  it('sorts by role and by creation date', async () => {
    const byRole = (await admin.get('/api/users?sort=role&order=asc'))
      .json()
      .items.map((u: { role: string }) => u.role);
    expect(byRole).toEqual([...byRole].sort());
    const created = (await admin.get('/api/users?sort=createdAt&order=desc'))
      .json()
      .items.map((u: { createdAt: string }) => u.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it.each([
    ['part of a name, any case', 'q=ALI', ['Alice Admin']],
    ['part of an e-mail', 'q=dan%40l', ['Dan Officer']],
    ['a % literally, not as a wildcard', 'q=%25', ['Zed 100%']],
    ['an _ literally, not as a wildcard', 'q=_', []],
    ['the role', 'role=officer', ['Bob Officer', 'Dan Officer', 'Zed 100%']],
    ['role and text together', 'role=executive&q=carol', ['Carol Exec']],
  ])('searches by %s', async (_label, query, expected) => {
    expect(await names(admin, `${query}&sort=name&order=asc`)).toEqual(expected);
  });

  it('an executive can read the list; the status filter separates deactivated members', async () => {
    const eve = MEMBERS[4].email;
    const eveId = (await admin.get(`/api/users?q=${eve}`)).json().items[0].id;
    expect((await admin.patch(`/api/users/${eveId}`, { status: 'deactivated' })).statusCode).toBe(200);
    const exec = await t.login(org.executive);
    expect(await names(exec, 'status=deactivated')).toEqual(['Eve Exec']);
    expect(await names(exec, 'status=active&sort=name&order=asc')).toEqual(
      NAMES.filter((n) => n !== 'Eve Exec'),
    );
    expect((await admin.patch(`/api/users/${eveId}`, { status: 'active' })).statusCode).toBe(200);
  });

  it('never lists members of another organisation', async () => {
    const res = await admin.get('/api/users?limit=200');
    const emails: string[] = res.json().items.map((u: { email: string }) => u.email);
    expect(emails.every((e) => e.endsWith('@l.test'))).toBe(true);
    expect((await admin.get('/api/users?q=a.test')).json()).toMatchObject({ items: [], total: 0 });
    const a = await t.login(t.orgA.admin);
    const aEmails: string[] = (await a.get('/api/users?limit=200'))
      .json()
      .items.map((u: { email: string }) => u.email);
    expect(aEmails.some((e) => e.endsWith('@b.test') || e.endsWith('@l.test'))).toBe(false);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['offset=-1', 'offset'],
    ['sort=password', 'sort'],
    ['role=root', 'role'],
    ['status=gone', 'status'],
    [`q=${'x'.repeat(201)}`, 'q'],
  ])('refuses the query %s with 400 naming %s', async (query, field) => {
    const res = await admin.get(`/api/users?${query}`);
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toContain(field);
  });
});

describe('POST /api/users', () => {
  it('creates a user with the given password, who can then sign in', async () => {
    const a = await t.login(t.orgA.admin);
    const res = await a.post('/api/users', {
      email: ' New.Person@A.test ',
      name: ' New Person ',
      role: 'officer',
      password: 'a-long-password-1',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      email: 'new.person@a.test',
      name: 'New Person',
      role: 'officer',
      status: 'active',
      lastLoginAt: null,
    });
    expect(body).not.toHaveProperty('invitation');
    expect(body).not.toHaveProperty('passwordHash');
    const c = await t.login('new.person@a.test', 'a-long-password-1');
    expect(c.info).toMatchObject({ role: 'officer', org: { id: t.orgA.id } });
  });

  it('without a password (no mailer configured), hands the admin a single-use invitation link once', async () => {
    const a = await t.login(t.orgA.admin);
    const res = await a.post('/api/users', { email: 'temp@a.test', name: 'Temp', role: 'executive' });
    expect(res.statusCode).toBe(201);
    const { invitation, id } = res.json();
    expect(invitation).toMatchObject({ kind: 'invitation', delivery: 'handed_over' });
    expect(invitation.url).toMatch(/\/set-password#[A-Za-z0-9_-]{43}$/);
    const listed = (await a.get('/api/users?q=temp%40a.test')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id })]);
    expect(listed[0]).not.toHaveProperty('invitation');
    // Nobody can sign in until the link sets a password.
    await expect(t.login('temp@a.test', '')).rejects.toThrow(/400|401/);
    const token = invitation.url.split('#')[1];
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/account-links/password',
      payload: { token, password: 'Velvet-Harbour-Compass-62' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const c = await t.login('temp@a.test', 'Velvet-Harbour-Compass-62');
    expect(c.info.role).toBe('executive');
  });

  it('adds an existing account of org B as a member of A: its password stays, and it can switch between both', async () => {
    const a = await t.login(t.orgA.admin);
    const res = await a.post('/api/users', {
      email: t.orgB.officer,
      name: 'Ignored Name',
      role: 'executive',
      password: 'another-password-1',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ email: t.orgB.officer, name: 'officer b', role: 'executive' });
    expect(res.json()).not.toHaveProperty('invitation');
    await expect(t.login(t.orgB.officer, 'another-password-1')).rejects.toThrow(/401/);

    const c = await t.login(t.orgB.officer, PASSWORD);
    expect(c.info.memberships.map((m) => m.org.id).sort()).toEqual([t.orgA.id, t.orgB.id].sort());
    const toA = await c.post('/api/auth/switch-org', { orgId: t.orgA.id });
    expect(toA.json()).toMatchObject({ org: { id: t.orgA.id }, role: 'executive' });
    const toB = await c.post('/api/auth/switch-org', { orgId: t.orgB.id });
    expect(toB.json()).toMatchObject({ org: { id: t.orgB.id }, role: 'officer' });
  });

  it('refuses an existing member with 409 on the email field, and writes nothing', async () => {
    const a = await t.login(t.orgA.admin);
    const before = await rowCounts(t);
    const res = await a.post('/api/users', { email: 'OFFICER@a.test', name: 'Again', role: 'admin' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', issues: [{ path: 'email' }] });
    expect(await rowCounts(t)).toEqual(before);
  });

  it.each(['officer', 'executive'] as const)('a %s gets 403 and nothing is written', async (role) => {
    const c = await t.login(t.orgA[role]);
    const before = await rowCounts(t);
    const res = await c.post('/api/users', { email: `by-${role}@a.test`, name: 'X', role: 'admin' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect(await rowCounts(t)).toEqual(before);
  });

  // The e-mail is looked up before the transaction, so two requests for the same new address both try to
  // insert; the unique index stops the second, which must get the same 409 as a sequential duplicate.
  it('two admins adding the same new e-mail at once: one 201, the other 409 (not 500)', async () => {
    const a = await t.login(t.orgA.admin);
    const body = { email: 'race@a.test', name: 'Race', role: 'officer', password: 'a-long-password-1' };
    const statuses = (await Promise.all([a.post('/api/users', body), a.post('/api/users', body)])).map(
      (r) => r.statusCode,
    );
    expect(statuses.sort()).toEqual([201, 409]);
  });
});
