import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import path from 'node:path';
import { readOrCreateKeyFile } from '../../lib/key-file.js';

/*
 * Threat model of the checkpoints. The hash chain alone proves that no event was altered or removed from
 * the middle, but not that none was removed from the end: whoever can delete the newest rows (a database
 * owner, a restored backup, an operator with psql) leaves a shorter chain that verifies. A checkpoint records
 * the head (sequence, hash, time) and is signed with an Ed25519 key that lives with the application (env
 * AUDIT_SIGNING_KEY, or a file in the data directory), never in the database. So an attacker with database
 * access only can delete events, but not write a valid checkpoint for the shortened chain: verification
 * finds the checkpoint that names an event no longer there ("missing tail"). The same attacker can also delete
 * checkpoints; that is why administrators download them (GET /api/audit-events/checkpoints) and keep them
 * elsewhere, and why every issued report prints the head it was built on as a signed checkpoint (reason
 * 'report', also stored): `npm run verify-audit -- --checkpoints file.json` holds the chain against such a
 * copy, whose signatures anyone can check with the public key in it. Out of scope: an attacker who also
 * holds the signing key (the application host itself).
 */

/** A checkpoint's signed message. Changing it invalidates every stored signature. */
export const checkpointMessage = (orgId: string, seq: number, hash: string, createdAt: Date): string =>
  `clearsource-audit-checkpoint/v1\n${orgId}\n${seq}\n${hash}\n${createdAt.toISOString()}`;

export const CHECKPOINT_MESSAGE_FORMAT =
  'UTF-8 of "clearsource-audit-checkpoint/v1\\n" + orgId + "\\n" + seq + "\\n" + hash + "\\n" + createdAt (ISO-8601 UTC, milliseconds), signed with Ed25519';

export interface AuditSigner {
  keyId: string;
  publicKeyPem: string;
  sign(message: string): string;
  verify(message: string, signatureBase64: string): boolean;
}

/** keyId = first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

export const signerFromPrivateKey = (pem: string): AuditSigner => {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM)');
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
    verify: (message, signature) => verifyWithPublicKey(publicKey, message, signature),
  };
};

export const verifyWithPublicKey = (publicKey: KeyObject | string, message: string, signature: string) => {
  try {
    return verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
};

/**
 * The signing key: AUDIT_SIGNING_KEY (PEM, or the PEM base64-encoded for one-line env files) if set;
 * otherwise one generated on first start and kept (mode 600) as `audit-signing-key.pem` in the data directory,
 * like the demo password. Never logged. Created with an atomic link, so processes starting together agree.
 */
export const loadAuditSigner = (dataDir: string, fromEnv?: string): AuditSigner => {
  if (fromEnv) {
    const pem = fromEnv.includes('-----BEGIN') ? fromEnv : Buffer.from(fromEnv, 'base64').toString('utf8');
    return signerFromPrivateKey(pem);
  }
  const pem = readOrCreateKeyFile(path.join(dataDir, 'audit-signing-key.pem'), () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  return signerFromPrivateKey(pem);
};

export interface AuditAnchoring {
  signer: AuditSigner;
  /** An automatic checkpoint is recorded once this many events were appended since the last one. */
  checkpointEvery: number;
}

let anchoring: AuditAnchoring | undefined;

/**
 * Set once per process at start (the container, and scripts that write or verify the chain). A process-wide
 * setting rather than a dependency because every writer of the chain must anchor it, including code that
 * appends outside any service (organisation set-up, seeding); an append in a process that has none skips the
 * automatic checkpoint, and the next anchored append catches up (the rule is "N events since the last one").
 */
export const configureAuditAnchoring = (a: AuditAnchoring): void => {
  anchoring = a;
};

export const auditAnchoring = (): AuditAnchoring | undefined => anchoring;
