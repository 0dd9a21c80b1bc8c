import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { AssignmentPreview } from '#shared/schemas/assignment-review.js';
import type { Assignment, AssignmentAcceptedSchema } from '#shared/schemas/assignments.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { isApiError } from '../../../lib/api-client.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatScore } from '../../../lib/format.js';
import { RatingBadge } from '../../suppliers/components/rating-badge.js';
import { RATING_LABELS } from '../../suppliers/labels.js';
import { useAcceptAssignment, useReturnAssignment } from './review-api.js';
import { FindingList } from './score-preview.js';

export type Accepted = z.infer<typeof AssignmentAcceptedSchema>;

const STALE =
  'Someone else acted on this questionnaire while you were reviewing it (the supplier changed it, or another officer returned or accepted it). It has been reloaded: check it again before deciding.';

export interface ReviewDecisionProps {
  assignment: Assignment;
  comments: Readonly<Record<string, string>>;
  evidenceAccepted: ReadonlySet<string>;
  preview: AssignmentPreview | undefined;
  /** After a 409: the page reloads the questionnaire. */
  onStale: () => void;
  onReturned: () => void;
  onAccepted: (result: Accepted) => void;
}

/** Accept (with a confirmation saying what it will do) or return with comments; server errors shown here. */
export function ReviewDecision({
  assignment: a,
  comments,
  evidenceAccepted,
  preview,
  onStale,
  onReturned,
  onAccepted,
}: ReviewDecisionProps) {
  const accept = useAcceptAssignment(a.id, a.supplierId);
  const giveBack = useReturnAssignment(a.id, a.supplierId);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'warning' | 'success'; text: string } | null>(
    null,
  );

  const written = Object.fromEntries(
    Object.entries(comments)
      .map(([q, text]) => [q, text.trim()] as const)
      .filter(([, text]) => text.length > 0),
  );
  const commentCount = Object.keys(written).length;

  const failed = (error: unknown) => {
    // A stale revision carries the record as it is now; other 409s (a withdrawn link) explain themselves.
    if (isApiError(error) && error.status === 409 && error.current != null) {
      setMessage({ tone: 'warning', text: STALE });
      onStale();
    } else {
      setMessage({ tone: 'error', text: describeError(error) });
    }
  };

  const sendBack = () => {
    setMessage(null);
    if (commentCount === 0) {
      setMessage({
        tone: 'error',
        text: 'Write a comment on at least one question to return the questionnaire.',
      });
      return;
    }
    giveBack.mutate(
      { comments: written, revision: a.revision },
      {
        onSuccess: () => {
          setMessage({
            tone: 'success',
            text: 'Returned: the supplier can change the answers you commented on.',
          });
          onReturned();
        },
        onError: failed,
      },
    );
  };

  return (
    <section className="panel review-decision" aria-labelledby="decision-title">
      <h2 className="panel-title" id="decision-title">
        Your decision
      </h2>
      {message ? (
        <Alert tone={message.tone} onDismiss={() => setMessage(null)}>
          {message.text}
        </Alert>
      ) : null}
      <div className="review-decision-actions">
        <Button onClick={() => setConfirming(true)} disabled={!preview}>
          Accept answers…
        </Button>
        <Button variant="secondary" busy={giveBack.isPending} onClick={sendBack}>
          Return to the supplier
          {commentCount > 0 ? ` (${commentCount} comment${commentCount === 1 ? '' : 's'})` : ''}
        </Button>
      </div>
      <p className="muted">
        Returning needs a comment on at least one question; the supplier sees each comment beside its
        question.
      </p>
      {confirming && preview ? (
        <ConfirmDialog
          title="Accept these answers?"
          confirmLabel="Accept and score"
          tone="primary"
          busy={accept.isPending}
          error={accept.isError && !isApiError(accept.error) ? describeError(accept.error) : null}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            accept.mutate(
              { evidenceAccepted: [...evidenceAccepted].sort(), revision: a.revision },
              {
                onSuccess: (result) => {
                  setConfirming(false);
                  onAccepted(result);
                },
                onError: (error) => {
                  setConfirming(false);
                  failed(error);
                },
              },
            )
          }
        >
          <p>
            {a.supplierName} will be rated <strong>{RATING_LABELS[preview.after.rating]}</strong> (residual
            risk {formatScore(preview.after.residualScore)}), with the evidence of {evidenceAccepted.size}{' '}
            {evidenceAccepted.size === 1 ? 'answer' : 'answers'} accepted, and{' '}
            {preview.findings.length === 1 ? '1 finding opens' : `${preview.findings.length} findings open`}.
            The answers count in every assessment for the next 12 months. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** What accepting did: the assessment it made and the findings it opened, then on to the supplier. */
export function AcceptedSummary({ accepted }: { accepted: Accepted }) {
  const { assignment: a, assessment, findings } = accepted;
  return (
    <section className="panel review-decision" aria-labelledby="accepted-title">
      <h2 className="panel-title" id="accepted-title">
        Accepted
      </h2>
      <Alert tone="success">The answers are accepted and the supplier has been reassessed.</Alert>
      <div className="preview-rating">
        <RatingBadge rating={assessment.rating as never} size="lg" />
        <span>
          Residual risk {formatScore(assessment.residualScore)}, control effectiveness{' '}
          {formatScore(assessment.controlScore)}
        </span>
      </div>
      <h3 className="risk-section-title">Findings opened ({findings.length})</h3>
      <FindingList findings={findings} />
      <p>
        <Link to={`/suppliers/${encodeURIComponent(a.supplierId)}`}>
          See {a.supplierName}’s risk and findings
        </Link>
      </p>
    </section>
  );
}
