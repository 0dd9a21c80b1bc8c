import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type ImpersonalAuditAction, PERSONAL_FIELDS } from '#shared/schemas/audit.js';
import { bulkInsert } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { auditPending } from '../../db/schema/audit.js';
import type { Actor } from '../../lib/context.js';
import type { RecordedEvent } from './audit-append.js';
import { canonicalAroundTimeAndSeq } from './audit-hash.js';

/**
 * The events that may be queued to join the chain after commit: those whose payloads hold no personal value
 * (a personal value's digest is kept in a table whose rows need the event to exist first, so those go through
 * appendAuditEvent).
 */
export type QueueableEvent = Extract<RecordedEvent, { action: ImpersonalAuditAction }>;

/**
 * An audit event that joins the organisation's chain after the caller's transaction commits: its
 * audit_pending row (the event's fields and its canonical JSON around the time and number to come). The row
 * commits with the change or not at all, like appendAuditEvent; audit_pending_drain() (migration 0042) then
 * gives it its sequence number, time and hash under the chain's lock, with every other row the organisation
 * has queued, so the change's own transaction never waits for that lock. Made for writes many people make
 * at once in one organisation: the portal's autosave (portal_save_answer(), migration 0030, inserts it) and
 * the officer's acceptances.
 *
 * What it gives up: the sequence number and hash are not known to the caller, the event's time is the time it
 * was chained (milliseconds after the commit when the writer kicks the queue, createAuditQueue), and no
 * signed checkpoint is recorded by the drain (the next appendAuditEvents records one when due, as it counts
 * every event since the last).
 */
export const pendingAuditRow = (orgId: string, actor: Actor, event: QueueableEvent) => {
  const fields = {
    orgId,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    payload: event.payload as unknown as Record<string, unknown>,
  };
  const { beforeTime, beforeSeq } = canonicalAroundTimeAndSeq(fields);
  return { id: randomUUID(), ...fields, canonicalBeforeTime: beforeTime, canonicalBeforeSeq: beforeSeq };
};
export type PendingAuditRow = ReturnType<typeof pendingAuditRow>;

/** Whether an event may be queued (queueAuditEvents): its action's payload never holds a personal value. */
export const isQueueable = (event: RecordedEvent): event is QueueableEvent =>
  !Object.hasOwn(PERSONAL_FIELDS, event.action);

/**
 * Queues events to join the organisation's chain after commit (pendingAuditRow), in the order given, in one
 * statement. For a change whose events are all queueable and which need not know their sequence numbers or
 * hashes; the caller kicks the queue once it has committed (createAuditQueue).
 */
export const queueAuditEvents = (tx: Tx, orgId: string, actor: Actor, events: QueueableEvent[]) =>
  bulkInsert(
    tx,
    auditPending,
    events.map((e) => pendingAuditRow(orgId, actor, e)),
  );

/**
 * Links the organisation's committed queue into its chain now, in the caller's transaction; a no-op that
 * takes no lock when nothing is queued. Whatever reads the trail (the list, the export, verification, a
 * report's head) runs this first, so it sees every event whose change has committed.
 */
export const drainAuditQueue = (tx: Tx, orgId: string) =>
  tx.execute(sql`select audit_pending_drain(${orgId}::uuid)`);
