import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { canAddEvidence, canComment, canEditTask } from '#shared/domain/tasks/transitions.js';
import type { TaskDetail } from '#shared/schemas/tasks.js';
import { Alert } from '../../../components/ui/alert.js';
import { Badge } from '../../../components/ui/badge.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { taskEvidenceUrl, useAddTaskComment, useTask, useUploadTaskEvidence } from '../api.js';
import { CriterionName } from '../components/criterion-name.js';
import { formatDueDate } from '../components/task-card.js';
import { TaskEditForm } from '../components/task-edit-form.js';
import { TaskEvidence } from '../components/task-evidence.js';
import { actorName, TaskThread } from '../components/task-thread.js';
import { TransitionButtons } from '../components/transition-buttons.js';
import { actorOf, SEVERITY_LABELS, SEVERITY_TONES, STATUS_LABELS, STATUS_TONES } from '../labels.js';
import '../remediation.css';

/** `/remediation/:id`: one task, its moves, its fields, its thread and its evidence. */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  const task = useTask(id);

  if (task.isError) {
    return (
      <>
        <PageHeader title="Task" />
        <Alert tone="error" title="The task could not be loaded">
          {describeError(task.error)} <Link to="/remediation">Back to the board</Link>
        </Alert>
      </>
    );
  }
  if (!task.data) {
    return (
      <p className="loading-text" role="status">
        Loading task…
      </p>
    );
  }
  return <TaskDetailView task={task.data} />;
}

function TaskDetailView({ task }: { task: TaskDetail }) {
  const session = useCurrentSession();
  const actor = actorOf(session);
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const comment = useAddTaskComment(task.id);
  const upload = useUploadTaskEvidence(task.id);
  const editable = canEditTask(task, actor);

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/remediation">Remediation</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{task.title}</span>
      </nav>
      <PageHeader
        title={task.title}
        description={
          <>
            <Link to={`/suppliers/${task.supplierId}`}>{task.supplierName}</Link> ·{' '}
            <Badge tone={STATUS_TONES[task.status]}>{STATUS_LABELS[task.status]}</Badge>{' '}
            <Badge tone={SEVERITY_TONES[task.severity]}>{SEVERITY_LABELS[task.severity]}</Badge>
            {task.overdue ? (
              <>
                {' '}
                <Badge tone="danger">Overdue</Badge>
              </>
            ) : null}
          </>
        }
      />
      <div aria-live="polite">
        {notice ? (
          <Alert tone="success" onDismiss={() => setNotice(null)}>
            {notice}
          </Alert>
        ) : null}
      </div>
      <section className="panel task-moves-panel" aria-labelledby="moves-title">
        <h2 className="panel-title" id="moves-title">
          Status: {STATUS_LABELS[task.status]}
        </h2>
        <TaskState task={task} />
        <TransitionButtons task={task} onMoved={(_, to) => setNotice(`Moved to ${STATUS_LABELS[to]}.`)} />
      </section>
      <div className="task-layout">
        <div className="task-main">
          <section className="panel" aria-labelledby="fields-title">
            <h2 className="panel-title" id="fields-title">
              Task
            </h2>
            {editable ? (
              <TaskEditForm key={task.id} task={task} onSaved={setNotice} />
            ) : (
              <TaskFacts task={task} />
            )}
          </section>
          <section className="panel">
            <TaskThread
              comments={task.comments}
              canAdd={canComment(task, actor)}
              busy={comment.isPending}
              error={comment.error}
              hint={
                task.supplierVisible
                  ? 'Shared with the supplier: it reads every comment here, signed with your organisation’s name.'
                  : undefined
              }
              onAdd={(body, done) => comment.mutate(body, { onSuccess: done })}
            />
          </section>
        </div>
        <div className="task-side">
          <section className="panel">
            <TaskEvidence
              files={task.evidence}
              canAdd={canAddEvidence(task, actor)}
              downloadUrl={(f) => taskEvidenceUrl(task.id, f.id)}
              upload={(file, onProgress) => upload.mutateAsync({ file, onProgress })}
            />
          </section>
          <section className="panel" aria-labelledby="about-title">
            <h2 className="panel-title" id="about-title">
              About
            </h2>
            <dl className="details details-compact">
              <dt>Criterion</dt>
              <dd>
                {task.criterion ? (
                  <CriterionName criterionKey={task.criterion} />
                ) : (
                  <span className="muted">None (made by hand)</span>
                )}
              </dd>
              <dt>Created</dt>
              <dd>
                {formatDateTime(task.createdAt)} by {actorName(task.createdBy)}
              </dd>
              <dt>Last changed</dt>
              <dd>{formatDateTime(task.updatedAt)}</dd>
            </dl>
          </section>
        </div>
      </div>
    </>
  );
}

/** Who marked it done, who verified it, or why and until when its risk is accepted. */
function TaskState({ task }: { task: TaskDetail }) {
  const lines: string[] = [];
  if (task.status === 'pending_verification' && task.submittedForVerification)
    lines.push(
      `Marked done by ${actorName(task.submittedForVerification.by)} on ${formatDateTime(task.submittedForVerification.at)}: someone else verifies and closes it.`,
    );
  if (task.status === 'closed' && task.closed)
    lines.push(`Verified and closed by ${actorName(task.closed.by)} on ${formatDateTime(task.closed.at)}.`);
  return (
    <>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {task.status === 'risk_accepted' && task.riskAcceptance ? (
        <div className="risk-acceptance">
          <p>
            Accepted by {actorName(task.riskAcceptance.acceptedBy)} on{' '}
            {formatDateTime(task.riskAcceptance.acceptedAt)}, until {formatDueDate(task.riskAcceptance.until)}
            : the task reopens by itself the day after.
          </p>
          <blockquote className="risk-justification">{task.riskAcceptance.justification}</blockquote>
        </div>
      ) : null}
    </>
  );
}

/** The fields, read-only: for executives, and for a closed or accepted task (reopen it to edit). */
function TaskFacts({ task }: { task: TaskDetail }) {
  return (
    <dl className="details">
      <dt>Description</dt>
      <dd className="task-description">{task.description || <span className="muted">None</span>}</dd>
      <dt>Owner</dt>
      <dd>{task.ownerName ?? <span className="muted">Unassigned</span>}</dd>
      <dt>Due</dt>
      <dd>{formatDueDate(task.dueDate)}</dd>
      <dt>Supplier sees it</dt>
      <dd>{task.supplierVisible ? 'Yes, through its portal link' : 'No'}</dd>
    </dl>
  );
}
