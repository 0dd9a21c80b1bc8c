import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { fixedSelect } from '../../db/fixed.js';
import { assignmentReminders as r } from '../../db/schema/assignments.js';
import { mailStatusById } from '../mail/mail.repo.js';

export type ReminderInsert = Omit<typeof r.$inferInsert, 'id' | 'createdAt' | 'mailId'>;

/**
 * Claims a reminder slot: the row, or undefined when the slot is already taken. The unique (assignment, slot)
 * key makes a second runner's insert wait for the first one's transaction and then do nothing, so the
 * e-mail queued in the same transaction is queued once.
 */
export const claimReminder = async (tx: Tx, values: ReminderInsert) => {
  const [row] = await tx.insert(r).values(values).onConflictDoNothing().returning({ id: r.id });
  return row?.id;
};

export const setReminderMail = (tx: Tx, orgId: string, id: string, mailId: string) =>
  tx
    .update(r)
    .set({ mailId })
    .where(and(eq(r.orgId, orgId), eq(r.id, id)));

const reminderColumns = {
  assignmentId: r.assignmentId,
  slot: r.slot,
  kind: r.kind,
  slotDate: r.slotDate,
  delivery: r.delivery,
  recipient: r.recipient,
  mailStatus: mailStatusById(r.mailId),
  createdAt: r.createdAt,
};
const newestFirst = [desc(r.createdAt), desc(r.slotDate)];
const remindersOf = (tx: Tx, orgId: string, assignmentIds: readonly string[]) =>
  tx
    .select(reminderColumns)
    .from(r)
    .where(and(eq(r.orgId, orgId), inArray(r.assignmentId, [...assignmentIds])))
    .orderBy(...newestFirst);
export type ReminderRow = Awaited<ReturnType<typeof remindersOf>>[number];
// One questionnaire's (every request about one reads them): built once (fixedSelect).
const remindersOfOne = fixedSelect<ReminderRow, { orgId: string; id: string }>((tx) =>
  tx
    .select(reminderColumns)
    .from(r)
    .where(and(eq(r.orgId, sql.placeholder('orgId')), eq(r.assignmentId, sql.placeholder('id'))))
    .orderBy(...newestFirst),
);

/** The reminders of these assignments, newest first, with the state of the e-mail that carried each. */
export const listReminders = (
  tx: Tx,
  orgId: string,
  assignmentIds: readonly string[],
): Promise<ReminderRow[]> =>
  assignmentIds.length === 0
    ? Promise.resolve([])
    : assignmentIds.length === 1
      ? remindersOfOne(tx, { orgId, id: assignmentIds[0]! })
      : remindersOf(tx, orgId, assignmentIds);
