import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

/** prev_hash of an organisation's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  orgId: string;
  seq: number;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  prevHash: string;
}

/** The canonical JSON of an event: keys sorted at every level (safe-stable-stringify), time as ISO-8601 with ms. */
const canonical = (e: Omit<HashedFields, 'prevHash' | 'createdAt'> & { createdAt: string }): string =>
  // An object always stringifies (undefined is for undefined input only).
  stringify({
    orgId: e.orgId,
    seq: e.seq,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    payload: e.payload,
    createdAt: e.createdAt,
  }) as string;

/**
 * hash = SHA-256(prev_hash + "\n" + canonical JSON of the event). Canonical = keys sorted at every level
 * (safe-stable-stringify), time as ISO-8601 with milliseconds. Changing this breaks every stored chain.
 */
export const hashEvent = (e: HashedFields): string =>
  createHash('sha256')
    .update(`${e.prevHash}\n${canonical({ ...e, createdAt: e.createdAt.toISOString() })}`)
    .digest('hex');

// Stands for the time while the canonical text is cut in two: a JSON string value holds no bare `"`, so the
// key, the colon and this value side by side occur only where the event's own time goes.
const TIME_MARK = '\u0000time';

/**
 * The canonical JSON of an event whose time and sequence number are not known yet (they are given under the
 * chain's lock, when the queue is drained: audit_pending_chain() in migration 0042), as the text before the
 * time and the text between the time and the number. `seq` is the last key in sorted order, so
 * canonical = beforeTime + time + beforeSeq + seq + "}", and hashEvent() of the stored row re-computes.
 */
export const canonicalAroundTimeAndSeq = (
  e: Omit<HashedFields, 'prevHash' | 'createdAt' | 'seq'>,
): { beforeTime: string; beforeSeq: string } => {
  const text = canonical({ ...e, seq: 0, createdAt: TIME_MARK });
  const mark = `"createdAt":${JSON.stringify(TIME_MARK)}`;
  const at = text.indexOf(mark);
  const end = ',"seq":0}';
  if (at < 0 || text.indexOf(mark, at + 1) >= 0 || !text.endsWith(end)) {
    throw new Error('canonical event text is not in the expected shape');
  }
  const timeStart = at + '"createdAt":"'.length;
  return {
    beforeTime: text.slice(0, timeStart),
    beforeSeq: text.slice(at + mark.length - 1, -2),
  };
};
