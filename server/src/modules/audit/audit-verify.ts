import type { AuditCheckpoint, AuditCheckpointFile, AuditVerify } from '#shared/schemas/audit-anchors.js';
import type { Tx } from '../../db/client.js';
import { listCheckpoints, personalValuesOf, walkAuditChain } from './audit.repo.js';
import { auditAnchoring, checkpointMessage, verifyWithPublicKey } from './audit-anchor.js';
import { toCheckpoint } from './audit-append.js';
import { GENESIS_HASH, hashEvent } from './audit-hash.js';
import { digestOfPath, personalDigest } from './audit-personal.js';

type Checked = AuditCheckpoint & { publicKeyPem?: string };

const signatureHolds = (orgId: string, cp: Checked): boolean | 'unknown-key' => {
  const message = checkpointMessage(orgId, cp.seq, cp.hash, new Date(cp.createdAt));
  if (cp.publicKeyPem) return verifyWithPublicKey(cp.publicKeyPem, message, cp.signature);
  const signer = auditAnchoring()?.signer;
  if (!signer || signer.keyId !== cp.keyId) return 'unknown-key';
  return signer.verify(message, cp.signature);
};

/**
 * Walks an organisation's chain from its first event and reports the first broken link (a gap in the
 * sequence, a prev_hash that does not name its predecessor, a hash that does not match the content), then
 * holds the chain against its signed checkpoints (the stored ones, and those of a downloaded file when
 * given): a checkpoint beyond the end of the chain means events were removed from its end. Kept personal
 * values are checked against the digests their events committed to.
 */
export const verifyAuditChain = async (
  tx: Tx,
  orgId: string,
  external?: AuditCheckpointFile,
): Promise<AuditVerify> => {
  const checkpoints: Checked[] = (await listCheckpoints(tx, orgId)).map(toCheckpoint);
  if (external) {
    checkpoints.push(...external.checkpoints.map((c) => ({ ...c, publicKeyPem: external.publicKey })));
  }
  const wanted = new Set(checkpoints.map((c) => c.seq));
  const hashAt = new Map<number, string>();

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let head: AuditVerify['head'] = null;
  let firstBroken: AuditVerify['firstBroken'] = null;
  const personal: AuditVerify['personalValues'] = { checked: 0, erased: 0, mismatched: [] };

  walk: for await (const page of walkAuditChain(tx, orgId)) {
    const kept = await personalValuesOf(
      tx,
      orgId,
      page.map((r) => r.id),
    );
    const byEvent = new Map<string, typeof kept>();
    for (const k of kept) byEvent.set(k.eventId, [...(byEvent.get(k.eventId) ?? []), k]);
    for (const row of page) {
      const reason =
        row.seq !== expectedSeq
          ? `expected event #${expectedSeq} but found #${row.seq} (gap)`
          : row.prevHash !== prevHash
            ? 'prev_hash does not match the previous event'
            : hashEvent(row) !== row.hash
              ? 'content does not match its hash (event was altered)'
              : null;
      if (reason) {
        firstBroken = { seq: row.seq, id: row.id, reason };
        break walk;
      }
      for (const v of byEvent.get(row.id) ?? []) {
        if (v.value === null || v.salt === null) {
          personal.erased += 1;
          continue;
        }
        personal.checked += 1;
        const committed = digestOfPath(row.payload, v.path);
        if (v.digest !== committed || personalDigest(v.salt, v.value) !== committed) {
          personal.mismatched.push({ seq: row.seq, path: v.path });
        }
      }
      if (wanted.has(row.seq)) hashAt.set(row.seq, row.hash);
      head = { seq: row.seq, hash: row.hash, createdAt: row.createdAt.toISOString() };
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }

  const chainEnd = checked;
  const problems: AuditVerify['checkpoints']['problems'] = [];
  let missingTail: AuditVerify['missingTail'] = null;
  let matched = 0;
  for (const cp of checkpoints) {
    const signature = signatureHolds(orgId, cp);
    const problem = (reason: string) => problems.push({ seq: cp.seq, reason });
    if (signature === 'unknown-key') {
      problem(`checkpoint #${cp.seq} is signed by key ${cp.keyId}, which is not this server's signing key`);
    } else if (!signature) {
      problem(`checkpoint #${cp.seq} has an invalid signature (forged or altered)`);
    } else if (firstBroken && cp.seq >= firstBroken.seq) {
      problem(`checkpoint #${cp.seq} lies beyond the first broken link and could not be checked`);
    } else if (cp.seq > chainEnd) {
      problem(
        `the chain ends at #${chainEnd} but checkpoint #${cp.seq} was recorded at ${cp.createdAt}: events were removed from its end`,
      );
      if (!missingTail || cp.seq > missingTail.checkpointSeq) {
        missingTail = { chainEndsAt: chainEnd, checkpointSeq: cp.seq, recordedAt: cp.createdAt };
      }
    } else if (hashAt.get(cp.seq) !== cp.hash) {
      problem(`checkpoint #${cp.seq} names another hash than event #${cp.seq} has now`);
    } else matched += 1;
  }
  const latest = checkpoints.filter((c) => !c.publicKeyPem).at(-1);
  return {
    ok: !firstBroken && problems.length === 0 && personal.mismatched.length === 0,
    checked,
    firstBroken,
    head,
    checkpoints: {
      total: checkpoints.length,
      matched,
      latest: latest ? stripKey(latest) : null,
      problems,
    },
    missingTail,
    personalValues: personal,
  };
};

const stripKey = ({ publicKeyPem: _, ...cp }: Checked): AuditCheckpoint => cp;
