import {
  DEFAULT_ANSWER_VALIDITY_MONTHS,
  DEFAULT_RECURRENCE_LEAD_DAYS,
} from '#shared/domain/questionnaires/schedule.js';
import type { QuestionnaireSchedule } from '#shared/schemas/policy.js';

// The policy's questionnaire settings in words, for the document view and the diff. Both are optional in a
// policy; absent means the default, which is said as such.

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "7, 3, 1 days before", or "none". */
export const describeReminderDays = (days: readonly number[]) =>
  days.length === 0
    ? 'none'
    : `${days.join(', ')} ${days.length === 1 && days[0] === 1 ? 'day' : 'days'} before`;

export const describeAnswerValidity = (months: number | undefined) =>
  months === undefined
    ? `Default (${DEFAULT_ANSWER_VALIDITY_MONTHS} months)`
    : count(months, 'month', 'months');

export const describeSchedule = (schedule: QuestionnaireSchedule | undefined) => {
  if (!schedule) {
    return `Default: no reminders; recurring questionnaires sent again ${DEFAULT_RECURRENCE_LEAD_DAYS} days before due`;
  }
  const overdue =
    schedule.overdueMaxReminders === 0
      ? 'none when overdue'
      : `when overdue every ${count(schedule.overdueEveryDays, 'day', 'days')}, at most ${schedule.overdueMaxReminders}`;
  return `Reminders ${describeReminderDays(schedule.reminderDaysBefore)} the due date; ${overdue}; recurring questionnaires sent again ${count(schedule.recurrenceLeadDays, 'day', 'days')} before due`;
};
