import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createTestOrg, failureOf } from '../../../test/factories.js';
import type { Tx } from '../../db/client.js';
import { auditPending } from '../../db/schema/audit.js';
import { rowsOf, withTenant } from '../../db/tenant.js';
import type { Actor } from '../../lib/context.js';
import { appendAuditEvent } from './audit-append.js';
import { pendingAuditRow } from './audit-deferred.js';
import { hashEvent } from './audit-hash.js';

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

/** Verifies the chain as the organisation's admin (whose sign-in is itself one more event). */
const verify = async (email: string) => (await (await t.login(email)).get('/api/audit-events/verify')).json();

describe('audit events chained at commit', () => {
  it('take the next place in the chain with the hash hashEvent re-computes, in order with direct appends', async () => {
    const org = await createTestOrg(t, 'deferred');
    const before = (await auditOf(t, org.id)).length;
    await withTenant(t.db, org.id, async (tx) => {
      await queueAuditEvent(tx, org.id, supplier, event(1));
      await appendAuditEvent(tx, org.id, supplier, event(2) as never);
      await queueAuditEvent(tx, org.id, supplier, event(3));
    });
    const events = await auditOf(t, org.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: before + 3 }, (_, i) => i + 1));
    // The direct append takes its place at once; the queued ones at commit, in the order they were written.
    expect(events.slice(before).map((e) => (e.payload as { revision: number }).revision)).toEqual([2, 1, 3]);
    for (const e of events.slice(before)) {
      expect(e.actorLabel).toBe(supplier.label);
      expect(hashEvent(e)).toBe(e.hash);
    }
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
      expect(events[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.createdAt.getTime());
    }
    expect(await verify(org.admin)).toMatchObject({ ok: true, checked: before + 3 + 1, firstBroken: null });
    expect(await t.owner.select().from(auditPending)).toEqual([]);
  });

  it('a rolled-back transaction leaves neither the event nor a waiting row', async () => {
    const org = await createTestOrg(t, 'deferred-rollback');
    const before = (await auditOf(t, org.id)).length;
    const failed = withTenant(t.db, org.id, async (tx) => {
      await queueAuditEvent(tx, org.id, supplier, event(1));
      throw new Error('the change failed');
    });
    expect(await failureOf(failed)).toMatch(/the change failed/);
    expect((await auditOf(t, org.id)).length).toBe(before);
    expect(await t.owner.select().from(auditPending)).toEqual([]);
  });

  it('a waiting row of another organisation is refused by row-level security', async () => {
    const failed = withTenant(t.db, t.orgA.id, (tx) =>
      queueAuditEvent(tx, t.orgB.id, supplier, event(1)).then(() => undefined),
    );
    expect(await failureOf(failed)).toMatch(/row-level security/);
  });

  it('twenty transactions at once leave a gap-free chain that verifies', async () => {
    const org = await createTestOrg(t, 'deferred-busy');
    const before = (await auditOf(t, org.id)).length;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withTenant(t.db, org.id, async (tx) => {
          await queueAuditEvent(tx, org.id, supplier, event(i));
        }),
      ),
    );
    const events = await auditOf(t, org.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
    expect(await verify(org.admin)).toMatchObject({ ok: true, checked: before + 20 + 1, firstBroken: null });
  });

  it('the database session time zone does not change the hash', async () => {
    const org = await createTestOrg(t, 'deferred-tz');
    await withTenant(t.db, org.id, async (tx) => {
      await tx.execute(sql`set local time zone 'Pacific/Kiritimati'`);
      await queueAuditEvent(tx, org.id, supplier, event(1));
    });
    expect(await verify(org.admin)).toMatchObject({ ok: true, firstBroken: null });
    const [row] = rowsOf<{ n: number }>(
      await t.owner.execute(sql`select count(*)::int as n from audit_pending`),
    );
    expect(row?.n).toBe(0);
  });
});
