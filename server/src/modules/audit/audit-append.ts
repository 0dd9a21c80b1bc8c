import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { AuditEventInput } from '#shared/schemas/audit.js';
import type { AuditCheckpoint } from '#shared/schemas/audit-anchors.js';
import { bulkInsert } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { inFlight, queueFirst } from '../../db/in-flight.js';
import { auditCheckpoints, auditEvents, auditPersonalValues } from '../../db/schema/audit.js';
import type { Actor } from '../../lib/context.js';
import { auditAnchoring, checkpointMessage } from './audit-anchor.js';
import { GENESIS_HASH, hashEvent } from './audit-hash.js';
import { protectPayload } from './audit-personal.js';

export type RecordedEvent = AuditEventInput & { entityId: string };

export interface AppendedEvent {
  id: string;
  seq: number;
  hash: string;
}

// Events hashed and written per statement: bounds the one JSON parameter of each INSERT, and lets the next
// batch be hashed while PostgreSQL writes the previous one.
const BATCH = 2000;

/**
 * Serialises writers of one organisation's chain until the transaction ends, so two concurrent transactions
 * cannot both link to the same predecessor; then links what was queued and committed before
 * (audit_chain_lock(), migration 0042), so those events take their places ahead of the caller's.
 */
const lockChain = (tx: Tx, orgId: string) => tx.execute(sql`select audit_chain_lock(${orgId}::uuid)`);

