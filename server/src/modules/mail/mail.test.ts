import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, userIdOf } from '../../../test/factories.js';
import { linkIn, startSmtpServer, tokenOf } from '../../../test/smtp.js';
import { accountLinks, mailOutbox } from '../../db/schema/mail.js';
import { sha256Hex } from '../../lib/tokens.js';

// E-mail through a real SMTP server started in this process: what the product sends, how a refused send is
// retried and given up, and that no secret link is ever stored readable.

let t: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

const STRONG = 'Quiet-Lantern-Orchard-47';

const waitUntil = async <T>(fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
};

const outboxRows = (to: string) => t.owner.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await setupTestApp({ smtpUrl: smtp.url, publicUrl: 'https://cs.example.test', mailMaxAttempts: 2 });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('invitations by e-mail', () => {
  it('invites a new user, who chooses a password with the link and signs in', async () => {
    const admin = await t.login(t.orgA.admin);
    const res = await admin.post('/api/users', {
      email: 'nadia@a.test',
      name: 'Nadia Haddad',
      role: 'officer',
    });
    expect(res.statusCode).toBe(201);
    const { invitation } = res.json();
    expect(invitation).toMatchObject({ kind: 'invitation', delivery: 'email' });
    expect(invitation.url).toBeUndefined();

    const [mail] = await smtp.waitFor('nadia@a.test');
    expect(mail!.subject).toBe('You are invited to Org A on Clearsource');
    expect(mail!.text).toContain('admin@a.test has given you access to Org A on Clearsource as officer.');
    const link = linkIn(mail!);
    expect(link.startsWith('https://cs.example.test/set-password#')).toBe(true);
    expect(mail!.html).toContain(link);

    // Stored: the hash only; the sealed copy in the outbox is erased once the message left.
    const token = tokenOf(link);
    const [row] = await waitUntil(async () => {
      const rows = await outboxRows('nadia@a.test');
      return rows[0]?.status === 'sent' && rows;
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, linkSealed: null, kind: 'user_invitation' });
    const [link1] = await t.owner
      .select()
      .from(accountLinks)
      .where(eq(accountLinks.tokenHash, sha256Hex(token)));
    expect(link1).toMatchObject({ kind: 'invitation', orgId: t.orgA.id, usedAt: null });
    const dump = JSON.stringify([
      await t.owner.select().from(mailOutbox),
      await t.owner.select().from(accountLinks),
      await t.owner.execute(sql`select * from audit_events`),
    ]);
    expect(dump).not.toContain(token);

    const info = await t.app.inject({
      method: 'POST',
      url: '/api/account-links/inspect',
      payload: { token },
    });
    expect(info.json()).toMatchObject({
      kind: 'invitation',
      state: 'live',
      email: 'nadia@a.test',
      name: 'Nadia Haddad',
      organisation: 'Org A',
    });

    const set = await t.app.inject({
      method: 'POST',
      url: '/api/account-links/password',
      payload: { token, password: STRONG },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ ok: true, kind: 'invitation', email: 'nadia@a.test' });
    const nadia = await t.login('nadia@a.test', STRONG);
    expect(nadia.info.role).toBe('officer');

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/account-links/password',
      payload: { token, password: `${STRONG}x` },
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.message).toMatch(/already used/);

    const actions = (await auditOf(t, t.orgA.id)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.created',
        'account_link.issued',
        'mail.sent',
        'user.password_set_by_link',
      ]),
    );
  });

  it('tells a person who already has an account that they were added, without any link', async () => {
    const adminB = await t.login(t.orgB.admin);
    const res = await adminB.post('/api/users', {
      email: t.orgA.executive,
      name: 'ignored',
      role: 'officer',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().invitation).toBeUndefined();
    const [mail] = await smtp.waitFor(t.orgA.executive);
    expect(mail!.subject).toBe('You now have access to Org B on Clearsource');
    expect(mail!.text).not.toMatch(/set-password/);
  });
});

