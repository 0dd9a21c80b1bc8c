import { useState } from 'react';
import { Link } from 'react-router';
import type { Policy } from '#shared/schemas/policy.js';
import type { PublishRequest } from '#shared/schemas/publish-requests.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Field } from '../../../components/ui/field.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDate } from '../../../lib/format.js';
import {
  useApprovePublication,
  useRejectPublication,
  useRequestPublication,
  useWithdrawPublication,
} from '../publish-requests-api.js';

export interface PublishRequestPanelProps {
  draft: Policy;
  /** The draft's pending request, if any. */
  pending: PublishRequest | undefined;
  canManage: boolean;
  userId: string;
  /** The "Request approval" form is open (from the page header). */
  requesting: boolean;
  onCloseRequest: () => void;
  onPublished: (jobId: string) => void;
}

/** Asking for approval: why this draft should be published, pinned at the revision on screen. */
function RequestForm({ draft, onClose }: { draft: Policy; onClose: () => void }) {
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useRequestPublication(draft.id);
  return (
    <section className="panel publish-request" aria-labelledby="publish-request-title">
      <h2 className="panel-title" id="publish-request-title">
        Request approval to publish
      </h2>
      <p className="muted">
        Another administrator approves or rejects it. Until then the draft cannot be edited (withdraw the
        request to edit it).
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!comment.trim()) return setMissing(true);
          send.mutate({ comment, revision: draft.revision }, { onSuccess: onClose });
        }}
      >
        <Field label="What changes and why" error={missing ? 'A comment is required' : undefined}>
          {(control) => (
            <textarea
              className="input textarea"
              rows={3}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                setMissing(false);
              }}
              {...control}
            />
          )}
        </Field>
        {send.isError ? <p className="field-error">{describeError(send.error)}</p> : null}
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={send.isPending}>
            Send the request
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}

/** Another admin's decision: approve (publishes now), or reject with a comment saying why. */
function DecisionForm({
  request,
  onPublished,
}: {
  request: PublishRequest;
  onPublished: (jobId: string) => void;
}) {
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const approve = useApprovePublication();
  const reject = useRejectPublication();
  const error = approve.error ?? reject.error;
  const busy = approve.isPending || reject.isPending;
  return (
    <div className="publish-decision">
      <Field
        label="Your comment"
        hint="Optional to approve, required to reject."
        error={missing ? 'Say why you reject it' : undefined}
      >
        {(control) => (
          <textarea
            className="input textarea"
            rows={2}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              setMissing(false);
            }}
            {...control}
          />
        )}
      </Field>
      {error ? <p className="field-error">{describeError(error)}</p> : null}
      <div className="button-row">
        <Button
          variant="primary"
          disabled={busy}
          onClick={() =>
            approve.mutate(
              { id: request.id, ...(comment.trim() ? { comment } : {}) },
              { onSuccess: ({ publish }) => onPublished(publish.job.id) },
            )
          }
        >
          Approve and publish
        </Button>
        <Button
          variant="danger"
          disabled={busy}
          onClick={() => (comment.trim() ? reject.mutate({ id: request.id, comment }) : setMissing(true))}
        >
          Reject
        </Button>
      </div>
    </div>
  );
}

/** The pending request: who asked, when, why, what it changes, and what this person may do about it. */
function PendingPanel({
  draft,
  request,
  canManage,
  userId,
  onPublished,
}: {
  draft: Policy;
  request: PublishRequest;
  canManage: boolean;
  userId: string;
  onPublished: (jobId: string) => void;
}) {
  const withdraw = useWithdrawPublication();
  const mine = request.requestedBy.id === userId;
  const stale = request.policyRevision !== draft.revision;
  return (
    <section
      className="panel publish-request publish-request-pending"
      aria-labelledby="publish-pending-title"
    >
      <h2 className="panel-title" id="publish-pending-title">
        Awaiting approval to publish
      </h2>
      <p>
        <strong>{request.requestedBy.name ?? 'A former member'}</strong> asked on{' '}
        {formatDate(request.createdAt)}:
      </p>
      <blockquote className="publish-request-comment">{request.comment}</blockquote>
      <p>
        <Link to={`/policies/${draft.id}/changes`}>See what this draft changes</Link> · The draft is frozen
        until the request is decided.
      </p>
      {stale ? (
        <Alert tone="warning" title="The draft changed after the request">
          Approving it will be refused: withdraw and ask again.
        </Alert>
      ) : null}
      {!canManage ? (
        <p className="muted">An administrator other than the requester approves or rejects it.</p>
      ) : mine ? (
        <>
          <p className="muted">Another administrator must approve or reject it.</p>
          {withdraw.isError ? <p className="field-error">{describeError(withdraw.error)}</p> : null}
          <Button disabled={withdraw.isPending} onClick={() => withdraw.mutate({ id: request.id })}>
            Withdraw the request
          </Button>
        </>
      ) : (
        <DecisionForm request={request} onPublished={onPublished} />
      )}
    </section>
  );
}

/** Four-eyes publishing on a draft's page: the pending request, or the form to ask for approval. */
export function PublishRequestPanel({
  draft,
  pending,
  canManage,
  userId,
  requesting,
  onCloseRequest,
  onPublished,
}: PublishRequestPanelProps) {
  if (pending) {
    return (
      <PendingPanel
        draft={draft}
        request={pending}
        canManage={canManage}
        userId={userId}
        onPublished={onPublished}
      />
    );
  }
  return requesting && canManage ? <RequestForm draft={draft} onClose={onCloseRequest} /> : null;
}