const headOf = async (tx: Tx, orgId: string) => {
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash, createdAt: auditEvents.createdAt })
    .from(auditEvents)
    .where(eq(auditEvents.orgId, orgId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last ?? null;
};

/** The chain's head and the sequence its latest checkpoint names (0 when none), in one statement. */
const headAndCheckpointOf = async (tx: Tx, orgId: string) => {
  const [row] = await tx
    .select({
      seq: auditEvents.seq,
      hash: auditEvents.hash,
      checkpointSeq: sql<number>`coalesce((select ${auditCheckpoints.seq} from ${auditCheckpoints}
        where ${auditCheckpoints.orgId} = ${orgId} order by ${auditCheckpoints.seq} desc limit 1), 0)::int`,
    })
    .from(auditEvents)
    .where(eq(auditEvents.orgId, orgId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return {
    head: row ? { seq: row.seq, hash: row.hash } : null,
    checkpointSeq: row ? Number(row.checkpointSeq) : 0,
  };
};

const latestCheckpoint = async (tx: Tx, orgId: string) => {
  const [row] = await tx
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.orgId, orgId))
    .orderBy(desc(auditCheckpoints.seq), desc(auditCheckpoints.createdAt))
    .limit(1);
  return row ?? null;
};

export const toCheckpoint = (r: typeof auditCheckpoints.$inferSelect): AuditCheckpoint => ({
  seq: r.seq,
  hash: r.hash,
  createdAt: r.createdAt.toISOString(),
  reason: r.reason,
  keyId: r.keyId,
  signature: r.signature,
});

/**
 * A checkpoint of `head` signed as of `createdAt`, not yet stored. Deterministic: Ed25519 signatures are, and
 * the time is the caller's, so a report signed twice from the same snapshot prints the same bytes.
 */
export const signCheckpoint = (
  orgId: string,
  head: { seq: number; hash: string },
  createdAt: Date,
  reason: AuditCheckpoint['reason'],
): AuditCheckpoint => {
  const anchoring = auditAnchoring();
  if (!anchoring) throw new Error('Audit anchoring is not configured (configureAuditAnchoring)');
  return {
    seq: head.seq,
    hash: head.hash,
    createdAt: createdAt.toISOString(),
    reason,
    keyId: anchoring.signer.keyId,
    signature: anchoring.signer.sign(checkpointMessage(orgId, head.seq, head.hash, createdAt)),
  };
};

/**
 * Stores a signed checkpoint. It needs no chain lock when it names an event already committed (a report's,
 * read in its snapshot): the checkpoint vouches for that event, whatever was appended since. Checkpoints are
 * not unique per sequence number; the verifier checks each one on its own.
 */
export const storeCheckpoint = async (tx: Tx, orgId: string, cp: AuditCheckpoint): Promise<void> => {
  await tx.insert(auditCheckpoints).values({ orgId, ...cp, createdAt: new Date(cp.createdAt) });
};

/** Signs and stores a checkpoint of `head`, now. Call with the chain locked. */
const recordCheckpoint = async (
  tx: Tx,
  orgId: string,
  head: { seq: number; hash: string },
  reason: AuditCheckpoint['reason'],
): Promise<AuditCheckpoint> => {
  const cp = signCheckpoint(orgId, head, new Date(), reason);
  await storeCheckpoint(tx, orgId, cp);
  return cp;
};

/**
 * An organisation's chain opened for appending in the caller's transaction: it takes the chain's lock and
 * reads its head once, then `append` hashes each batch of events while PostgreSQL writes the previous one
 * (through `writes`: pass the caller's own queue so its statements and these are awaited in the order
 * sent, and the first failure is the one reported). `close` waits for the writes and records a signed
 * checkpoint once `checkpointEvery` events have been added since the last one. The lock is held until the
 * transaction ends: open the chain as late as the caller's work allows, so other writers wait least.
 */
export const openAuditChain = async (
  tx: Tx,
  orgId: string,
  actor: Actor,
  writes: ReturnType<typeof inFlight> = inFlight(),
) => {
  // The head is read after the lock is granted, by a statement of its own, so its snapshot sees what the
  // previous holder committed: sent right behind the lock (queued first), it runs once the lock statement has
  // returned (a connection runs its statements one after another, in the order sent), and both take one
  // round trip: every writer of the organisation waits for this lock, so each round trip under it counts.
  // Head and latest checkpoint in one statement; the checkpoint cannot move while the lock is held
  // (checkpoints are recorded under it), so `close` needs no second read.
  const locked = await queueFirst(lockChain(tx, orgId));
  const reading = headAndCheckpointOf(tx, orgId);
  reading.catch(() => {});
  await locked.result;
  const { head, checkpointSeq } = await reading;
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  // Milliseconds: what both JS and the timestamptz column keep exactly, so the hash re-computes.
  const createdAt = new Date();
  return {
    async append(events: RecordedEvent[]): Promise<AppendedEvent[]> {
      const appended: AppendedEvent[] = [];
      for (let i = 0; i < events.length; i += BATCH) {
        const rows: (typeof auditEvents.$inferInsert)[] = [];
        const personal: (typeof auditPersonalValues.$inferInsert)[] = [];
        for (const event of events.slice(i, i + BATCH)) {
          seq += 1;
          const id = randomUUID();
          const { stored, values } = protectPayload(
            event.action,
            event.payload as unknown as Record<string, unknown>,
          );
          const fields = {
            orgId,
            seq,
            actorType: actor.type,
            actorId: actor.id,
            actorLabel: actor.label,
            action: event.action,
            entityType: event.entityType,
            entityId: event.entityId,
            payload: stored,
            createdAt,
            prevHash,
          };
          prevHash = hashEvent(fields);
          rows.push({ id, ...fields, hash: prevHash });
          appended.push({ id, seq, hash: prevHash });
          for (const v of values) personal.push({ eventId: id, orgId, ...v });
        }
        await writes.add(bulkInsert(tx, auditEvents, rows));
        if (personal.length > 0) await writes.add(bulkInsert(tx, auditPersonalValues, personal));
      }
      return appended;
    },
    async close(): Promise<void> {
      const anchoring = auditAnchoring();
      // Sent behind the events it names, without waiting for them (one round trip fewer); drained with them,
      // so a failure among the events is the error reported.
      if (anchoring && seq - checkpointSeq >= anchoring.checkpointEvery) {
        await writes.add(recordCheckpoint(tx, orgId, { seq, hash: prevHash }, 'auto'));
      }
      await writes.drain();
    },
  };
};

/**
 * THE way to write audit events: appends them to the organisation's chain, in order, in the caller's
 * transaction (so the change and its record commit together or not at all). It takes the chain's lock and
 * reads its head once however many events there are; it stores personal fields as salted digests with the
 * values beside the event (audit-personal.ts); for large batches (imports, rescoring) it hashes one batch
 * while PostgreSQL writes the previous one; and it records a signed checkpoint once `checkpointEvery`
 * events have been added since the last one. Callers with writes of their own in flight drain them first,
 * so a failure among those is the error reported and the lock is held as briefly as possible.
 */
export const appendAuditEvents = async (
  tx: Tx,
  orgId: string,
  actor: Actor,
  events: RecordedEvent[],
): Promise<AppendedEvent[]> => {
  if (events.length === 0) return [];
  const chain = await openAuditChain(tx, orgId, actor);
  const appended = await chain.append(events);
  await chain.close();
  return appended;
};

export const appendAuditEvent = async (
  tx: Tx,
  orgId: string,
  actor: Actor,
  event: RecordedEvent,
): Promise<AppendedEvent> => (await appendAuditEvents(tx, orgId, actor, [event]))[0]!;

/**
 * Records a signed checkpoint of the current head (or answers the latest one when it already names the
 * head), or null for an empty chain.
 */
export const checkpointAuditHead = async (
  tx: Tx,
  orgId: string,
  reason: AuditCheckpoint['reason'] = 'on_demand',
): Promise<AuditCheckpoint | null> => {
  await lockChain(tx, orgId);
  const head = await headOf(tx, orgId);
  if (!head) return null;
  const last = await latestCheckpoint(tx, orgId);
  if (last && last.seq === head.seq && last.hash === head.hash) return toCheckpoint(last);
  return recordCheckpoint(tx, orgId, head, reason);
};

/**
 * The chain's head (newest event's sequence and hash), or null for an empty trail, read without taking the
 * chain's lock or writing anything: what a report prints, read in its read-only snapshot (the head the data it
 * shows had reached).
 */
export const readAuditHead = async (tx: Tx, orgId: string): Promise<{ seq: number; hash: string } | null> => {
  const head = await headOf(tx, orgId);
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
};
