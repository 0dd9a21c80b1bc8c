import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { remediationTasks } from './tasks.js';

/**
 * One reminder or escalation of one overdue remediation task, to one audience (tenant-owned, insert-only but
 * for the e-mails that carried it): the task schedule's claim. Unique per (task, slot, audience): a second
 * schedule runner's insert waits for the first one's transaction and then does nothing, so the e-mail queued in
 * the same transaction is queued once. `slot` names the overdue period (the day it began) and the step in it
 * (`2026-11-02/reminder/0`, `2026-11-02/escalation`); see server/src/modules/tasks/tasks.schedule.ts.
 */
export const taskReminders = pgTable(
  'task_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => remediationTasks.id),
    slot: text('slot').notNull(),
    kind: text('kind', { enum: ['reminder', 'escalation'] }).notNull(),
    audience: text('audience', { enum: ['owner', 'supplier', 'admins'] }).notNull(),
    /** The day the slot fell due (the schedule's day, not when a runner got to it). */
    slotDate: date('slot_date', { mode: 'string' }).notNull(),
    /**
     * `email`: queued to `recipients`. `no_email`: nobody to send it to (no owner, no e-mail, no mailer), so
     * the officer must follow it up. `no_link`: the supplier has no live portal link to carry it.
     */
    delivery: text('delivery', { enum: ['email', 'no_email', 'no_link'] }).notNull(),
    recipients: text('recipients').array().notNull().default(sql`'{}'::text[]`),
    /** The outbox messages that carried it (one per recipient). */
    mailIds: uuid('mail_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'task_reminders_task_same_org_fk',
      columns: [t.taskId, t.orgId],
      foreignColumns: [remediationTasks.id, remediationTasks.orgId],
    }),
    unique('task_reminders_slot_uq').on(t.taskId, t.slot, t.audience),
    index('task_reminders_org_task_idx').on(t.orgId, t.taskId, t.createdAt),
    check('task_reminders_kind_ck', sql`${t.kind} in ('reminder', 'escalation')`),
    check('task_reminders_audience_ck', sql`${t.audience} in ('owner', 'supplier', 'admins')`),
    check('task_reminders_delivery_ck', sql`${t.delivery} in ('email', 'no_email', 'no_link')`),
  ],
);
