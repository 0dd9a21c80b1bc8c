import type { QuestionnaireSchedule } from '../../schemas/policy.js';

// The questionnaire schedule as pure date arithmetic on UTC days (YYYY-MM-DD): which reminder slot is due,
// which comes next, when a recurring questionnaire is due again. No clock: callers pass today.

/** Accepted answers count this long when the policy does not say (the rule before the setting existed). */
export const DEFAULT_ANSWER_VALIDITY_MONTHS = 12;
/** How early a recurring questionnaire is re-sent when the policy has no schedule. */
export const DEFAULT_RECURRENCE_LEAD_DAYS = 30;

const DAY_MS = 86_400_000;

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The same day `n` months later, clamped to the month's end (31 January + 1 month = 28/29 February). */
export const addMonths = (day: string, n: number): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
};

export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

export interface ReminderSlot {
  /** Unique per assignment: `before_7` (7 days before the due date), `overdue_2` (the second overdue one). */
  slot: string;
  kind: 'due_soon' | 'overdue';
  /** The day it falls due. */
  on: string;
}

/**
 * Every reminder slot of a questionnaire due on `dueDate`, in date order: one per `reminderDaysBefore`, then
 * the overdue ones (the day after the due date, then every `overdueEveryDays`, at most `overdueMaxReminders`).
 * Slots on or before the day it was sent are dropped: the invitation itself said as much.
 */
export const reminderSlots = (
  schedule: QuestionnaireSchedule,
  dueDate: string,
  sentOn: string,
): ReminderSlot[] => {
  const before = [...new Set(schedule.reminderDaysBefore)]
    .sort((a, b) => b - a)
    .map((n): ReminderSlot => ({ slot: `before_${n}`, kind: 'due_soon', on: addDays(dueDate, -n) }));
  const overdue = Array.from(
    { length: schedule.overdueMaxReminders },
    (_, i): ReminderSlot => ({
      slot: `overdue_${i + 1}`,
      kind: 'overdue',
      on: addDays(dueDate, 1 + i * schedule.overdueEveryDays),
    }),
  );
  return [...before, ...overdue].filter((s) => s.on > sentOn);
};

/**
 * The slot to send today: the latest one whose day has come. Earlier slots a runner missed (the server was
 * down) are not sent late, one after another: the supplier gets one reminder, the current one.
 */
export const dueReminderSlot = (
  schedule: QuestionnaireSchedule,
  dueDate: string,
  sentOn: string,
  today: string,
): ReminderSlot | undefined => reminderSlots(schedule, dueDate, sentOn).findLast((s) => s.on <= today);

/** The next slot after today, if the schedule has one left. */
export const nextReminderSlot = (
  schedule: QuestionnaireSchedule,
  dueDate: string,
  sentOn: string,
  today: string,
): ReminderSlot | undefined => reminderSlots(schedule, dueDate, sentOn).find((s) => s.on > today);

/** The furthest a slot can be from its due date, either way: the window the schedule scans. */
export const scheduleWindow = (schedule: QuestionnaireSchedule) => ({
  daysBefore: Math.max(0, ...schedule.reminderDaysBefore),
  daysAfter: 1 + Math.max(0, schedule.overdueMaxReminders - 1) * schedule.overdueEveryDays,
});

export type Recurrence = { kind: 'on_expiry' } | { kind: 'every_months'; months: number };

/**
 * When a recurring questionnaire is due again: on the day its accepted answers expire (`on_expiry`), or its
 * interval after the previous due date (`every_months`). It is re-sent `leadDays` before that day.
 */
export const nextRecurrence = (
  recurrence: Recurrence,
  previous: { dueDate: string; validUntil: string },
  leadDays: number,
): { dueDate: string; sendOn: string } => {
  const dueDate =
    recurrence.kind === 'on_expiry' ? previous.validUntil : addMonths(previous.dueDate, recurrence.months);
  return { dueDate, sendOn: addDays(dueDate, -leadDays) };
};

/** The last day accepted answers count: `months` after the day they were accepted. */
export const answersValidUntil = (acceptedOn: string, months: number) => addMonths(acceptedOn, months);
