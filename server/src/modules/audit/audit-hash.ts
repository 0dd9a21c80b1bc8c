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

/**
 * hash = SHA-256(prev_hash + "\n" + canonical JSON of the event). Canonical = keys sorted at every level
 * (safe-stable-stringify), time as ISO-8601 with milliseconds. Changing this breaks every stored chain.
 */
export const hashEvent = (e: HashedFields): string => {
  const canonical = stringify({
    orgId: e.orgId,
    seq: e.seq,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    payload: e.payload,
    createdAt: e.createdAt.toISOString(),
  });
  return createHash('sha256').update(`${e.prevHash}\n${canonical}`).digest('hex');
};
