import { type Report, type ReportFormat, ReportSchema } from '#shared/schemas/reports.js';
import type { ReportRow } from './reports.repo.js';

/** "CS-2026-000042": the organisation's running number, with the year it was asked for. */
export const registerNumberOf = (seq: number, at: Date) =>
  `CS-${at.getUTCFullYear()}-${String(seq).padStart(6, '0')}`;

/** The files a report can be downloaded as: none until it is ready, the editable drafts when it has them. */
export const formatsOf = (
  r: Pick<ReportRow, 'status' | 'pdfKey' | 'docxKey' | 'markdownKey'>,
): ReportFormat[] => {
  if (r.status !== 'ready') return [];
  const formats: ReportFormat[] = [];
  if (r.pdfKey) formats.push('pdf');
  if (r.docxKey) formats.push('docx');
  if (r.markdownKey) formats.push('markdown');
  return formats;
};

/** The API form, parsed through the contract (the stored parameters included). */
export const toReport = (r: ReportRow): Report =>
  ReportSchema.parse({
    id: r.id,
    registerNumber: r.registerNumber,
    kind: r.kind,
    title: r.title,
    parameters: r.parameters,
    status: r.status,
    jobId: r.jobId,
    progress: r.progress ? { done: Number(r.progress.done), total: Number(r.progress.total) } : null,
    issuedAt: r.issuedAt.toISOString(),
    issuedBy: { id: r.issuedByUserId, name: r.issuedByName },
    sha256: r.sha256,
    byteSize: r.byteSize,
    pageCount: r.pageCount,
    policyVersion:
      r.policyId && r.policyName !== null && r.policyVersion !== null
        ? { id: r.policyId, name: r.policyName, version: r.policyVersion }
        : null,
    auditHead:
      r.auditHeadSeq !== null && r.auditHeadHash !== null
        ? { seq: r.auditHeadSeq, hash: r.auditHeadHash }
        : null,
    formats: formatsOf(r),
    error: r.error,
  });
