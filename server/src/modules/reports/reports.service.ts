import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { JobKind, ReportJobParams } from '#shared/schemas/jobs.js';
import {
  type CreateReport,
  REPORT_KIND_LABELS,
  type Report,
  type ReportFormat,
  type ReportListQuery,
  type ReportPageSchema,
} from '#shared/schemas/reports.js';
import { todayUtc } from '#shared/schemas/tasks.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import type { FileStorage } from '../../lib/storage/file-storage.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { UsersRepo } from '../users/users.repo.js';
import type { ReportGenerators } from './generators.js';
import { registerNumberOf, toReport } from './reports.mapping.js';
import * as repo from './reports.repo.js';

export const REPORT_JOB: JobKind = 'report';

export interface ReportsDeps {
  db: Db;
  suppliers: Pick<SuppliersRepo, 'findSupplier'>;
  users: Pick<UsersRepo, 'findMember'>;
  jobs: Pick<JobsRepo, 'insertJob'>;
  /** Starts the job runner at once after the commit that queued the rendering. */
  kickJobs: () => void;
  storage: Pick<FileStorage, 'get'>;
  generators: ReportGenerators;
}

/** A file of a ready report as a download: what it is, what it is called, and its bytes. */
export interface ReportDownload {
  report: Report;
  format: ReportFormat;
  body: Readable;
}

type ReportPage = z.infer<typeof ReportPageSchema>;

const FORMAT_NAMES: Record<ReportFormat, string> = { pdf: 'PDF', docx: 'DOCX', markdown: 'Markdown' };

/** The title a report has until its data is read (the generator's title replaces it then). */
const provisionalTitle = (input: CreateReport, supplierName?: string) =>
  supplierName ? `${REPORT_KIND_LABELS[input.kind]}: ${supplierName}` : REPORT_KIND_LABELS[input.kind];

/** The register: asking for a report (queued for rendering), the list, one entry and its files. */
export const createReportsService = ({
  db,
  suppliers,
  users,
  jobs,
  kickJobs,
  storage,
  generators,
}: ReportsDeps) => {
  /** Who asked, as printed in the report: the person's name, or the API key's. */
  const issuerName = async (tx: Tx, ctx: RequestCtx) => {
    if (ctx.userId) {
      const member = await users.findMember(tx, ctx.orgId, ctx.userId);
      if (member?.name) return member.name;
    }
    return ctx.actor.label ?? 'API key';
  };

  /** A supplier report's supplier must be one of this organisation's (another's answers as unknown). */
  const supplierOf = async (tx: Tx, ctx: RequestCtx, input: CreateReport) => {
    if (input.kind !== 'supplier') return undefined;
    const supplier = await suppliers.findSupplier(tx, ctx.orgId, input.supplierId);
    if (!supplier) throw unprocessable(`Supplier ${input.supplierId} was not found`, 'supplierId');
    return supplier;
  };

  const getRow = async (tx: Tx, ctx: RequestCtx, id: string) => {
    const row = await repo.findReport(tx, ctx.orgId, id);
    if (!row) throw notFound('Report', id);
    return row;
  };

  return {
    /**
     * Enters the report in the register (queued, with the next register number) and queues its rendering, in
     * one transaction with the audit event; the job reads the data, renders, stores and issues it.
     */
    async create(ctx: RequestCtx, input: CreateReport): Promise<Report> {
      requireRole(ctx, 'executive');
      // Refused here, not in the job: a report the request could have told was impossible is never queued.
      if (input.kind === 'portfolio' && input.since && input.since > todayUtc()) {
        throw unprocessable('Choose a day on or before today for "changes since"', 'since');
      }
      if (!generators[input.kind]) {
        throw unprocessable(
          `${REPORT_KIND_LABELS[input.kind]}s cannot be generated on this server yet`,
          'kind',
        );
      }
      const report = await withTenant(db, ctx.orgId, async (tx) => {
        const supplier = await supplierOf(tx, ctx, input);
        const issuedByName = await issuerName(tx, ctx);
        const id = randomUUID();
        const job = await jobs.insertJob(tx, {
          orgId: ctx.orgId,
          kind: REPORT_JOB,
          params: { reportId: id } satisfies ReportJobParams,
          createdBy: ctx.actor.label,
        });
        const issuedAt = new Date();
        const seq = await repo.nextRegisterSeq(tx, ctx.orgId);
        const row = await repo.insertReport(tx, {
          id,
          orgId: ctx.orgId,
          registerSeq: seq,
          registerNumber: registerNumberOf(seq, issuedAt),
          kind: input.kind,
          title: provisionalTitle(input, supplier?.name),
          parameters: input,
          supplierId: supplier?.id ?? null,
          status: 'queued',
          jobId: job.id,
          issuedAt,
          issuedByUserId: ctx.userId,
          issuedByName,
        });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'report.requested',
          entityType: 'report',
          entityId: id,
          payload: { registerNumber: row.registerNumber, kind: input.kind, parameters: input },
        });
        return toReport({ ...row, progress: { done: 0, total: 0 } });
      });
      kickJobs();
      return report;
    },

    async list(ctx: RequestCtx, q: ReportListQuery): Promise<ReportPage> {
      requireRole(ctx, 'executive');
      const page = await withTenant(db, ctx.orgId, (tx) => repo.listReports(tx, ctx.orgId, q));
      return { items: page.items.map(toReport), total: page.total, limit: q.limit, offset: q.offset };
    },

    async get(ctx: RequestCtx, id: string): Promise<Report> {
      requireRole(ctx, 'executive');
      return toReport(await withTenant(db, ctx.orgId, (tx) => getRow(tx, ctx, id)));
    },

    /**
     * One file of a ready report. Not ready: 409 `not_ready` (still rendering, or failed); a format the report
     * does not have (the editable drafts are statements' only): 404 saying so.
     */
    async download(ctx: RequestCtx, id: string, format: ReportFormat): Promise<ReportDownload> {
      requireRole(ctx, 'executive');
      const row = await withTenant(db, ctx.orgId, (tx) => getRow(tx, ctx, id));
      const report = toReport(row);
      if (row.status === 'failed') {
        throw new AppError(
          'not_ready',
          `${row.registerNumber} was not issued: ${row.error ?? 'it failed'}. Ask for it again`,
        );
      }
      if (row.status !== 'ready') {
        throw new AppError(
          'not_ready',
          `${row.registerNumber} is still being generated: download it once its status is ready`,
        );
      }
      const key = { pdf: row.pdfKey, docx: row.docxKey, markdown: row.markdownKey }[format];
      if (!key) {
        throw new AppError(
          'not_found',
          `${row.registerNumber} has no ${FORMAT_NAMES[format]} version: only statement drafts have the editable DOCX and Markdown`,
        );
      }
      return { report, format, body: await storage.get(key) };
    },
  };
};

export type ReportsService = ReturnType<typeof createReportsService>;
