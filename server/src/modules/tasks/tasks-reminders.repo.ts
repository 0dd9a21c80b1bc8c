import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { taskReminders as r } from '../../db/schema/task-reminders.js';
import { taskComments as c } from '../../db/schema/tasks.js';
import { rowsOf } from '../../db/tenant.js';

// The task schedule's claims (task_reminders) and what it reads of a task's thread.

export type TaskReminderInsert = Omit<typeof r.$inferInsert, 'id' | 'createdAt' | 'mailIds'>;

/**
 * Claims a reminder or escalation: the row's id, or undefined when the (task, slot, audience) is taken. The
 * unique key makes a second runner's insert wait for the first one's transaction and then do nothing, so the
 * e-mails queued in the same transaction are queued once.
 */
export const claimTaskReminder = async (tx: Tx, values: TaskReminderInsert) => {
  const [row] = await tx.insert(r).values(values).onConflictDoNothing().returning({ id: r.id });
  return row?.id;
};

export const setTaskReminderMails = (tx: Tx, orgId: string, id: string, mailIds: string[]) =>
  tx
    .update(r)
    .set({ mailIds })
    .where(and(eq(r.orgId, orgId), eq(r.id, id)));

/** The reminders and escalations of these tasks, newest first. */
export const listTaskReminders = (tx: Tx, orgId: string, taskIds: readonly string[]) =>
  taskIds.length === 0
    ? Promise.resolve([])
    : tx
        .select()
        .from(r)
        .where(and(eq(r.orgId, orgId), inArray(r.taskId, [...taskIds])))
        .orderBy(desc(r.createdAt), desc(r.slot));

/** The UTC day the task was last moved back to open with a reason (a reopening), if ever. */
export const lastReopenedOn = async (tx: Tx, orgId: string, taskId: string): Promise<string | null> => {
  const [row] = await tx
    .select({ on: sql<string | null>`to_char(max(${c.createdAt}) at time zone 'UTC', 'YYYY-MM-DD')` })
    .from(c)
    .where(and(eq(c.orgId, orgId), eq(c.taskId, taskId), eq(c.toStatus, 'open')));
  return row?.on ?? null;
};

/** Organisations with task work due on `today` (overdue tasks, expired risk acceptances): ids only. */
export const taskScheduleOrgs = async (db: Db, today: string) =>
  rowsOf<{ org_id: string }>(await db.execute(sql`select * from task_schedule_orgs(${today}::date)`)).map(
    (x) => x.org_id,
  );
