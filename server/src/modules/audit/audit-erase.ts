import { randomUUID } from 'node:crypto';
import type { AuditErasureCreate, AuditErasureResult } from '#shared/schemas/audit-anchors.js';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../lib/context.js';
import {
  clearTextEventCount,
  type ErasableValue,
  erasableByEmail,
  erasableByEntity,
  markErased,
} from './audit.repo.js';
import { appendAuditEvent } from './audit-append.js';

/**
 * Erases, on a documented request, the kept personal values of one subject from the audit trail: value and
 * salt are deleted, the salted digest stays in the chain (so every hash still verifies) and, without its salt,
 * says nothing about the person. The erasure is itself an event, recording the request and the digests
 * erased, never the values or the e-mail asked about. Live records (a supplier's current contacts) are
 * changed through their own module; this covers the history.
 */
export const erasePersonalData = async (
  tx: Tx,
  orgId: string,
  actor: Actor,
  input: AuditErasureCreate,
): Promise<AuditErasureResult> => {
  const subject = input.subject;
  const values: ErasableValue[] =
    'email' in subject
      ? await erasableByEmail(tx, orgId, subject.email)
      : await erasableByEntity(tx, orgId, subject.entityType, subject.entityId);
  const clearTextEvents = 'email' in subject ? await clearTextEventCount(tx, orgId, subject.email) : 0;
  if (values.length === 0) return { eventId: null, erased: 0, events: 0, clearTextEvents };
  values.sort((a, b) => a.seq - b.seq || a.path.localeCompare(b.path));
  const event = await appendAuditEvent(tx, orgId, actor, {
    action: 'audit.personal_data_erased',
    entityType: 'erasure',
    entityId: randomUUID(),
    payload: {
      requestRef: input.requestRef,
      reason: input.reason,
      subject:
        'email' in subject
          ? { kind: 'email' }
          : { kind: 'entity', entityType: subject.entityType, entityId: subject.entityId },
      values: values.map((v) => ({ eventId: v.eventId, seq: v.seq, path: v.path, digest: v.digest })),
    },
  });
  await markErased(tx, orgId, values, event.id, new Date());
  return {
    eventId: event.id,
    erased: values.length,
    events: new Set(values.map((v) => v.eventId)).size,
    clearTextEvents,
  };
};
