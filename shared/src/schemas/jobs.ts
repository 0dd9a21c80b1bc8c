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

/** Each kind of background work, with what it is asked to do and what it answers when it succeeds. */
export const JOB_PAYLOADS = {
  rescore: { params: RescoreJobParamsSchema, result: RescoreJobResultSchema },
} as const;
export const JOB_KINDS = ['rescore'] as const satisfies readonly (keyof typeof JOB_PAYLOADS)[];
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

/**
 * Background work (rescoring a portfolio, …) with progress a page can poll; `params` and `result` are those
 * of its `kind` (JOB_PAYLOADS). One kind today; the second makes this a `z.discriminatedUnion('kind', …)`
 * (a union of one would only add a one-branch `oneOf` to the OpenAPI document).
 */
export const JobSchema = JobFieldsSchema.extend({
  kind: z.literal('rescore'),
  params: JOB_PAYLOADS.rescore.params,
  result: JOB_PAYLOADS.rescore.result.nullable(),
});
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
