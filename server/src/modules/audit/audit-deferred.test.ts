import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createTestOrg, failureOf } from '../../../test/factories.js';
import type { Tx } from '../../db/client.js';
import { auditPending } from '../../db/schema/audit.js';
import { rowsOf, withTenant } from '../../db/tenant.js';
import type { Actor } from '../../lib/context.js';
import { appendAuditEvent } from './audit-append.js';
import { drainAuditQueue, pendingAuditRow } from './audit-deferred.js';
import { hashEvent } from './audit-hash.js';
import { createAuditQueue } from './audit-queue.js';

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

// Names and payloads outside ASCII: the database hashes UTF-8 bytes of the same text JavaScript hashes.
const supplier: Actor = {
  type: 'supplier_link',
  id: 'a1',
  label: 'Textiles Ñandú S.A. — 東莞 (questionnaire link)',
};
const event = (n: number) => ({
  action: 'assignment.answer_saved' as const,
  entityType: 'assignment',
  entityId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  payload: {
    questionId: 'q_wages',
    revision: n,
    cleared: false,
    valueSha256: 'ab'.repeat(32),
    note: 'ünïcode "quoted"\n',
  },
});

/** Queues an event in the caller's transaction, as portal_save_answer() does (the payload's `note`, not in
 * the action's schema, carries text outside ASCII into the hash). */
const queueAuditEvent = (tx: Tx, orgId: string, actor: Actor, e: ReturnType<typeof event>) =>
  tx.insert(auditPending).values(pendingAuditRow(orgId, actor, e as never));

/** The organisation's rows still queued, read as the owner. */
const queued = async (orgId: string) =>
  rowsOf<{ n: number }>(
    await t.owner.execute(sql`select count(*)::int as n from audit_pending where org_id = ${orgId}`),
  )[0]!.n;

/** The organisation's chained events, read as the owner without draining (auditOf drains first). */
const chained = async (orgId: string) =>
  rowsOf<{ n: number }>(
    await t.owner.execute(sql`select count(*)::int as n from audit_events where org_id = ${orgId}`),
  )[0]!.n;

const silent = { warn: () => {}, error: () => {} };

/** Verifies the chain as the organisation's admin (whose sign-in is itself one more event). */
const verify = async (email: string) => (await (await t.login(email)).get('/api/audit-events/verify')).json();

