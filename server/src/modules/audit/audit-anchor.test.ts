import { verify as verifySignature } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditCheckpointFile } from '#shared/schemas/audit-anchors.js';
import { setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createApiKey, createTestOrg, withAuditTriggerOff } from '../../../test/factories.js';
import { auditCheckpoints, auditEvents } from '../../db/schema/audit.js';
import { withTenant } from '../../db/tenant.js';
import { checkpointMessage } from './audit-anchor.js';
import { signCheckpoint, storeCheckpoint } from './audit-append.js';
import { verifyAuditChain } from './audit-verify.js';

let t: TestContext;
beforeAll(async () => {
  // A small interval, so a few writes cross it.
  t = await setupTestApp({ auditCheckpointEvery: 5 });
});
afterAll(() => t?.close());

const checkpointsOf = (orgId: string) =>
  t.owner
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.orgId, orgId))
    .orderBy(auditCheckpoints.seq);

/** Adds `n` events (API key created/revoked pairs round up) to the organisation's chain. */
const addEvents = async (admin: Awaited<ReturnType<TestContext['login']>>, n: number) => {
  for (let i = 0; i < n; i++) await createApiKey(admin, 'officer', `key ${i}`);
};

describe('checkpoints of the chain head', () => {
  it('are recorded automatically every N events, signed with the server key', async () => {
    const org = await createTestOrg(t, 'auto');
    const admin = await t.login(org.admin);
    await addEvents(admin, 12);
    const events = await auditOf(t, org.id);
    const cps = await checkpointsOf(org.id);
    expect(cps.length).toBeGreaterThanOrEqual(2);
    for (const [i, cp] of cps.entries()) {
      expect(cp.reason).toBe('auto');
      expect(cp.hash).toBe(events.find((e) => e.seq === cp.seq)!.hash);
      if (i > 0) expect(cp.seq - cps[i - 1]!.seq).toBeGreaterThanOrEqual(5);
    }
    expect(events.length - cps.at(-1)!.seq).toBeLessThan(5);
  });

  it('an admin records one on demand and downloads them all with the public key that checks them', async () => {
    const org = await createTestOrg(t, 'demand');
    const admin = await t.login(org.admin);
    const res = await admin.post('/api/audit-events/checkpoints');
    expect(res.statusCode, res.body).toBe(201);
    const head = (await auditOf(t, org.id)).at(-1)!;
    expect(res.json()).toMatchObject({ seq: head.seq, hash: head.hash, reason: 'on_demand' });
    // Asking again without new events answers the same checkpoint.
    expect((await admin.post('/api/audit-events/checkpoints')).json()).toEqual(res.json());

    const file = (await admin.get('/api/audit-events/checkpoints')).json() as AuditCheckpointFile;
    expect(file).toMatchObject({ orgId: org.id, algorithm: 'Ed25519' });
    expect(file.checkpoints.at(-1)).toEqual(res.json());
    for (const cp of file.checkpoints) {
      const message = checkpointMessage(org.id, cp.seq, cp.hash, new Date(cp.createdAt));
      expect(
        verifySignature(null, Buffer.from(message), file.publicKey, Buffer.from(cp.signature, 'base64')),
      ).toBe(true);
    }
    const officer = await t.login(org.officer);
    expect((await officer.get('/api/audit-events/checkpoints')).statusCode).toBe(403);
    expect((await officer.post('/api/audit-events/checkpoints')).statusCode).toBe(403);
  });

  it("an organisation's download holds only its own checkpoints", async () => {
    const a = await t.login(t.orgA.admin);
    await a.post('/api/audit-events/checkpoints');
    const file = (await (await t.login(t.orgB.admin)).get('/api/audit-events/checkpoints')).json();
    const ownSeqs = (await checkpointsOf(t.orgB.id)).map((c) => c.signature);
    expect(file.checkpoints.map((c: { signature: string }) => c.signature)).toEqual(ownSeqs);
    expect(file.orgId).toBe(t.orgB.id);
  });

  it("a report's checkpoint of an earlier head sits beside later ones, at a taken seq too, and verifies", async () => {
    const org = await createTestOrg(t, 'report');
    const admin = await t.login(org.admin);
    await addEvents(admin, 6);
    const events = await auditOf(t, org.id);
    const auto = (await checkpointsOf(org.id)).at(-1)!;
    const early = events[1]!;
    // Signed at a time of the caller's: the same head and time give the same signature (reports repeat).
    const at = new Date('2026-11-30T12:00:00.123Z');
    const cp = signCheckpoint(org.id, early, at, 'report');
    expect(signCheckpoint(org.id, early, at, 'report')).toEqual(cp);
    expect(cp).toMatchObject({
      seq: early.seq,
      hash: early.hash,
      createdAt: at.toISOString(),
      reason: 'report',
    });
    await withTenant(t.db, org.id, async (tx) => {
      // Below the latest automatic checkpoint, twice, and once at the automatic checkpoint's own seq.
      await storeCheckpoint(tx, org.id, cp);
      await storeCheckpoint(tx, org.id, cp);
      await storeCheckpoint(tx, org.id, signCheckpoint(org.id, auto, at, 'report'));
    });
    const verified = (await admin.get('/api/audit-events/verify')).json();
    expect(verified).toMatchObject({ ok: true, missingTail: null });
    expect(verified.checkpoints.matched).toBe(verified.checkpoints.total);
    // "Latest" stays the checkpoint of the highest event, not the one stored last.
    expect(verified.checkpoints.latest.seq).toBe(auto.seq);
    const file = (await admin.get('/api/audit-events/checkpoints')).json() as AuditCheckpointFile;
    expect(file.checkpoints.filter((c) => c.reason === 'report')).toHaveLength(3);
    const withFile = await withTenant(t.db, org.id, (tx) => verifyAuditChain(tx, org.id, file));
    expect(withFile).toMatchObject({ ok: true, missingTail: null });
    // The next automatic checkpoint still counts from the highest checkpointed event.
    await addEvents(admin, 5);
    expect((await checkpointsOf(org.id)).filter((c) => c.reason === 'auto').length).toBeGreaterThan(
      (await checkpointsOf(org.id)).filter((c) => c.reason === 'auto' && c.seq <= auto.seq).length,
    );
  });
});

