import type { Job, JobPage, JobsQuery } from '#shared/schemas/jobs.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { notFound } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { toJob } from './jobs.mapping.js';
import { findJob, listJobs } from './jobs.repo.js';

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
