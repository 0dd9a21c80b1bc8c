import type { Assignment, AssignmentStatus } from '#shared/schemas/assignments.js';
import { Badge, type BadgeTone } from '../../../../components/ui/badge.js';
import { formatDate } from '../../../../lib/format.js';

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  sent: 'Sent',
  in_progress: 'In progress',
  submitted: 'Submitted',
  returned: 'Returned',
  accepted: 'Accepted',
};

/** Submitted is the officer's turn (accent); returned waits on the supplier again (warning). */
const TONES: Record<AssignmentStatus, BadgeTone> = {
  sent: 'neutral',
  in_progress: 'neutral',
  submitted: 'accent',
  returned: 'warning',
  accepted: 'success',
};

export const ASSIGNMENT_STATUS_OPTIONS = (Object.keys(ASSIGNMENT_STATUS_LABELS) as AssignmentStatus[]).map(
  (value) => ({ value, label: ASSIGNMENT_STATUS_LABELS[value] }),
);

/** The status badge, how far the supplier got while it is theirs to answer, and an overdue badge. */
export function AssignmentStatusCell({ assignment: a }: { assignment: Assignment }) {
  const answering = a.status === 'in_progress' || a.status === 'returned';
  return (
    <span className="asg-status">
      <Badge tone={TONES[a.status]}>{ASSIGNMENT_STATUS_LABELS[a.status]}</Badge>
      {a.overdue ? <Badge tone="danger">Overdue</Badge> : null}
      {answering ? (
        <span className="cell-sub muted">
          {a.progress.percent}% answered
          <span className="visually-hidden">
            {' '}
            ({a.progress.answered} of {a.progress.required} required questions)
          </span>
        </span>
      ) : null}
      {a.status === 'accepted' && a.validUntil ? (
        <span className="cell-sub muted">scored until {formatDate(a.validUntil)}</span>
      ) : null}
    </span>
  );
}

const LINK_LABELS = {
  live: 'Live',
  expired: 'Expired',
  revoked: 'Revoked',
  not_issued: 'Not issued',
} as const;

const whereItWent = (link: Assignment['link']) =>
  link.state === 'not_issued'
    ? 'No e-mail on file: issue a link and pass it on'
    : link.recipient
      ? `E-mailed to ${link.recipient}`
      : 'Handed over, not e-mailed';

/** The link's state and where it went; never the link itself. */
export function LinkStateCell({ link }: { link: Assignment['link'] }) {
  return (
    <span className="asg-link">
      <span className={link.state === 'live' ? 'cell-nowrap' : 'cell-nowrap asg-link-dead'}>
        {LINK_LABELS[link.state]}
        {link.state === 'live' && link.expiresAt ? (
          <span className="muted"> until {formatDate(link.expiresAt)}</span>
        ) : null}
      </span>
      <span className="cell-sub muted">{whereItWent(link)}</span>
    </span>
  );
}
