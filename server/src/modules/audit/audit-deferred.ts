import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { auditPending } from '../../db/schema/audit.js';
import type { Actor } from '../../lib/context.js';
import type { RecordedEvent } from './audit-append.js';
import { canonicalAroundTimeAndSeq } from './audit-hash.js';
import { protectPayload } from './audit-personal.js';

/**
 * Writes an audit event that joins the organisation's chain when the caller's transaction commits (a
 * deferred trigger, migration 0028, gives it its sequence number, time and hash under the chain's lock). The
 * event commits with the change or not at all, like appendAuditEvent; the difference is where the chain's
 * lock is held: inside COMMIT only, instead of from the append until the application's COMMIT arrives. Made
 * for writes many people make at once in one organisation (the portal's autosave: 200 suppliers would
 * otherwise queue on that lock across their round trips).
 *
 * What it gives up: the sequence number and hash are not known to the caller, no signed checkpoint is
 * recorded here (the next appendAuditEvents records one when due, as it counts every event since the last),
 * and events appended directly in the same transaction take their places first. Payloads with personal
 * values are refused: their digests' values are kept in a table whose rows need the event to exist.
 */
export const queueAuditEvent = (tx: Tx, orgId: string, actor: Actor, event: RecordedEvent) => {
  const payload = event.payload as unknown as Record<string, unknown>;
  if (protectPayload(event.action, payload).values.length > 0) {
    throw new Error(`${event.action} carries personal values: use appendAuditEvent`);
  }
  const fields = {
    orgId,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    payload,
  };
  const { beforeTime, beforeSeq } = canonicalAroundTimeAndSeq(fields);
  return tx.insert(auditPending).values({
    id: randomUUID(),
    ...fields,
    canonicalBeforeTime: beforeTime,
    canonicalBeforeSeq: beforeSeq,
  });
};
