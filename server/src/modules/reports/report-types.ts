import type { Readable } from 'node:stream';
import type { DatasetInfo } from '#shared/domain/reference/types.js';
import type { AuditHead, CreateReport, ReportKind } from '#shared/schemas/reports.js';
import type { Tx } from '../../db/client.js';

// The seam between the register (reports.service / reports.jobs: allocate a number, run the job, store,
// hash, audit) and the three kinds of report. A kind is two functions:
//   load:   reads everything the report prints, inside the register's one read-only snapshot transaction
//           (so the figures, the policy version and the audit head it prints agree with each other);
//   render: a pure function of (data, meta): no database, no clock, no randomness. The same data and the
//           same issue time give the same bytes, which is what lets the register's SHA-256 prove a copy.

/** What every issued PDF prints about itself (cover, running header and footer, "About this report"). */
export interface ReportMeta {
  registerNumber: string;
  kind: ReportKind;
  /** The instant the data was read; printed, and the PDF's CreationDate/ModDate. */
  issuedAt: Date;
  organisation: { id: string; name: string };
  issuedBy: { name: string };
  /** The scoring policy in force (published version), or null when the organisation has none. */
  policy: { id: string; name: string; version: number } | null;
  /** Reference datasets (and editions) the figures come from. */
  sources: DatasetInfo[];
  /** The organisation's audit-chain head when the data was read, or null when its trail is empty. */
  auditHead: AuditHead | null;
  /**
   * The Ed25519 signature of `auditHead` as a checkpoint recorded at `issuedAt` (audit-anchor.ts,
   * checkpointMessage), stored with the organisation's checkpoints when the report is issued; null when there
   * is no head to sign.
   */
  auditSignature: { keyId: string; signature: string } | null;
}

/** Reports progress of a long render (rows loaded, pages drawn); the job row carries it to the page. */
export type Progress = (done: number, total: number) => Promise<void> | void;

export interface RenderedReport {
  title: string;
  /** The PDF as it is produced (pdfkit's document stream): stored and hashed in one pass. */
  pdf: Readable;
  /** Known before the stream is read: the frame buffers its pages to print "page X of Y". */
  pageCount: number;
  /** Statements only: the editable drafts. */
  docx?: () => Promise<Buffer>;
  markdown?: () => string;
}

export interface ReportGenerator<P extends CreateReport, D> {
  kind: P['kind'];
  /** The report's title (e.g. with the supplier's name), stored in the register once the data is read. */
  title(data: D): string;
  load(tx: Tx, orgId: string, params: P, progress: Progress): Promise<D>;
  render(data: D, meta: ReportMeta, progress: Progress): RenderedReport;
}
