import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
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

/** The reminders of these assignments, newest first, with the state of the e-mail that carried each. */
export const listReminders = (tx: Tx, orgId: string, assignmentIds: readonly string[]) =>
  assignmentIds.length === 0
    ? Promise.resolve([])
    : tx
        .select({
          assignmentId: r.assignmentId,
          slot: r.slot,
          kind: r.kind,
          slotDate: r.slotDate,
          delivery: r.delivery,
          recipient: r.recipient,
          mailStatus: mailStatusById(r.mailId),
          createdAt: r.createdAt,
        })
        .from(r)
        .where(and(eq(r.orgId, orgId), inArray(r.assignmentId, [...assignmentIds])))
        .orderBy(desc(r.createdAt), desc(r.slotDate));
export type ReminderRow = Awaited<ReturnType<typeof listReminders>>[number];
