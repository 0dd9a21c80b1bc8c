import type { Job } from '#shared/schemas/jobs.js';
import type { JobRow } from './jobs.repo.js';

export const toJob = (r: JobRow): Job => ({
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
