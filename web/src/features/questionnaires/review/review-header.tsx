import type { Assignment, AssignmentStatus } from '#shared/schemas/assignments.js';
import { Badge, type BadgeTone } from '../../../components/ui/badge.js';
import { formatDate } from '../../../lib/format.js';

export const REVIEW_STATUS: Record<AssignmentStatus, { label: string; tone: BadgeTone }> = {
  sent: { label: 'Sent', tone: 'neutral' },
  in_progress: { label: 'In progress', tone: 'neutral' },
  submitted: { label: 'Submitted: awaiting review', tone: 'accent' },
  returned: { label: 'Returned to the supplier', tone: 'warning' },
  accepted: { label: 'Accepted', tone: 'success' },
};

const LINK_STATES = {
  live: 'Link works',
  expired: 'Link expired',
  revoked: 'Link withdrawn',
  not_issued: 'No link issued yet (no e-mail on file): re-issue the link and pass it on',
} as const;

/** Who, which questionnaire, where it stands and when things happened. */
export function ReviewFacts({ assignment: a }: { assignment: Assignment }) {
  return (
    <dl className="review-facts">
      <div>
        <dt>Status</dt>
        <dd>
          <Badge tone={REVIEW_STATUS[a.status].tone}>{REVIEW_STATUS[a.status].label}</Badge>
        </dd>
      </div>
      <div>
        <dt>Questionnaire</dt>
        <dd>
          {a.templateName}, version {a.templateVersion}
        </dd>
      </div>
      <div>
        <dt>Due</dt>
        <dd>
          {formatDate(a.dueDate)}
          {a.overdue ? <Badge tone="warning">Overdue</Badge> : null}
        </dd>
      </div>
      <div>
        <dt>Submitted</dt>
        <dd>{a.submittedAt ? formatDate(a.submittedAt) : '–'}</dd>
      </div>
      {a.acceptedAt ? (
        <div>
          <dt>Accepted</dt>
          <dd>
            {formatDate(a.acceptedAt)}
            {a.validUntil ? <span className="muted"> (counts until {formatDate(a.validUntil)})</span> : null}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Supplier’s link</dt>
        <dd>
          {LINK_STATES[a.link.state]}
          {a.link.recipient ? <span className="muted"> · sent to {a.link.recipient}</span> : null}
        </dd>
      </div>
    </dl>
  );
}
