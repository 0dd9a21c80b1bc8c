import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '#shared/errors.js';
import { IdParamsSchema } from '#shared/schemas/common.js';
import {
  CreateReportSchema,
  ReportListQuerySchema,
  ReportPageSchema,
  ReportSchema,
  VERIFY_MAX_BYTES,
  VerifyReportResponseSchema,
} from '#shared/schemas/reports.js';
import { AppError } from '../../lib/app-error.js';
import { ctxOf } from '../../plugins/auth.js';
import type { ReportDownload, ReportsService } from './reports.service.js';
import type { ReportVerifier } from './reports-verify.js';
import { tooLargeToVerify } from './reports-verify.js';

const tags = ['reports'];

/** Checks of PDFs per client address per minute on the public verify endpoint (an auditor checks a handful). */
export const VERIFY_PER_MINUTE = 20;
/** Room for the multipart envelope around the file (boundaries, part headers). */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown; charset=utf-8',
} as const;
const EXTENSIONS = { pdf: 'pdf', docx: 'docx', markdown: 'md' } as const;

/**
 * Sends a report's file as a download named after its register number (letters, digits and dashes only, so the
 * name needs no quoting rules). The PDF's ETag is its SHA-256: the register's proof of the exact bytes.
 */
const sendDownload = (req: FastifyRequest, reply: FastifyReply, { report, format, body }: ReportDownload) => {
  const name = `${report.registerNumber.replace(/[^A-Za-z0-9-]/g, '_')}.${EXTENSIONS[format]}`;
  reply
    .header('content-type', MEDIA_TYPES[format])
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  if (format === 'pdf' && report.sha256) {
    const etag = `"${report.sha256}"`;
    reply.header('etag', etag);
    if (report.byteSize !== null) reply.header('content-length', String(report.byteSize));
    if (req.headers['if-none-match'] === etag) {
      body.destroy();
      return reply.status(304).send();
    }
  }
  return reply.send(body);
};

/** The one file of the verify upload (field "file"), or a clear 4xx. */
const verifyUpload = async (req: FastifyRequest) => {
  if (!req.isMultipart()) {
    throw new AppError('bad_request', 'Upload the PDF as multipart/form-data in a field named "file"');
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file();
  } catch (err) {
    const e = err as { statusCode?: number; code?: string };
    if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLargeToVerify();
    if (e.statusCode) throw err;
    throw new AppError('bad_request', 'The upload is not a complete multipart/form-data body: send it again');
  }
  if (!part) {
    throw new AppError('validation_failed', 'Attach the PDF to check', [
      { path: 'file', message: 'Attach a file' },
    ]);
  }
  return part.file;
};

/** The reports register (issue 11): ask for a report, list and read the register, download, verify a copy. */
export const reportsRoutes = async (
  app: FastifyInstance,
  { reports, verifier }: { reports: ReportsService; verifier: ReportVerifier },
) => {
  await app.register(multipart, {
    limits: { fileSize: VERIFY_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    throwFileSizeLimit: true,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const downloadErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema };

  r.post(
    '/api/reports',
    {
      schema: {
        tags,
        operationId: 'createReport',
        summary:
          'Ask for a report (supplier assessment, portfolio risk, or modern-slavery statement draft): it enters the register with its number, queued; a background job renders it (GET /api/reports/:id, or its job, for progress)',
        body: CreateReportSchema,
        response: { 202: ReportSchema, 422: ErrorBodySchema },
      },
    },
    async (req, reply) => reply.status(202).send(await reports.create(ctxOf(req), req.body)),
  );

  r.get(
    '/api/reports',
    {
      schema: {
        tags,
        operationId: 'listReports',
        summary: 'The reports register, newest first (filter by kind, or by the supplier a report is about)',
        querystring: ReportListQuerySchema,
        response: { 200: ReportPageSchema },
      },
    },
    async (req) => reports.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/reports/:id',
    {
      schema: {
        tags,
        operationId: 'getReport',
        summary: 'One register entry: status and progress, then SHA-256, size, pages, policy and audit head',
        params: IdParamsSchema,
        response: { 200: ReportSchema, 404: ErrorBodySchema },
      },
    },
    async (req) => reports.get(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/reports/:id/pdf',
    {
      schema: {
        tags,
        operationId: 'downloadReportPdf',
        summary:
          'The issued PDF (an attachment; ETag = its SHA-256). 409 `not_ready` while it is being generated or when it failed',
        params: IdParamsSchema,
        response: downloadErrors,
      },
    },
    async (req, reply) => sendDownload(req, reply, await reports.download(ctxOf(req), req.params.id, 'pdf')),
  );

  r.get(
    '/api/reports/:id/docx',
    {
      schema: {
        tags,
        operationId: 'downloadReportDocx',
        summary: 'A statement draft as an editable Word document (statements only)',
        params: IdParamsSchema,
        response: downloadErrors,
      },
    },
    async (req, reply) => sendDownload(req, reply, await reports.download(ctxOf(req), req.params.id, 'docx')),
  );

  r.get(
    '/api/reports/:id/markdown',
    {
      schema: {
        tags,
        operationId: 'downloadReportMarkdown',
        summary: 'A statement draft as Markdown (statements only)',
        params: IdParamsSchema,
        response: downloadErrors,
      },
    },
    async (req, reply) =>
      sendDownload(req, reply, await reports.download(ctxOf(req), req.params.id, 'markdown')),
  );

  r.post(
    '/api/reports/verify',
    {
      schema: {
        tags,
        operationId: 'verifyReport',
        summary: `Public (no sign-in): upload a PDF (multipart, field "file", at most ${VERIFY_MAX_BYTES / (1024 * 1024)} MB) to learn whether those exact bytes were issued, by which organisation, what kind and when; a changed byte answers issued: false`,
        consumes: ['multipart/form-data'],
        response: {
          200: VerifyReportResponseSchema,
          413: ErrorBodySchema,
          415: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
      config: { public: true, rateLimit: { max: VERIFY_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (req) => {
      // Refused before a byte is read when the client says it is sending more than a report can weigh.
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > VERIFY_MAX_BYTES + MULTIPART_OVERHEAD_BYTES) throw tooLargeToVerify();
      return verifier.verify(await verifyUpload(req));
    },
  );
};
