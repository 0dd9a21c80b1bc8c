import { z } from 'zod';
import { IdSchema, PageQuerySchema, pageOf } from './common.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

/** Background work (rescoring a portfolio, …) with progress a page can poll. */
export const JobSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.object({ done: z.number().int(), total: z.number().int(), percent: z.number() }),
  params: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof JobSchema>;

/** Kinds of background work. */
export const JOB_KINDS = ['rescore'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** `active=true`: queued or running, so a page can show work that is still going on. Newest first. */
export const JobsQuerySchema = PageQuerySchema.extend({
  kind: z.enum(JOB_KINDS).optional(),
  status: z.enum(JOB_STATUSES).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type JobsQuery = z.infer<typeof JobsQuerySchema>;

export const JobPageSchema = pageOf(JobSchema);
export type JobPage = z.infer<typeof JobPageSchema>;
