import { and, eq, sql } from 'drizzle-orm';
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
