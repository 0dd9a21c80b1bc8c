import type { AuditVerify } from '#shared/schemas/audit.js';
import type { Tx } from '../../db/client.js';
import { walkAuditChain } from './audit.repo.js';
import { GENESIS_HASH, hashEvent } from './audit-hash.js';

/**
 * Walks an organisation's chain from its first event and reports the first broken link: a gap in the
 * sequence, a prev_hash that does not name its predecessor, or a hash that does not match the content.
 */
export const verifyAuditChain = async (tx: Tx, orgId: string): Promise<AuditVerify> => {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for await (const row of walkAuditChain(tx, orgId)) {
    const broken = (reason: string): AuditVerify => ({
      ok: false,
      checked,
      firstBroken: { seq: row.seq, id: row.id, reason },
    });
    if (row.seq !== expectedSeq) return broken(`expected event #${expectedSeq} but found #${row.seq} (gap)`);
    if (row.prevHash !== prevHash) return broken('prev_hash does not match the previous event');
    if (hashEvent(row) !== row.hash) return broken('content does not match its hash (event was altered)');
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBroken: null };
};
