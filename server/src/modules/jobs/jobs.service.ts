import type { Job, JobPage, JobsQuery } from '#shared/schemas/jobs.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { notFound } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { findJob, type JobRow, listJobs } from './jobs.repo.js';

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

export const createJobsService = ({ db }: { db: Db }) => ({
  async get(ctx: RequestCtx, id: string): Promise<Job> {
    requireRole(ctx, 'executive');
    const row = await withTenant(db, ctx.orgId, (tx) => findJob(tx, ctx.orgId, id));
    if (!row) throw notFound('Job', id);
    return toJob(row);
  },

  async list(ctx: RequestCtx, q: JobsQuery): Promise<JobPage> {
    requireRole(ctx, 'executive');
    const page = await withTenant(db, ctx.orgId, (tx) => listJobs(tx, ctx.orgId, q));
    return { items: page.items.map(toJob), total: page.total, limit: q.limit, offset: q.offset };
  },
});

export type JobsService = ReturnType<typeof createJobsService>;
