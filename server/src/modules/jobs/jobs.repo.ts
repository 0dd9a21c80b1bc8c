import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { JobsQuery } from '#shared/schemas/jobs.js';
import type { Db } from '../../db/client.js';
import { jobs } from '../../db/schema/scoring.js';
import { rowsOf } from '../../db/tenant.js';

export type JobRow = typeof jobs.$inferSelect;

export const insertJob = async (tx: Db, values: typeof jobs.$inferInsert) => {
  const [row] = await tx.insert(jobs).values(values).returning();
  return row!;
};

export const findJob = async (tx: Db, orgId: string, id: string) => {
  const [row] = await tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id)))
    .limit(1);
  return row;
};

/** The organisation's jobs, newest first, filtered as the query says. */
export const listJobs = async (tx: Db, orgId: string, q: JobsQuery) => {
  const where: (SQL | undefined)[] = [eq(jobs.orgId, orgId)];
  if (q.kind) where.push(eq(jobs.kind, q.kind));
  if (q.status) where.push(eq(jobs.status, q.status));
  if (q.active === 'true') where.push(inArray(jobs.status, ['queued', 'running']));
  if (q.active === 'false') where.push(inArray(jobs.status, ['succeeded', 'failed']));
  const filter = and(...where);
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(jobs)
      .where(filter)
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(q.limit)
      .offset(q.offset),
    tx.select({ n: count() }).from(jobs).where(filter),
  ]);
  return { items, total: total?.n ?? 0 };
};

// The worker's own queries run on the system connection: it serves every organisation, and switches into
// one (withTenant) for the work itself.

/** Claims the oldest queued job; SKIP LOCKED lets several API processes share the queue without overlap. */
export const claimNextJob = async (db: Db): Promise<JobRow | undefined> => {
  const result = await db.execute(sql`
    update jobs set status = 'running', started_at = now()
    where id = (select id from jobs where status = 'queued' order by created_at limit 1 for update skip locked)
    returning id`);
  const [claimed] = rowsOf<{ id: string }>(result);
  if (!claimed) return undefined;
  const [row] = await db.select().from(jobs).where(eq(jobs.id, claimed.id));
  return row;
};

export const setJobProgress = (db: Db, id: string, done: number, total: number) =>
  db.update(jobs).set({ progressDone: done, progressTotal: total }).where(eq(jobs.id, id));

export const finishJob = async (
  tx: Db,
  orgId: string,
  id: string,
  values: Pick<JobRow, 'status'> & Partial<Pick<JobRow, 'result' | 'error'>>,
) => {
  const [row] = await tx
    .update(jobs)
    .set({ ...values, finishedAt: new Date() })
    .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id)))
    .returning();
  return row!;
};

/** Jobs left running by a process that died are put back in the queue at start-up. */
export const requeueStaleJobs = (db: Db) =>
  db.execute(
    sql`update jobs set status = 'queued', started_at = null where status = 'running' and started_at < now() - interval '15 minutes'`,
  );

/** The jobs module's functions other modules may use (as `Pick<JobsRepo, …>` deps): queueing work. */
export const jobsRepo = { insertJob };
export type JobsRepo = typeof jobsRepo;
