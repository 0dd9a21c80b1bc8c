import type { Assignment, Reminder } from '#shared/schemas/assignments.js';
import { Badge } from '../../../components/ui/badge.js';
import { formatDate } from '../../../lib/format.js';
import { StopRecurrenceButton } from './stop-recurrence.js';

const MAIL_WORDS: Record<NonNullable<Reminder['mailStatus']>, string> = {
  queued: 'waiting to be sent',
  sending: 'being sent',
  sent: 'sent',
  failed: 'could not be sent',
  not_sent: 'not sent (no mailer)',
};

const kindWords = (kind: Reminder['kind']) => (kind === 'overdue' ? 'Overdue reminder' : 'Due-soon reminder');

/** One reminder in words: what it was, when, and how it reached (or did not reach) the supplier. */
const reminderLine = (r: Reminder) =>
  r.delivery === 'no_email'
    ? `${kindWords(r.kind)} due ${formatDate(r.slotDate)}: no e-mail on file, pass it on to the supplier (e.g. re-issue the link)`
    : `${kindWords(r.kind)} e-mailed to ${r.recipient ?? 'the supplier'} on ${formatDate(r.createdAt)}${
        r.mailStatus && r.mailStatus !== 'sent' ? ` (${MAIL_WORDS[r.mailStatus]})` : ''
      }`;

const recurrenceWords = (a: Assignment) =>
  !a.recurrence
    ? null
    : a.recurrence.kind === 'on_expiry'
      ? 'Sent again automatically before the accepted answers expire'
      : `Sent again automatically every ${a.recurrence.months} ${a.recurrence.months === 1 ? 'month' : 'months'}`;

/**
 * The reminders under a due date in the "Sent to suppliers" list: how many were e-mailed and when the next is
 * planned. Those due but not e-mailed (no address on file) are counted apart: the officer must pass them on.
 * Nothing when there is nothing to say (none sent, none planned).
 */
export function RemindersSummary({ reminders }: { reminders: Assignment['reminders'] }) {
  const unsent = reminders.sent.filter((r) => r.delivery === 'no_email').length;
  const emailed = reminders.sent.length - unsent;
  return (
    <>
      {emailed > 0 ? (
        <span className="cell-sub muted">
          {emailed === 1 ? '1 reminder sent' : `${emailed} reminders sent`}
        </span>
      ) : null}
      {unsent > 0 ? (
        <span className="cell-sub">
          <Badge tone="warning">
            {unsent === 1 ? '1 reminder not e-mailed' : `${unsent} reminders not e-mailed`}
          </Badge>
        </span>
      ) : null}
      {reminders.next ? (
        <span className="cell-sub muted">next reminder {formatDate(reminders.next.on)}</span>
      ) : null}
    </>
  );
}

/**
 * The reminders of a sent questionnaire (newest first), the next one planned, and whether it recurs. Reads
 * only the assignment the page already has: mount it wherever one assignment is shown.
 */
export function RemindersList({
  assignment: a,
  canStopRecurrence = false,
}: {
  assignment: Assignment;
  /** Officers may stop a recurrence ("Stop repeating"). */
  canStopRecurrence?: boolean;
}) {
  const recurs = recurrenceWords(a);
  const dueWithoutEmail = a.reminders.sent.filter((r) => r.delivery === 'no_email').length;
  return (
    <section className="reminders-list" aria-labelledby={`reminders-${a.id}`}>
      <h3 id={`reminders-${a.id}`}>Reminders</h3>
      {dueWithoutEmail > 0 ? (
        <p>
          <Badge tone="warning">
            {dueWithoutEmail === 1 ? 'A reminder' : `${dueWithoutEmail} reminders`} could not be e-mailed
          </Badge>
        </p>
      ) : null}
      {a.reminders.sent.length === 0 ? (
        <p className="muted">No reminder sent yet.</p>
      ) : (
        <ul>
          {a.reminders.sent.map((r) => (
            <li key={r.slot}>{reminderLine(r)}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        {a.reminders.next
          ? `Next: ${kindWords(a.reminders.next.kind).toLowerCase()} on ${formatDate(a.reminders.next.on)}.`
          : 'No further reminder planned.'}
      </p>
      {recurs ? (
        <p>
          {recurs}. {canStopRecurrence ? <StopRecurrenceButton assignment={a} /> : null}
        </p>
      ) : null}
      {a.previousId ? <p className="muted">Re-sends an earlier questionnaire of this supplier.</p> : null}
      {a.nextId ? <p className="muted">Already re-sent: a newer questionnaire follows this one.</p> : null}
    </section>
  );
}
