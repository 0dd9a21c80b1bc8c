import { addDays } from '../questionnaires/schedule.js';

// The remediation task schedule as pure date arithmetic on UTC days (YYYY-MM-DD): which reminder of an
// overdue task is due, and whether it is escalated. No clock: callers pass today.
//
// An overdue *period* begins the day after the due date, or on the day the task was last moved back to open
// with a reason (a reopening, by staff or by the platform when a risk acceptance ran out) if that is later.
// In each period the owner (and the supplier, for a supplier-visible task) is reminded on its first day and
// then every TASK_REMINDER_EVERY_DAYS days; the task is escalated to the administrators once, when it has
// been overdue for more than `escalateAfterDays` days of the period. A new period (a reopening, or a new due
// date that passes too) starts the reminders and the escalation afresh.

export const TASK_REMINDER_EVERY_DAYS = 7;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export interface OverduePeriod {
  /** The period's first day: its key in the reminder slots. */
  start: string;
  /** Whole days past the due date on `today`. */
  daysOverdue: number;
  /** The reminder due in this period on `today` (0: the first), and the day it fell due. */
  step: number;
  stepOn: string;
  /** The day the escalation falls due in this period, and whether it has. */
  escalateOn: string;
  escalationDue: boolean;
}

/** The overdue period of a task due on `dueDate` on `today`; undefined when it is not overdue. */
export const overduePeriod = (
  dueDate: string,
  lastReopenedOn: string | null,
  today: string,
  escalateAfterDays: number,
): OverduePeriod | undefined => {
  if (dueDate >= today) return undefined;
  const afterDue = addDays(dueDate, 1);
  const start =
    lastReopenedOn && lastReopenedOn > afterDue && lastReopenedOn <= today ? lastReopenedOn : afterDue;
  const into = daysBetween(start, today);
  const step = Math.floor(into / TASK_REMINDER_EVERY_DAYS);
  const escalateOn = addDays(start, escalateAfterDays);
  return {
    start,
    daysOverdue: daysBetween(dueDate, today),
    step,
    stepOn: addDays(start, step * TASK_REMINDER_EVERY_DAYS),
    escalateOn,
    escalationDue: today >= escalateOn,
  };
};