describe('deleting the newest events is detected', () => {
  it('verify reports the missing tail against the latest checkpoint', async () => {
    const org = await createTestOrg(t, 'tail');
    const admin = await t.login(org.admin);
    await addEvents(admin, 3);
    const cp = (await admin.post('/api/audit-events/checkpoints')).json();
    await addEvents(admin, 1);
    expect((await admin.get('/api/audit-events/verify')).json()).toMatchObject({
      ok: true,
      missingTail: null,
    });

    // The table owner removes the last four events (API keys: no personal values beside them).
    const keep = cp.seq - 3;
    await withAuditTriggerOff(t, () =>
      t.owner.delete(auditEvents).where(and(eq(auditEvents.orgId, org.id), gt(auditEvents.seq, keep))),
    );
    const result = (await admin.get('/api/audit-events/verify')).json();
    expect(result).toMatchObject({
      ok: false,
      checked: keep,
      firstBroken: null,
      head: { seq: keep },
      missingTail: { chainEndsAt: keep, checkpointSeq: cp.seq, recordedAt: cp.createdAt },
    });
    expect(result.checkpoints.problems.map((p: { reason: string }) => p.reason)).toContain(
      `the chain ends at #${keep} but checkpoint #${cp.seq} was recorded at ${cp.createdAt}: events were removed from its end`,
    );
  });

  it('a checkpoint written without the key is reported as forged', async () => {
    const org = await createTestOrg(t, 'forge');
    const admin = await t.login(org.admin);
    const { keyId } = (await admin.get('/api/audit-events/checkpoints')).json();
    const head = (await auditOf(t, org.id)).at(-1)!;
    await t.owner.insert(auditCheckpoints).values({
      orgId: org.id,
      seq: head.seq,
      hash: head.hash,
      createdAt: new Date(),
      reason: 'on_demand',
      keyId,
      signature: Buffer.alloc(64).toString('base64'),
    });
    const result = (await admin.get('/api/audit-events/verify')).json();
    expect(result.ok).toBe(false);
    expect(result.checkpoints.problems[0].reason).toMatch(/invalid signature/);
  });

  it('a downloaded file still reveals the tail when the stored checkpoints were deleted too', async () => {
    const org = await createTestOrg(t, 'both');
    const admin = await t.login(org.admin);
    await addEvents(admin, 2);
    await admin.post('/api/audit-events/checkpoints');
    const file = (await admin.get('/api/audit-events/checkpoints')).json() as AuditCheckpointFile;
    const last = file.checkpoints.at(-1)!;
    await withAuditTriggerOff(t, () =>
      t.owner
        .delete(auditEvents)
        .where(and(eq(auditEvents.orgId, org.id), gt(auditEvents.seq, last.seq - 2))),
    );
    await t.owner.execute(
      sql`alter table audit_checkpoints disable trigger audit_checkpoints_no_update_delete`,
    );
    try {
      await t.owner.delete(auditCheckpoints).where(eq(auditCheckpoints.orgId, org.id));
    } finally {
      await t.owner.execute(
        sql`alter table audit_checkpoints enable trigger audit_checkpoints_no_update_delete`,
      );
    }
    expect((await admin.get('/api/audit-events/verify')).json()).toMatchObject({
      ok: true,
      missingTail: null,
    });
    const withFile = await withTenant(t.db, org.id, (tx) => verifyAuditChain(tx, org.id, file));
    expect(withFile).toMatchObject({
      ok: false,
      missingTail: { chainEndsAt: last.seq - 2, checkpointSeq: last.seq },
    });
  });

  it('checkpoints are append-only, owner included', async () => {
    await expect(t.owner.execute(sql`delete from audit_checkpoints`)).rejects.toThrow();
    await expect(
      withTenant(t.db, t.orgA.id, (tx) => tx.execute(sql`update audit_checkpoints set seq = 1`)),
    ).rejects.toThrow();
  });
});
