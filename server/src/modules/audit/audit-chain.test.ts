import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';
import {
  auditOf,
  createTestOrg,
  failureOf,
  rowCounts,
  withAuditTriggerOff,
} from '../../../test/factories.js';
import { auditEvents } from '../../db/schema/audit.js';
import { withTenant } from '../../db/tenant.js';
import { hashEvent } from './audit-hash.js';

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

const verify = async (email: string) => {
  const res = await (await t.login(email)).get('/api/audit-events/verify');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/audit-events/verify', () => {
  it('answers ok with the number of events checked, and each event names its predecessor', async () => {
    const c = await t.login(t.orgA.admin);
    await c.post('/api/api-keys', { name: 'k', role: 'officer' });
    const result = await verify(t.orgA.officer);
    const stored = await auditOf(t, t.orgA.id);
    expect(result).toMatchObject({ ok: true, checked: stored.length, firstBroken: null });
    expect(result.head).toMatchObject({ seq: stored.length, hash: stored.at(-1)!.hash });
    const asc = (await c.get('/api/audit-events?order=asc&limit=200')).json().items;
    for (let i = 1; i < asc.length; i++) expect(asc[i].prevHash).toBe(asc[i - 1].hash);
    expect(asc[0].prevHash).toBe('0'.repeat(64));
  });
});

describe('the audit table is append-only in the database', () => {
  it.each([
    ['UPDATE', sql`update audit_events set action = 'forged'`],
    ['DELETE', sql`delete from audit_events`],
    ['TRUNCATE', sql`truncate audit_events`],
  ])('refuses %s even to the owner', async (_op, stmt) => {
    const before = await rowCounts(t);
    // TRUNCATE meets the personal values' foreign key before the trigger: refused either way.
    expect(await failureOf(t.owner.execute(stmt))).toMatch(/append-only|foreign key/);
    expect(await rowCounts(t)).toEqual(before);
  });

  it.each([
    ['UPDATE', sql`update audit_events set action = 'forged'`],
    ['DELETE', sql`delete from audit_events`],
  ])('refuses %s to the request role inside a tenant', async (_op, stmt) => {
    expect(await failureOf(withTenant(t.db, t.orgA.id, (tx) => tx.execute(stmt)))).toMatch(
      /permission denied/,
    );
  });
});

describe('tampering is detected', () => {
  it('an altered payload breaks the chain at that event', async () => {
    const org = await createTestOrg(t, 'alter');
    await withAuditTriggerOff(t, () =>
      t.owner
        .update(auditEvents)
        .set({ payload: { email: 'someone-else@alter.test', name: 'x', role: 'admin' } })
        .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.seq, 2))),
    );
    const result = await verify(org.admin);
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(1);
    expect(result.firstBroken).toMatchObject({ seq: 2, reason: expect.stringMatching(/altered/) });
    expect((await verify(t.orgA.admin)).ok).toBe(true);
  });

  it('an event altered with a re-computed hash breaks the link to the next event', async () => {
    const org = await createTestOrg(t, 'rehash');
    const [, second] = await auditOf(t, org.id);
    const forged = { ...second!, actorLabel: 'nobody' };
    await withAuditTriggerOff(t, () =>
      t.owner
        .update(auditEvents)
        .set({ actorLabel: forged.actorLabel, hash: hashEvent(forged) })
        .where(eq(auditEvents.id, second!.id)),
    );
    const result = await verify(org.admin);
    expect(result).toMatchObject({
      ok: false,
      checked: 2,
      firstBroken: { seq: 3, reason: expect.stringMatching(/prev_hash/) },
    });
  });

  it('a deleted event in the middle is reported as a gap', async () => {
    const org = await createTestOrg(t, 'gap');
    await withAuditTriggerOff(t, () =>
      t.owner.delete(auditEvents).where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.seq, 2))),
    );
    const result = await verify(org.admin);
    expect(result).toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: { seq: 3, reason: expect.stringMatching(/gap/) },
    });
  });
});

describe('the event is written in the same transaction as the change', () => {
  // A database fault injected by the superuser: the audit insert fails, so the change must not stay either.
  const refuseAuditInserts = async (fn: () => Promise<void>) => {
    await t.owner.execute(sql`create function test_refuse_audit() returns trigger language plpgsql as
      $$ begin raise exception 'audit store unavailable'; end $$`);
    await t.owner.execute(sql`create trigger test_refuse_audit before insert on audit_events
      for each row execute function test_refuse_audit()`);
    try {
      await fn();
    } finally {
      await t.owner.execute(sql`drop trigger test_refuse_audit on audit_events`);
      await t.owner.execute(sql`drop function test_refuse_audit()`);
    }
  };

  it('when the event cannot be written, the user, membership and API key are not written either', async () => {
    const c = await t.login(t.orgA.admin);
    const before = await rowCounts(t);
    await refuseAuditInserts(async () => {
      const user = await c.post('/api/users', {
        email: 'ghost@a.test',
        name: 'Ghost',
        role: 'officer',
        password: PASSWORD,
      });
      expect(user.statusCode).toBe(500);
      const key = await c.post('/api/api-keys', { name: 'ghost', role: 'officer' });
      expect(key.statusCode).toBe(500);
    });
    expect(await rowCounts(t)).toEqual(before);
    const listed = (await c.get('/api/users?q=ghost')).json();
    expect(listed.total).toBe(0);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'ghost@a.test', password: PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('concurrent writers', () => {
  it('ten users created at once in one organisation leave a gap-free chain that verifies', async () => {
    const org = await createTestOrg(t, 'busy');
    const c = await t.login(org.admin);
    const before = (await auditOf(t, org.id)).length;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        c.post('/api/users', {
          email: `u${i}@busy.test`,
          name: `User ${i}`,
          role: 'officer',
          password: PASSWORD,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const events = await auditOf(t, org.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: before + 10 }, (_, i) => i + 1));
    const created = events.slice(before);
    expect(new Set(created.map((e) => e.entityId))).toEqual(new Set(results.map((r) => r.json().id)));
    expect(await verify(org.admin)).toMatchObject({ ok: true, checked: before + 11, firstBroken: null });
  });
});
