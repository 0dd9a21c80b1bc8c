import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, issuePaths, rowCounts, userIdOf } from '../../../test/factories.js';
import { accountLinks, mailOutbox } from '../../db/schema/mail.js';
import { sha256Hex } from '../../lib/tokens.js';

// Password links without a mailer (the embedded default): the admin is handed the link once; the link's page
// and its spending, expiry and reuse; who may issue one; bad input. E-mail delivery is in mail.test.ts.

let t: TestContext;
const STRONG = 'Copper-Meadow-Tangent-83';

beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

const inspect = (token: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/account-links/inspect', payload: { token } });
const setPassword = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/account-links/password', payload: payload as object });

const issueFor = async (email: string) => {
  const admin = await t.login(t.orgA.admin);
  const res = await admin.post(`/api/users/${await userIdOf(t, email)}/password-link`);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { kind: string; delivery: string; url: string; expiresAt: string };
};

describe('a link handed to the admin', () => {
  it('is returned once, recorded as not e-mailed, and stored only as its hash', async () => {
    const issued = await issueFor(t.orgA.executive);
    // The executive has never signed in in this file: an invitation, not a reset.
    expect(issued).toMatchObject({ kind: 'invitation', delivery: 'handed_over' });
    const token = issued.url.split('#')[1]!;
    const userId = await userIdOf(t, t.orgA.executive);
    const [message] = await t.owner.select().from(mailOutbox).where(eq(mailOutbox.entityId, userId));
    expect(message).toMatchObject({ status: 'not_sent', linkSealed: null, kind: 'user_invitation' });
    const [link] = await t.owner.select().from(accountLinks).where(eq(accountLinks.userId, userId));
    expect(link!.tokenHash).toBe(sha256Hex(token));
    const event = (await auditOf(t, t.orgA.id)).find((e) => e.action === 'account_link.issued');
    expect(event?.payload).toMatchObject({
      kind: 'invitation',
      delivery: 'handed_over',
      requestedBy: 'admin',
    });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it('is a reset once the person has signed in, and setting the password ends their sessions', async () => {
    const officer = await t.login(t.orgA.officer);
    const issued = await issueFor(t.orgA.officer);
    expect(issued.kind).toBe('password_reset');
    const token = issued.url.split('#')[1]!;
    expect((await inspect(token)).json()).toMatchObject({
      kind: 'password_reset',
      state: 'live',
      email: t.orgA.officer,
      organisation: 'Org A',
    });
    const res = await setPassword({ token, password: STRONG });
    expect(res.json()).toMatchObject({ ok: true, kind: 'password_reset', sessionsEnded: 1 });
    expect((await officer.get('/api/me')).statusCode).toBe(401);
    await t.login(t.orgA.officer, STRONG);
    // Spent: the page says so and no longer names the account.
    expect((await inspect(token)).json()).toMatchObject({ state: 'used', email: null, name: null });
  });

  it('refuses a weak password on the field, naming why, and leaves the link live', async () => {
    const { url } = await issueFor(t.orgA.executive);
    const token = url.split('#')[1]!;
    const res = await setPassword({ token, password: 'executive a 1' });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(['password']);
    expect((await inspect(token)).json().state).toBe('live');
  });

  it('says plainly when the link expired, and changes nothing', async () => {
    const { url } = await issueFor(t.orgA.executive);
    const token = url.split('#')[1]!;
    await t.owner
      .update(accountLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountLinks.tokenHash, sha256Hex(token)));
    expect((await inspect(token)).json()).toMatchObject({ state: 'expired', email: null });
    const before = await rowCounts(t);
    const res = await setPassword({ token, password: STRONG });
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toMatchObject({ code: 'gone' });
    expect(res.json().error.message).toMatch(/invitation has expired.*administrator of Org A/);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('spends every other live link of the person when one is used', async () => {
    const first = (await issueFor(t.orgA.executive)).url.split('#')[1]!;
    const second = (await issueFor(t.orgA.executive)).url.split('#')[1]!;
    expect((await setPassword({ token: second, password: STRONG })).statusCode).toBe(200);
    expect((await inspect(first)).json().state).toBe('used');
    expect((await setPassword({ token: first, password: `${STRONG}-2` })).statusCode).toBe(410);
  });
});

describe('who may issue a link', () => {
  it('is an admin of the member’s own organisation, for an active member', async () => {
    const id = await userIdOf(t, t.orgA.executive);
    const officer = await t.login(t.orgA.officer, STRONG);
    expect((await officer.post(`/api/users/${id}/password-link`)).statusCode).toBe(403);
    const adminB = await t.login(t.orgB.admin);
    expect((await adminB.post(`/api/users/${id}/password-link`)).statusCode).toBe(404);
    expect((await adminB.post('/api/users/not-an-id/password-link')).statusCode).toBe(400);

    const admin = await t.login(t.orgA.admin);
    const member = (await admin.get(`/api/users?q=${encodeURIComponent(t.orgA.executive)}`)).json().items[0];
    await admin.patch(`/api/users/${id}`, { status: 'deactivated', revision: member.revision });
    const refused = await admin.post(`/api/users/${id}/password-link`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/deactivated/);
  });
});

describe('accounts shared with other organisations', () => {
  it('are not this admin’s to open: no link is handed over, and a link stops working when its membership ends', async () => {
    // B's officer also becomes a member of A: A's admin must not get a link that opens B's officer's account.
    const admin = await t.login(t.orgA.admin);
    const added = await admin.post('/api/users', {
      email: t.orgB.officer,
      name: 'ignored',
      role: 'executive',
    });
    expect(added.statusCode, added.body).toBe(201);
    const refused = await admin.post(`/api/users/${added.json().id}/password-link`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(
      /also belongs to another organisation.*Forgot your password/,
    );
    expect(await t.owner.select().from(accountLinks).where(eq(accountLinks.userId, added.json().id))).toEqual(
      [],
    );

    // A link issued while the member belonged here alone dies with the membership.
    const created = (
      await admin.post('/api/users', { email: 'leaver@a.test', name: 'Leaver', role: 'officer' })
    ).json();
    const token = created.invitation.url.split('#')[1];
    await admin.patch(`/api/users/${created.id}`, { status: 'deactivated', revision: created.revision });
    const spent = await setPassword({ token, password: STRONG });
    expect(spent.statusCode).toBe(410);
  });
});

describe('asking for a reset without a mailer', () => {
  it('answers as usual and issues nothing (nobody could receive it)', async () => {
    const userId = await userIdOf(t, t.orgB.officer);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: t.orgB.officer },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().message).toMatch(/If an account uses this address/);
    expect(await t.owner.select().from(accountLinks).where(eq(accountLinks.userId, userId))).toEqual([]);
  });
});

describe('bad input', () => {
  it('names the field at fault and never reaches the database with it', async () => {
    expect((await inspect('no-such-token')).statusCode).toBe(404);
    const cases: [unknown, string[]][] = [
      [{}, ['token', 'password']],
      [{ token: '', password: STRONG }, ['token']],
      [{ token: 'x'.repeat(201), password: STRONG }, ['token']],
      [{ token: 'abc', password: 'short' }, ['password']],
      [{ token: 'abc\u0000', password: STRONG }, ['token']],
      [{ token: 42, password: [STRONG] }, ['token', 'password']],
    ];
    for (const [body, paths] of cases) {
      const res = await setPassword(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect([...new Set(issuePaths(res))].sort()).toEqual([...paths].sort());
    }
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'not an address' },
    });
    expect(reset.statusCode).toBe(400);
    expect(issuePaths(reset)).toEqual(['email']);
  });
});
