import { REPORT_KIND_LABELS } from '#shared/schemas/reports.js';
import type { ReportMeta } from '../report-types.js';
import { formatUtc } from './format.js';

// What a report says about itself, worded once for the cover and for "About this report".

export const PRODUCT = 'Clearsource';

export const kindLabel = (meta: ReportMeta): string => REPORT_KIND_LABELS[meta.kind];

export function policyText(meta: ReportMeta): string {
  return meta.policy
    ? `${meta.policy.name}, version ${meta.policy.version}`
    : 'No published scoring policy: the built-in default policy';
}

export function auditHeadText(meta: ReportMeta): string {
  return meta.auditHead
    ? `Event #${meta.auditHead.seq}, chain hash ${meta.auditHead.hash}`
    : 'None: the organisation’s audit trail was empty when the data was read';
}

/**
 * The signed checkpoint of the head, with everything its signed message needs besides the organisation's id
 * and the head above: the key, the signed time exactly as signed (milliseconds) and the signature. The
 * signature (88 base64 characters) is printed as two halves on lines of their own: left to the line breaker
 * it would break at any "/" it holds, raggedly.
 */
export function anchorFacts(meta: ReportMeta): [string, string][] {
  if (!meta.auditHead) return [['Signed checkpoint', 'None: there was no audit-chain head to sign']];
  if (!meta.auditSignature) return [['Signed checkpoint', 'Not signed']];
  const { keyId, signature } = meta.auditSignature;
  const half = Math.ceil(signature.length / 2);
  return [
    ['Signed checkpoint', `Ed25519, key ${keyId}, signed ${meta.issuedAt.toISOString()}`],
    ['Signature (base64)', `${signature.slice(0, half)}\n${signature.slice(half)}`],
  ];
}

/** The command that holds the audit chain against a checkpoints file kept outside the system. */
const VERIFY_AUDIT_COMMAND = 'npm run verify-audit -- --checkpoints file.json';

/**
 * How a reader checks the signed checkpoint: the message, where the public key is, what the verifier does.
 * The literal values a reader types or compares (the signed message's lines, the command) come apart from
 * the prose, one to a row: inside a paragraph the line breaker would split them at a hyphen, and a copied
 * "--checkpoints" or organisation id would come out wrong.
 */
export type AnchorCheck =
  | { kind: 'none'; text: string }
  | {
      kind: 'signed';
      intro: string;
      message: [string, string][];
      how: string;
      command: string;
      closing: string;
    };

export function anchorCheck(meta: ReportMeta): AnchorCheck {
  if (!meta.auditHead) {
    return {
      kind: 'none',
      text:
        'The organisation’s audit trail was empty when the data was read, so this report carries no signed ' +
        'checkpoint: there was no audit-chain head to sign.',
    };
  }
  if (!meta.auditSignature)
    return { kind: 'none', text: 'This copy carries no signature of its audit-chain head.' };
  const { seq, hash } = meta.auditHead;
  const half = Math.ceil(hash.length / 2);
  return {
    kind: 'signed',
    intro:
      `The audit-chain head above (event #${seq}) is signed with ${PRODUCT}'s audit signing key ` +
      `${meta.auditSignature.keyId} (Ed25519), which is kept with the application, not in its database. The ` +
      'signed message is the UTF-8 text of these five lines, joined by line feeds (the hash and the ' +
      'signature are printed in two halves, to be joined without a space):',
    message: [
      ['1. Format', 'clearsource-audit-checkpoint/v1'],
      ['2. Organisation id', meta.organisation.id],
      ['3. Event number', String(seq)],
      ['4. Chain hash', `${hash.slice(0, half)}\n${hash.slice(half)}`],
      ['5. Signed time', meta.issuedAt.toISOString()],
    ],
    how:
      'The same checkpoint is stored among the organisation\'s audit checkpoints (reason "report"). To check ' +
      'it, an administrator downloads the checkpoints with the public key (GET /api/audit-events/checkpoints) ' +
      `and verifies this signature with that key. Kept outside the system, that file lets this command prove ` +
      `that no audit event up to #${seq} was altered or removed since:`,
    command: VERIFY_AUDIT_COMMAND,
    closing: 'A different event number, hash, time or signature does not verify.',
  };
}

/** The cover's pointer to the checkpoint's instructions (the cover has room for one sentence). */
export function anchorPointerText(meta: ReportMeta): string | null {
  return meta.auditHead && meta.auditSignature
    ? `The signed checkpoint above vouches for the audit trail up to event #${meta.auditHead.seq}; ` +
        '"About this report" says how to check it.'
    : null;
}

/** Both the readable form and the ISO 8601 instant, so no reader has to guess a zone or a date order. */
export function issuedText(meta: ReportMeta): string {
  return `${formatUtc(meta.issuedAt)} (${meta.issuedAt.toISOString().replace('.000Z', 'Z')})`;
}

/** The cover's facts, in the order an auditor checks them. */
export function coverFacts(meta: ReportMeta): [string, string][] {
  return [
    ['Organisation', meta.organisation.name],
    ['Register number', meta.registerNumber],
    ['Issued (UTC)', issuedText(meta)],
    ['Issued by', meta.issuedBy.name],
    ['Scoring policy', policyText(meta)],
    ['Audit-chain head', auditHeadText(meta)],
    ...anchorFacts(meta),
  ];
}

export function verifyText(meta: ReportMeta, verifyUrl: string | undefined): string {
  const where = verifyUrl ? `the public verify page, ${verifyUrl}` : `the public /verify page of ${PRODUCT}`;
  return (
    `Upload this PDF, unchanged, to ${where} (no login needed). It answers whether these exact bytes were ` +
    `issued, by which organisation, what kind of report and when. The file's SHA-256 is recorded in the ` +
    `organisation's reports register under ${meta.registerNumber}; a copy with any byte changed is answered ` +
    `"not issued".`
  );
}
