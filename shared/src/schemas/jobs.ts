import { z } from 'zod';
import { IdSchema } from './common.js';

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
