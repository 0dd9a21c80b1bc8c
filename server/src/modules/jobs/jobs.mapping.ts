import { type Job, JobSchema } from '#shared/schemas/jobs.js';
import type { JobRow } from './jobs.repo.js';

/** The API form, parsed through the contract: params and result are checked against their kind's schemas. */
export const toJob = (r: JobRow): Job =>
  JobSchema.parse({
    id: r.id,
    kind: r.kind,
    status: r.status,
    progress: {
      done: r.progressDone,
      total: r.progressTotal,
      percent:
        r.progressTotal > 0
          ? Math.round((r.progressDone / r.progressTotal) * 1000) / 10
          : r.status === 'succeeded'
            ? 100
            : 0,
    },
    params: r.params,
    result: r.result ?? null,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  });
