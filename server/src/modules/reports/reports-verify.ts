import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type ReportKind, VERIFY_MAX_BYTES, type VerifyReportResponse } from '#shared/schemas/reports.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { megabytes } from '../../lib/storage/intake.js';
import { findIssuedBySha256 } from './reports.repo.js';

/** Every PDF begins with these bytes; a file that does not cannot be one the register issued. */
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

export const tooLargeToVerify = () =>
  new AppError(
    'payload_too_large',
    `The file is larger than the ${megabytes(VERIFY_MAX_BYTES)} a report can weigh: it cannot be one the register issued`,
    [{ path: 'file', message: `Larger than ${megabytes(VERIFY_MAX_BYTES)}` }],
  );

/**
 * The public check of a PDF against the register: its SHA-256, computed as the upload streams in (the bytes
 * are neither stored nor logged), looked up among the ready reports of every organisation. It answers whether
 * those exact bytes were issued, and if so by which organisation, what kind, when and by whom: nothing of the
 * report's parameters or content. One changed byte is another hash, so `{ issued: false }`.
 */
export const createReportVerifier = ({ db }: { db: Db }) => ({
  async verify(file: Readable): Promise<VerifyReportResponse> {
    const hash = createHash('sha256');
    let size = 0;
    const head: Buffer[] = [];
    let headLength = 0;
    try {
      for await (const chunk of file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > VERIFY_MAX_BYTES) throw tooLargeToVerify();
        hash.update(chunk);
        if (headLength < PDF_MAGIC.length) {
          head.push(chunk.subarray(0, PDF_MAGIC.length - headLength));
          headLength += Math.min(chunk.length, PDF_MAGIC.length - headLength);
        }
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      const e = err as { statusCode?: number; code?: string };
      // @fastify/multipart's own limit (throwFileSizeLimit); any other error of the part is a body cut short.
      if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLargeToVerify();
      throw new AppError('bad_request', 'The upload ended before the file did: send it again');
    }
    if ((file as { truncated?: boolean }).truncated) throw tooLargeToVerify();
    if (size === 0) {
      throw new AppError('unsupported_media_type', 'The file is empty: choose the PDF report to check', [
        { path: 'file', message: 'Empty file' },
      ]);
    }
    if (!Buffer.concat(head).equals(PDF_MAGIC)) {
      throw new AppError(
        'unsupported_media_type',
        'This file is not a PDF: only the PDF of a report can be checked against the register',
        [{ path: 'file', message: 'Not a PDF' }],
      );
    }
    const sha256 = hash.digest('hex');
    const issued = await findIssuedBySha256(db, sha256);
    if (!issued) return { issued: false, sha256 };
    return {
      issued: true,
      reportId: issued.reportId,
      registerNumber: issued.registerNumber,
      kind: issued.kind as ReportKind,
      issuedAt: issued.issuedAt.toISOString(),
      issuedBy: issued.issuedByName,
      organisation: issued.organisationName,
      sha256,
    };
  },
});

export type ReportVerifier = ReturnType<typeof createReportVerifier>;
