import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, PageQuerySchema, pageOf } from './common.js';
import { DashboardQuerySchema } from './dashboard.js';

// Issued reports (issue 11): the supplier assessment report, the portfolio risk report and the
// modern-slavery statement draft. Each is a PDF rendered server-side from one consistent snapshot of the live
// data and recorded in a register (kind, parameters, SHA-256, who, when) so that anyone holding a copy can
// check it was issued (POST /api/reports/verify). Issuing a report changes no data.

export const REPORT_KINDS = ['supplier', 'portfolio', 'statement'] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS, {
  error: `Choose a report kind: ${REPORT_KINDS.join(', ')}`,
});
export type ReportKind = z.infer<typeof ReportKindSchema>;

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  supplier: 'Supplier assessment report',
  portfolio: 'Portfolio risk report',
  statement: 'Modern-slavery statement draft',
};

/** The laws a statement draft can follow, by the criteria of ../shared/reference/reporting-criteria.json. */
export const STATEMENT_FRAMEWORKS = ['uk', 'au', 'ca'] as const;
export const StatementFrameworkSchema = z.enum(STATEMENT_FRAMEWORKS, {
  error: `Choose a framework: ${STATEMENT_FRAMEWORKS.join(', ')}`,
});
export type StatementFramework = z.infer<typeof StatementFrameworkSchema>;

export const STATEMENT_FRAMEWORK_LABELS: Record<StatementFramework, string> = {
  uk: 'UK Modern Slavery Act 2015, s.54(5)',
  au: 'Australia Modern Slavery Act 2018, s.16(1)',
  ca: 'Canada S-211 (Fighting Against Forced Labour and Child Labour in Supply Chains Act), s.11(3)',
};

/** The `reporting-criteria.json` law id behind each framework. */
export const STATEMENT_FRAMEWORK_LAW_IDS: Record<StatementFramework, string> = {
  uk: 'UK-MSA-2015',
  au: 'AU-MSA-2018',
  ca: 'CA-S211',
};

const ReportDaySchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });

export const SupplierReportParamsSchema = z.strictObject({
  kind: z.literal('supplier'),
  supplierId: IdSchema,
});

export const PortfolioReportParamsSchema = z.strictObject({
  kind: z.literal('portfolio'),
  /** "Changes since": new high-risk suppliers, closed findings and rating moves after this day. */
  since: ReportDaySchema.optional(),
  /** The dashboard's filters (tag, country, tier, good), with the dashboard's meaning. */
  filters: DashboardQuerySchema.optional(),
});

export const StatementReportParamsSchema = z
  .strictObject({
    kind: z.literal('statement'),
    framework: StatementFrameworkSchema,
    /** The reporting period the statement covers (a financial year, usually). */
    periodStart: ReportDaySchema,
    periodEnd: ReportDaySchema,
  })
  .refine((p) => p.periodStart < p.periodEnd, {
    message: 'The period must end after it starts',
    path: ['periodEnd'],
  });

/** `POST /api/reports`: what to issue. The kind decides which other fields are needed. */
export const CreateReportSchema = z.discriminatedUnion(
  'kind',
  [SupplierReportParamsSchema, PortfolioReportParamsSchema, StatementReportParamsSchema],
  { error: `Choose a report kind: ${REPORT_KINDS.join(', ')}` },
);
export type CreateReport = z.infer<typeof CreateReportSchema>;
export type SupplierReportParams = z.infer<typeof SupplierReportParamsSchema>;
export type PortfolioReportParams = z.infer<typeof PortfolioReportParamsSchema>;
export type StatementReportParams = z.infer<typeof StatementReportParamsSchema>;

/** queued → running → ready, or failed (the register keeps the failure; nothing was issued). */
export const REPORT_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/** The files a report can be downloaded as. Only statements have the editable ones. */
export const REPORT_FORMATS = ['pdf', 'docx', 'markdown'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

export const AuditHeadSchema = z.object({
  /** Sequence number of the newest audit event of the organisation when the data was read. */
  seq: z.number().int(),
  /** Its chain hash (hex). */
  hash: z.string(),
});
export type AuditHead = z.infer<typeof AuditHeadSchema>;

/** A register entry. */
export const ReportSchema = z.object({
  id: IdSchema,
  /** Printed on every page of the PDF, e.g. "CS-2026-000042": the organisation's running number. */
  registerNumber: z.string(),
  kind: ReportKindSchema,
  title: z.string(),
  parameters: CreateReportSchema,
  status: ReportStatusSchema,
  /** The background job that renders it (GET /api/jobs/:id has its progress). */
  jobId: IdSchema.nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  /** The issue time printed in the report: the moment its data was read. */
  issuedAt: IsoDateTimeSchema,
  issuedBy: z.object({ id: IdSchema.nullable(), name: z.string() }),
  /** SHA-256 (hex) of the PDF's bytes, once ready. */
  sha256: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  pageCount: z.number().int().nullable(),
  policyVersion: z.object({ id: IdSchema, name: z.string(), version: z.number().int() }).nullable(),
  auditHead: AuditHeadSchema.nullable(),
  formats: z.array(ReportFormatSchema),
  error: z.string().nullable(),
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportListQuerySchema = PageQuerySchema.extend({
  kind: ReportKindSchema.optional(),
  supplierId: IdSchema.optional(),
});
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;
export const ReportPageSchema = pageOf(ReportSchema);

/** The most a PDF sent to the public verify endpoint may weigh. */
export const VERIFY_MAX_BYTES = 25 * 1024 * 1024;

/**
 * `POST /api/reports/verify`: whether a PDF's exact bytes were issued, by whom and when, and nothing more
 * (no parameters, no content). A changed byte answers `{ issued: false }`.
 */
export const VerifyReportResponseSchema = z.object({
  issued: z.boolean(),
  reportId: IdSchema.optional(),
  registerNumber: z.string().optional(),
  kind: ReportKindSchema.optional(),
  issuedAt: IsoDateTimeSchema.optional(),
  issuedBy: z.string().optional(),
  organisation: z.string().optional(),
  sha256: z.string(),
});
export type VerifyReportResponse = z.infer<typeof VerifyReportResponseSchema>;
