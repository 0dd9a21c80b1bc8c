import { and, count, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { JobsQuery } from '#shared/schemas/jobs.js';
import type { Db, Tx } from '../../db/client.js';
import { jobs } from '../../db/schema/scoring.js';
import { rowsOf } from '../../db/tenant.js';

export type JobRow = typeof jobs.$inferSelect;

export const insertJob = async (tx: Tx, values: typeof jobs.$inferInsert) => {
  const [row] = await tx.insert(jobs).values(values).returning();
  return row!;
};

/**
 * A job's row as pages read it: params without `supplierIds` (a rescore of an import's suppliers can list
 * 100,000 ids, which a progress poll must not carry). Only the runner reads them (findJobToRun).
 */
const listedColumns = {
  ...getTableColumns(jobs),
  params: sql<unknown>`${jobs.params} - 'supplierIds'`.as('params'),
};

export const findJob = async (tx: Tx, orgId: string, id: string) => {
  const [row] = await tx
    .select(listedColumns)
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id)))
    .limit(1);
  return row;
};

/** The whole row, params included, for the handler that runs the job. */
export const findJobToRun = async (tx: Tx, orgId: string, id: string) => {
  const [row] = await tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id)))
    .limit(1);
  return row;
};

/** The organisation's jobs, newest first, filtered as the query says. */
export const listJobs = async (tx: Tx, orgId: string, q: JobsQuery) => {
  const where: (SQL | undefined)[] = [eq(jobs.orgId, orgId)];
  if (q.kind) where.push(eq(jobs.kind, q.kind));
  if (q.status) where.push(eq(jobs.status, q.status));
  if (q.active === 'true') where.push(inArray(jobs.status, ['queued', 'running']));
  if (q.active === 'false') where.push(inArray(jobs.status, ['succeeded', 'failed']));
  const filter = and(...where);
  const [items, [total]] = await Promise.all([
    tx
      .select(listedColumns)
      .from(jobs)
      .where(filter)
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(q.limit)
      .offset(q.offset),
    tx.select({ n: count() }).from(jobs).where(filter),
  ]);
  return { items, total: total?.n ?? 0 };
};

// The worker serves every organisation: it claims across them through the SECURITY DEFINER functions of
// migration 0007, and does everything else inside the job's organisation (withTenant).

/** Claims the oldest queued job of any organisation (id and organisation only); SKIP LOCKED inside. */
export const claimNextJob = async (db: Db) =>
  rowsOf<{ id: string; org_id: string }>(await db.execute(sql`select * from jobs_claim_next()`)).map((r) => ({
    id: r.id,
    orgId: r.org_id,
  }))[0];

export const setJobProgress = (tx: Tx, orgId: string, id: string, done: number, total: number) =>
  tx
    .update(jobs)
    .set({ progressDone: done, progressTotal: total })
    .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id)));

export const finishJob = async (
  tx: Tx,
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

/** A running job put back in the queue (its run was cut short by a database outage). */
export const requeueJob = (tx: Tx, orgId: string, id: string) =>
  tx
    .update(jobs)
    .set({ status: 'queued', startedAt: null })
    .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id), eq(jobs.status, 'running')));

/** Jobs left running by a process that died are put back in the queue at start-up. */
export const requeueStaleJobs = (db: Db) => db.execute(sql`select jobs_requeue_stale()`);

/** A job's kind by id, as a scalar subquery: the audit list shows and searches it in its own query. */
export const jobKindById = (id: SQL): SQL<string | null> =>
  sql`(select ${jobs.kind} from ${jobs} where ${jobs.id} = ${id})`;

/** The jobs module's functions other modules may use (as `Pick<JobsRepo, …>` deps): queueing work. */
export const jobsRepo = { insertJob };
export type JobsRepo = typeof jobsRepo;

/** A job's progress by id as a JSON `{ done, total }` scalar subquery (the reports register shows it). */
export const jobProgressById = (id: SQL): SQL<{ done: number; total: number } | null> =>
  sql`(select json_build_object('done', ${jobs.progressDone}, 'total', ${jobs.progressTotal})
    from ${jobs} where ${jobs.id} = ${id})`;
