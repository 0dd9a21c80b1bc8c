import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';
import {
  auditOf,
  createApiKey,
  createTestOrg,
  issuePaths,
  rowCounts,
  withKey,
} from '../../../test/factories.js';
import { users } from '../../db/schema/users.js';

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp({ loginMaxAttempts: 4 });
});
afterAll(() => t?.close());

const hashOf = async (email: string) =>
  (await t.owner.select({ h: users.passwordHash }).from(users).where(eq(users.email, email)))[0]!.h;

const NEW_PASSWORD = 'Violet-Oboe-Thunder-8';

describe('POST /api/me/password', () => {
  it('changes the password, ends the other sessions but not this one, and is audited', async () => {
    const org = await createTestOrg(t, 'pw1');
    const here = await t.login(org.officer);
    const elsewhere = await t.login(org.officer);
    const res = await here.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, otherSessionsEnded: 1 });

    expect((await here.get('/api/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/me')).statusCode).toBe(401);
    await expect(t.login(org.officer, PASSWORD)).rejects.toThrow(/401/);
    expect((await t.login(org.officer, NEW_PASSWORD)).info.user.email).toBe(org.officer);

    const events = (await auditOf(t, org.id)).filter((e) => e.action === 'user.password_changed');
    expect(events).toEqual([
      expect.objectContaining({
        actorType: 'user',
        actorLabel: org.officer,
        entityType: 'user',
        entityId: here.info.user.id,
        payload: { userId: here.info.user.id, otherSessionsEnded: 1 },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
  });

  it('an executive (read-only everywhere else) may change their own password', async () => {
    const org = await createTestOrg(t, 'pw2');
    const c = await t.login(org.executive);
    const res = await c.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('records the change in the current organisation only, and touches no one else', async () => {
    const org = await createTestOrg(t, 'pw3');
    const c = await t.login(org.admin);
    const otherHashes = [await hashOf(t.orgA.admin), await hashOf(t.orgB.admin)];
    const before = { a: (await auditOf(t, t.orgA.id)).length, b: (await auditOf(t, t.orgB.id)).length };
    expect(
      (await c.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode,
    ).toBe(200);
    expect([await hashOf(t.orgA.admin), await hashOf(t.orgB.admin)]).toEqual(otherHashes);
    expect((await auditOf(t, t.orgA.id)).length).toBe(before.a);
    expect((await auditOf(t, t.orgB.id)).length).toBe(before.b);
    // Org A's admin sees nothing of it in their trail.
    const a = await t.login(t.orgA.admin);
    const listed = (await a.get('/api/audit-events?limit=200')).json().items;
    expect(listed.map((e: { action: string }) => e.action)).not.toContain('user.password_changed');
  });

  describe('a weak new password', () => {
    const email = 'officer@pw4.test';
    beforeAll(async () => {
      await createTestOrg(t, 'pw4', [{ email, name: 'Officer pw4', role: 'officer' }]);
    });

    it.each([
      ['a repeated character', 'aaaaaaaaaaaa', /Repeated characters/],
      ['a common password', 'password1234', /commonly used password/],
      ['the e-mail address', 'officer@pw4.test', /e-mail address or name/],
      ['the name inside it', 'officer-pw4-rocks-2026', /e-mail address or name/],
      ['the current password', PASSWORD, /different from your current one/],
    ])(
      'refuses %s as the new password with 400 naming newPassword, saying why, writing nothing',
      async (_l, newPassword, why) => {
        const c = await t.login(email);
        const hash = await hashOf(email);
        const before = await rowCounts(t);
        const res = await c.post('/api/me/password', { currentPassword: PASSWORD, newPassword });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
        expect(issuePaths(res)).toEqual(['newPassword']);
        expect(res.json().error.issues[0].message).toMatch(why);
        expect(await rowCounts(t)).toEqual(before);
        expect(await hashOf(email)).toBe(hash);
      },
    );
  });

  it('refuses a wrong current password with 400 naming currentPassword, and counts it as a failed sign-in', async () => {
    const org = await createTestOrg(t, 'pw5');
    const c = await t.login(org.officer);
    const before = await rowCounts(t);
    const hash = await hashOf(org.officer);
    for (let i = 0; i < 4; i++) {
      const res = await c.post('/api/me/password', {
        currentPassword: 'not-my-password',
        newPassword: NEW_PASSWORD,
      });
      expect(res.statusCode).toBe(400);
      expect(issuePaths(res)).toEqual(['currentPassword']);
    }
    const throttled = await c.post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toEqual(expect.any(String));
    expect(await rowCounts(t)).toEqual(before);
    expect(await hashOf(org.officer)).toBe(hash);
  });

  it.each([
    ['no fields', {}, ['currentPassword', 'newPassword']],
    ['wrong types', { currentPassword: 1, newPassword: true }, ['currentPassword', 'newPassword']],
    ['an empty current password', { currentPassword: '', newPassword: NEW_PASSWORD }, ['currentPassword']],
    [
      'a new password of 11 characters',
      { currentPassword: PASSWORD, newPassword: 'eleven-char' },
      ['newPassword'],
    ],
    [
      'a new password of 257 characters',
      { currentPassword: PASSWORD, newPassword: 'p'.repeat(257) },
      ['newPassword'],
    ],
  ])('bad input (%s) answers 400 naming the fields and writes nothing', async (_l, payload, fields) => {
    const c = await t.login(t.orgB.officer);
    const before = await rowCounts(t);
    const res = await c.post('/api/me/password', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(issuePaths(res)).toEqual(expect.arrayContaining(fields));
    expect(await rowCounts(t)).toEqual(before);
  });

  it('needs a session with its CSRF token; an API key has no password to change', async () => {
    const c = await t.login(t.orgB.admin);
    const body = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: c.cookie },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_failed');
    expect((await t.app.inject({ method: 'POST', url: '/api/me/password', payload: body })).statusCode).toBe(
      401,
    );
    const key = await createApiKey(c, 'admin');
    const hash = await hashOf(t.orgB.admin);
    const byKey = await withKey(t, key.key)('POST', '/api/me/password', body);
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json().error.code).toBe('forbidden');
    expect(await hashOf(t.orgB.admin)).toBe(hash);
  });
});
