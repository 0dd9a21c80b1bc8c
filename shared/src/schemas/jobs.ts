import { z } from 'zod';
import { IdSchema, PageQuerySchema, pageOf } from './common.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

// WARNING: jobs store their params and result (jobs.params, jobs.result) and are parsed with these schemas
// on read. Add optional fields, never rename or re-mean one, or queued and finished jobs stop reading.

/**
 * Rescore every current supplier under a newly published policy version; or, with `supplierIds`, only those
 * suppliers (an import too large to assess in its request) under the policy published when the job runs,
 * the assessments recording `trigger` and `triggerDetail`. The API leaves `supplierIds` out (it can hold
 * 100,000 ids); `suppliers` says how many there are.
 */
export const RescoreJobParamsSchema = z.object({
  policyId: IdSchema,
  version: z.number().int(),
  supplierIds: z.array(IdSchema).optional(),
  suppliers: z.number().int().optional(),
  trigger: z.enum(['import']).optional(),
  triggerDetail: z.string().max(500).optional(),
});
export type RescoreJobParams = z.infer<typeof RescoreJobParamsSchema>;
export const RescoreJobResultSchema = z.object({
  assessed: z.number().int(),
  policyId: IdSchema,
  policyVersion: z.number().int(),
});

/** Render one report of the register (shared/src/schemas/reports.ts): its PDF, hashed, stored, then issued. */
export const ReportJobParamsSchema = z.object({ reportId: IdSchema });
export type ReportJobParams = z.infer<typeof ReportJobParamsSchema>;
export const ReportJobResultSchema = z.object({
  reportId: IdSchema,
  registerNumber: z.string(),
  sha256: z.string(),
  pageCount: z.number().int(),
});

/** Each kind of background work, with what it is asked to do and what it answers when it succeeds. */
export const JOB_PAYLOADS = {
  rescore: { params: RescoreJobParamsSchema, result: RescoreJobResultSchema },
  report: { params: ReportJobParamsSchema, result: ReportJobResultSchema },
} as const;
export const JOB_KINDS = ['rescore', 'report'] as const satisfies readonly (keyof typeof JOB_PAYLOADS)[];
export type JobKind = (typeof JOB_KINDS)[number];

const JobFieldsSchema = z.object({
  id: IdSchema,
  status: z.enum(JOB_STATUSES),
  progress: z.object({ done: z.number().int(), total: z.number().int(), percent: z.number() }),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

/** Background work that rescores (a published policy, an import): what the policies pages follow. */
export const RescoreJobSchema = JobFieldsSchema.extend({
  kind: z.literal('rescore'),
  params: JOB_PAYLOADS.rescore.params,
  result: JOB_PAYLOADS.rescore.result.nullable(),
});
export type RescoreJob = z.infer<typeof RescoreJobSchema>;

/** Background work that renders a report of the register (its entry carries the outcome). */
export const ReportJobSchema = JobFieldsSchema.extend({
  kind: z.literal('report'),
  params: JOB_PAYLOADS.report.params,
  result: JOB_PAYLOADS.report.result.nullable(),
});

/**
 * Background work (rescoring a portfolio, rendering a report) with progress a page can poll; `params` and
 * `result` are those of its `kind` (JOB_PAYLOADS).
 */
export const JobSchema = z.discriminatedUnion('kind', [RescoreJobSchema, ReportJobSchema]);
export type Job = z.infer<typeof JobSchema>;

/** `active=true`: queued or running, so a page can show work that is still going on. Newest first. */
export const JobsQuerySchema = PageQuerySchema.extend({
  kind: z.enum(JOB_KINDS).optional(),
  status: z.enum(JOB_STATUSES).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type JobsQuery = z.infer<typeof JobsQuerySchema>;

export const JobPageSchema = pageOf(JobSchema);
export type JobPage = z.infer<typeof JobPageSchema>;
