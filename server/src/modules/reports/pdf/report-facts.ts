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
