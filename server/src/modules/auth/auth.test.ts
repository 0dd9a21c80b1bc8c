import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

describe('login', () => {
  it('answers the session, sets an HttpOnly SameSite=Lax cookie and a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.orgA.officer, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.email).toBe(t.orgA.officer);
    expect(body.org.id).toBe(t.orgA.id);
    expect(body.role).toBe('officer');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'cs_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(body).not.toHaveProperty('passwordHash');
  });

  it('accepts the e-mail in any case', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ' ADMIN@A.test ', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
  });

  it('answers the same 401 for a wrong password and an unknown e-mail', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.orgA.admin, password: 'nope-nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ghost@a.test', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('names the field at fault on bad input', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: 1 },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  });
});

describe('session', () => {
  it('/api/me answers the same shape as login; logout ends the session', async () => {
    const c = await t.login(t.orgA.admin);
    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: t.orgA.admin },
      role: 'admin',
      csrfToken: c.info.csrfToken,
    });
    const out = await c.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('an expired session answers 401', async () => {
    const c = await t.login(t.orgA.executive);
    await t.owner.execute(sql`update sessions set expires_at = now() - interval '1 second'`);
    const res = await c.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('no cookie answers 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing cookie request without the x-csrf-token header', async () => {
    const c = await t.login(t.orgA.admin);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie: c.cookie },
      payload: { name: 'x', role: 'officer' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const wrong = await c.request(
      'POST',
      '/api/api-keys',
      { name: 'x', role: 'officer' },
      { 'x-csrf-token': 'forged' },
    );
    expect(wrong.statusCode).toBe(403);
  });
});

describe('rate limit', () => {
  it('answers 429 after too many attempts for one e-mail from one address', async () => {
    const limited = await setupTestApp({ loginMaxAttempts: 3 });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: limited.orgA.admin, password: 'wrong-password' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const res = await attempt();
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('switch-org', () => {
  it('switching to an organisation you do not belong to answers 404 and leaves the session where it was', async () => {
    const c = await t.login(t.orgA.admin);
    for (const orgId of [t.orgB.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await c.post('/api/auth/switch-org', { orgId });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await c.get('/api/me')).json()).toMatchObject({ org: { id: t.orgA.id }, role: 'admin' });
  });

  it('refuses an orgId that is not a UUID with 400 naming it', async () => {
    const c = await t.login(t.orgA.admin);
    const res = await c.post('/api/auth/switch-org', { orgId: 'org-b' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain('orgId');
  });

  it('switching to an organisation you belong to changes the org and the role in /api/me, and back', async () => {
    const admin = await t.login(t.orgA.admin);
    expect(
      (await admin.post('/api/users', { email: t.orgB.officer, name: 'x', role: 'executive' })).statusCode,
    ).toBe(201);

    const c = await t.login(t.orgB.officer);
    expect(c.info).toMatchObject({ org: { id: t.orgB.id }, role: 'officer' });
    expect(c.info.memberships.map((m) => m.org.id).sort()).toEqual([t.orgA.id, t.orgB.id].sort());

    const toA = await c.post('/api/auth/switch-org', { orgId: t.orgA.id });
    expect(toA.statusCode).toBe(200);
    expect(toA.json()).toMatchObject({
      org: { id: t.orgA.id, slug: 'org-a' },
      role: 'executive',
      csrfToken: c.info.csrfToken,
    });
    expect((await c.get('/api/me')).json()).toMatchObject({ org: { id: t.orgA.id }, role: 'executive' });
    const users = (await c.get('/api/users?limit=200')).json().items.map((u: { email: string }) => u.email);
    expect(users).toContain(t.orgA.admin);
    expect(users).not.toContain(t.orgB.admin);
    expect((await c.post('/api/api-keys', { name: 'k', role: 'officer' })).statusCode).toBe(403);

    await c.post('/api/auth/switch-org', { orgId: t.orgB.id });
    expect((await c.get('/api/me')).json()).toMatchObject({ org: { id: t.orgB.id }, role: 'officer' });
  });

  it('needs the CSRF header like any other state-changing request', async () => {
    const c = await t.login(t.orgA.admin);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/switch-org',
      headers: { cookie: c.cookie },
      payload: { orgId: t.orgA.id },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });
});