describe('audit events queued, chained after commit', () => {
  it('wait in the queue until drained, then take the next places with the hash hashEvent re-computes', async () => {
    const org = await createTestOrg(t, 'deferred');
    const before = (await auditOf(t, org.id)).length;
    await withTenant(t.db, org.id, async (tx) => {
      await queueAuditEvent(tx, org.id, supplier, event(1));
      // A direct append links what was queued before it (even in its own transaction) ahead of itself.
      await appendAuditEvent(tx, org.id, supplier, event(2) as never);
      await queueAuditEvent(tx, org.id, supplier, event(3));
    });
    // Committed with the change, not chained yet.
    expect(await queued(org.id)).toBe(1);
    expect(await chained(org.id)).toBe(before + 2);
    const drained = await withTenant(t.db, org.id, (tx) => drainAuditQueue(tx, org.id));
    expect(rowsOf<{ audit_pending_drain: number }>(drained)[0]?.audit_pending_drain).toBe(1);
    expect(await queued(org.id)).toBe(0);
    const events = await auditOf(t, org.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: before + 3 }, (_, i) => i + 1));
    expect(events.slice(before).map((e) => (e.payload as { revision: number }).revision)).toEqual([1, 2, 3]);
    for (const e of events.slice(before)) {
      expect(e.actorLabel).toBe(supplier.label);
      expect(hashEvent(e)).toBe(e.hash);
    }
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
      expect(events[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.createdAt.getTime());
    }
    expect(await verify(org.admin)).toMatchObject({ ok: true, checked: before + 3 + 1, firstBroken: null });
  });

  it('are in the trail an officer reads, exports and verifies as soon as their change has committed', async () => {
    const org = await createTestOrg(t, 'deferred-read');
    const officer = await t.login(org.officer);
    await withTenant(t.db, org.id, (tx) => queueAuditEvent(tx, org.id, supplier, event(7)));
    expect(await queued(org.id)).toBe(1);
    const listed = await officer.get(`/api/audit-events?entityId=${event(7).entityId}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ action: 'assignment.answer_saved', entityId: event(7).entityId }),
    ]);
    expect(await queued(org.id)).toBe(0);

    await withTenant(t.db, org.id, (tx) => queueAuditEvent(tx, org.id, supplier, event(8)));
    const csv = await officer.get('/api/audit-events/export.csv');
    expect(csv.body).toContain(event(8).entityId);
    await withTenant(t.db, org.id, (tx) => queueAuditEvent(tx, org.id, supplier, event(9)));
    const before = await chained(org.id);
    expect(await verify(org.admin)).toMatchObject({ ok: true, checked: before + 1 + 1, firstBroken: null });
  });

  it('a rolled-back transaction leaves neither the event nor a queued row', async () => {
    const org = await createTestOrg(t, 'deferred-rollback');
    const before = (await auditOf(t, org.id)).length;
    const failed = withTenant(t.db, org.id, async (tx) => {
      await queueAuditEvent(tx, org.id, supplier, event(1));
      throw new Error('the change failed');
    });
    expect(await failureOf(failed)).toMatch(/the change failed/);
    expect(await queued(org.id)).toBe(0);
    expect((await auditOf(t, org.id)).length).toBe(before);
  });

  it('a queued row of another organisation is refused by row-level security, and never drained by another', async () => {
    const failed = withTenant(t.db, t.orgA.id, (tx) =>
      queueAuditEvent(tx, t.orgB.id, supplier, event(1)).then(() => undefined),
    );
    expect(await failureOf(failed)).toMatch(/row-level security/);
    const org = await createTestOrg(t, 'deferred-other');
    await withTenant(t.db, org.id, (tx) => queueAuditEvent(tx, org.id, supplier, event(1)));
    // Organisation A asking to drain the other's queue links nothing: it cannot see those rows.
    await withTenant(t.db, t.orgA.id, (tx) => drainAuditQueue(tx, org.id));
    expect(await queued(org.id)).toBe(1);
    await withTenant(t.db, org.id, (tx) => drainAuditQueue(tx, org.id));
    expect(await queued(org.id)).toBe(0);
  });

  it('twenty changes at once, each kicking the queue after its commit, leave a gap-free chain that verifies', async () => {
    const org = await createTestOrg(t, 'deferred-busy');
    const before = (await auditOf(t, org.id)).length;
    const queue = createAuditQueue({ db: t.db, log: silent });
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await withTenant(t.db, org.id, (tx) => queueAuditEvent(tx, org.id, supplier, event(i)));
        queue.kick(org.id);
      }),
    );
    await queue.stop();
    // Every kick was answered by a drain that ran after its commit: nothing is left for the sweep.
    expect(await queued(org.id)).toBe(0);
    const events = await auditOf(t, org.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
    expect(await verify(org.admin)).toMatchObject({ ok: true, checked: before + 20 + 1, firstBroken: null });
  });

  it("the sweep drains what no one kicked, every organisation's", async () => {
    const one = await createTestOrg(t, 'deferred-sweep-1');
    const two = await createTestOrg(t, 'deferred-sweep-2');
    for (const org of [one, two]) {
      await withTenant(t.db, org.id, (tx) => queueAuditEvent(tx, org.id, supplier, event(1)));
    }
    const queue = createAuditQueue({ db: t.db, log: silent });
    await queue.drainAll();
    await queue.stop();
    expect([await queued(one.id), await queued(two.id)]).toEqual([0, 0]);
  });

  it('the database session time zone does not change the hash', async () => {
    const org = await createTestOrg(t, 'deferred-tz');
    await withTenant(t.db, org.id, (tx) => queueAuditEvent(tx, org.id, supplier, event(1)));
    await withTenant(t.db, org.id, async (tx) => {
      await tx.execute(sql`set local time zone 'Pacific/Kiritimati'`);
      await drainAuditQueue(tx, org.id);
    });
    expect(await queued(org.id)).toBe(0);
    expect(await verify(org.admin)).toMatchObject({ ok: true, firstBroken: null });
  });
});
