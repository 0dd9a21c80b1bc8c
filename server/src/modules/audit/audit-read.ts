import type { AuditEvent } from '#shared/schemas/audit.js';
import type { Tx } from '../../db/client.js';
import { type LabelledAuditRow, personalValuesOf } from './audit.repo.js';
import { revealPayload } from './audit-personal.js';

/**
 * Events as people read them: personal values put back where their digests stand (or marked erased). The
 * shape is the stored one, which the contract's union describes (the route's response schema checks it).
 */
export const readEvents = async (tx: Tx, orgId: string, rows: LabelledAuditRow[]): Promise<AuditEvent[]> => {
  const kept = await personalValuesOf(
    tx,
    orgId,
    rows.map((r) => r.id),
  );
  const byEvent = new Map<string, Map<string, { value: string | null; erasedAt: Date | null }>>();
  for (const k of kept) {
    const m = byEvent.get(k.eventId) ?? new Map();
    m.set(k.path, { value: k.value, erasedAt: k.erasedAt });
    byEvent.set(k.eventId, m);
  }
  return rows.map(
    (r) =>
      ({
        id: r.id,
        seq: r.seq,
        actorType: r.actorType,
        actorId: r.actorId,
        actorLabel: r.actorLabel,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        entityLabel: r.entityLabel,
        payload: byEvent.has(r.id) ? revealPayload(r.payload, byEvent.get(r.id)!) : r.payload,
        createdAt: r.createdAt.toISOString(),
        prevHash: r.prevHash,
        hash: r.hash,
      }) as AuditEvent,
  );
};