describe('password reset by e-mail', () => {
  it('answers the same for any address, and e-mails a link that ends every session of the account', async () => {
    const officer = await t.login(t.orgA.officer);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'nobody@nowhere.test' },
    });
    const known = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: t.orgA.officer.toUpperCase() },
    });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());

    const [mail] = await smtp.waitFor(t.orgA.officer);
    expect(mail!.subject).toBe('Choose a new Clearsource password');
    const token = tokenOf(linkIn(mail!));
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/account-links/password',
      payload: { token, password: STRONG },
    });
    expect(set.json()).toMatchObject({ kind: 'password_reset', sessionsEnded: 1 });
    expect((await officer.get('/api/me')).statusCode).toBe(401);
    await t.login(t.orgA.officer, STRONG);
  });

  it('sends at most three reset links an hour to one person, and limits each address to five asks', async () => {
    const ask = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email: t.orgB.officer },
        remoteAddress,
      });
    for (let i = 0; i < 5; i++) expect((await ask('10.0.0.7')).statusCode).toBe(202);
    const limited = await ask('10.0.0.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await ask('10.0.0.8')).statusCode).toBe(202);
    const userId = await userIdOf(t, t.orgB.officer);
    const links = await t.owner.select().from(accountLinks).where(eq(accountLinks.userId, userId));
    expect(links).toHaveLength(3);
    await smtp.waitFor(t.orgB.officer, 3);
  });
});

describe('delivery', () => {
  it('retries a refused send, keeping the mail server’s answer visible, then sends it', async () => {
    smtp.refuseNext('retry@a.test', 1);
    const admin = await t.login(t.orgA.admin);
    await admin.post('/api/users', { email: 'retry@a.test', name: 'Retry Person', role: 'executive' });
    const [refused] = await waitUntil(async () => {
      const rows = await outboxRows('retry@a.test');
      return rows[0]?.lastError ? rows : undefined;
    });
    expect(refused).toMatchObject({ status: 'queued', attempts: 1 });
    expect(refused!.lastError).toMatch(/451|busy/i);
    expect(refused!.linkSealed).not.toBeNull();
    // About a minute later (first backoff step).
    const wait = refused!.nextAttemptAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);

    const list = await admin.get('/api/outbox?status=queued');
    expect(list.json().items.find((m: { to: string }) => m.to === 'retry@a.test')).toMatchObject({
      kind: 'user_invitation',
      status: 'queued',
      attempts: 1,
    });

    // Due now: the worker's poll sends it.
    await t.owner.update(mailOutbox).set({ nextAttemptAt: new Date() }).where(eq(mailOutbox.id, refused!.id));
    await smtp.waitFor('retry@a.test');
    const [sent] = await waitUntil(async () => {
      const rows = await outboxRows('retry@a.test');
      return rows[0]?.status === 'sent' && rows;
    });
    expect(sent).toMatchObject({ attempts: 2, lastError: null, linkSealed: null });
  });

  it('gives a message up after its last attempt, erases its link and says so in the trail', async () => {
    smtp.refuseNext('giveup@a.test', 2);
    const admin = await t.login(t.orgA.admin);
    await admin.post('/api/users', { email: 'giveup@a.test', name: 'Give Up', role: 'executive' });
    const [first] = await waitUntil(async () => {
      const rows = await outboxRows('giveup@a.test');
      return rows[0]?.lastError ? rows : undefined;
    });
    await t.owner.update(mailOutbox).set({ nextAttemptAt: new Date() }).where(eq(mailOutbox.id, first!.id));
    const [failed] = await waitUntil(async () => {
      const rows = await outboxRows('giveup@a.test');
      return rows[0]?.status === 'failed' && rows;
    });
    expect(failed).toMatchObject({ attempts: 2, linkSealed: null });
    const event = (await auditOf(t, t.orgA.id)).find(
      (e) => e.action === 'mail.failed' && e.entityId === failed!.id,
    );
    expect(event?.payload).toMatchObject({ kind: 'user_invitation', attempts: 2 });
    const shown = await admin.get(`/api/outbox/${failed!.id}`);
    expect(shown.json()).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: null });
    expect(shown.json().lastError).toMatch(/busy/i);
  });
});

describe('the outbox API', () => {
  it('is for officers and admins of the organisation only', async () => {
    const [row] = await t.owner.select().from(mailOutbox).where(eq(mailOutbox.orgId, t.orgA.id)).limit(1);
    const officer = await t.login(t.orgA.officer, STRONG);
    expect((await officer.get(`/api/outbox/${row!.id}`)).statusCode).toBe(200);
    const executive = await t.login(t.orgB.executive);
    expect((await executive.get('/api/outbox')).statusCode).toBe(403);
    const adminB = await t.login(t.orgB.admin);
    expect((await adminB.get(`/api/outbox/${row!.id}`)).statusCode).toBe(404);
    const all = (await adminB.get('/api/outbox?limit=200')).json();
    expect(all.items.every((m: { id: string }) => m.id !== row!.id)).toBe(true);
    const bad = await adminB.get('/api/outbox?status=lost&entityId=nope');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['entityId', 'status']);
    expect((await adminB.get('/api/outbox/not-a-uuid')).statusCode).toBe(400);
  });
});
