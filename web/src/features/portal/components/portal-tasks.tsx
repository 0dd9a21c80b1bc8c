import { useId, useState } from 'react';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import { type PortalTask, TaskCommentCreateSchema } from '#shared/schemas/tasks.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { isApiError } from '../../../lib/api-client.js';
import { describeError } from '../../../lib/form-errors.js';
import { FileUploadStatus, useFileUpload } from '../../../lib/use-file-upload.js';
import { formatBytes, formatDay, formatMoment } from '../lib/portal-format.js';
import { type PortalTaskWords, portalTaskWords } from '../lib/portal-task-words.js';
import {
  usePortalTaskComment,
  usePortalTaskDone,
  usePortalTaskEvidence,
  usePortalTasks,
} from '../tasks-api.js';

const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.webp,.heic,.doc,.docx,.xls,.xlsx,.txt,.csv,application/pdf,image/*,text/plain,text/csv';

/**
 * The supplier's tasks through its link (most urgent first, as the server orders them): each with its
 * thread, a comment box, the files it attached and an upload, and "Mark done" while the task is open to it.
 * Nothing is shown when no task is shared with the supplier.
 */
export function PortalTasks({ token, locale }: { token: string; locale: Locale }) {
  const tasks = usePortalTasks(token);
  const w = portalTaskWords(locale);
  if (!tasks.data || tasks.data.items.length === 0) {
    // A link the server refuses (404, 410) is already explained by the questionnaire above it.
    const linkProblem = isApiError(tasks.error) && (tasks.error.status === 404 || tasks.error.status === 410);
    return tasks.isError && !linkProblem ? <Alert tone="warning">{describeError(tasks.error)}</Alert> : null;
  }
  const { organisation } = tasks.data;
  return (
    <section className="portal-tasks" aria-labelledby="portal-tasks-title">
      <h2 className="portal-section-title" id="portal-tasks-title">
        {w.title} ({tasks.data.items.length})
      </h2>
      <p className="portal-tasks-intro">{w.intro(organisation)}</p>
      <ol className="portal-task-list">
        {tasks.data.items.map((task) => (
          <li key={task.id}>
            <PortalTaskItem token={token} task={task} organisation={organisation} locale={locale} w={w} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function PortalTaskItem({
  token,
  task,
  organisation,
  locale,
  w,
}: {
  token: string;
  task: PortalTask;
  organisation: string;
  locale: Locale;
  w: PortalTaskWords;
}) {
  const id = useId();
  const done = usePortalTaskDone(token);
  // "Mark done" waits for a file still uploading: the task is checked with its evidence, not without it.
  const [uploading, setUploading] = useState(false);
  const open = task.status === 'open' || task.status === 'in_progress';
  return (
    <article
      className={task.overdue ? 'portal-task portal-task-overdue' : 'portal-task'}
      aria-labelledby={`${id}-t`}
    >
      <h3 className="portal-task-title" id={`${id}-t`}>
        {task.title}
      </h3>
      <p className="portal-task-meta">
        <span className={`portal-severity portal-severity-${task.severity}`}>
          {w.severity[task.severity]}
        </span>
        <span>{w.status[task.status]}</span>
        <span className={task.overdue ? 'portal-task-due-late' : undefined}>
          {w.due} {formatDay(task.dueDate, locale)}
          {task.overdue ? ` · ${w.overdue}` : ''}
        </span>
      </p>
      {task.description ? <p className="portal-task-description">{task.description}</p> : null}
      <PortalTaskThread token={token} task={task} open={open} locale={locale} w={w} />
      <PortalTaskFiles token={token} task={task} open={open} w={w} onBusy={setUploading} />
      {task.canMarkDone ? (
        <div className="portal-task-done">
          <Button
            variant="primary"
            busy={done.isPending}
            disabled={uploading}
            onClick={() => done.mutate(task.id)}
          >
            {w.markDone}
          </Button>
          <p className="portal-upload-hint">{w.markDoneHelp}</p>
        </div>
      ) : task.status === 'pending_verification' ? (
        <Alert tone="success">{w.waiting(organisation)}</Alert>
      ) : task.status === 'closed' ? (
        <p className="muted">{w.finished}</p>
      ) : null}
      {done.isError ? <Alert tone="error">{describeError(done.error)}</Alert> : null}
    </article>
  );
}

function PortalTaskThread({
  token,
  task,
  open,
  locale,
  w,
}: {
  token: string;
  task: PortalTask;
  open: boolean;
  locale: Locale;
  w: PortalTaskWords;
}) {
  const id = useId();
  const comment = usePortalTaskComment(token);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = () => {
    const parsed = TaskCommentCreateSchema.safeParse({ body: text });
    if (!parsed.success) {
      setProblem(w.writeSomething);
      return;
    }
    setProblem(null);
    comment.mutate({ id: task.id, body: parsed.data.body }, { onSuccess: () => setText('') });
  };
  const message = problem ?? (comment.isError ? describeError(comment.error) : null);
  return (
    <div className="portal-task-thread">
      <h4 className="portal-task-subtitle">{w.comments}</h4>
      {task.comments.length === 0 ? (
        <p className="muted">{w.noComments}</p>
      ) : (
        <ol className="portal-task-comments">
          {task.comments.map((c) => (
            <li key={c.id} className={`portal-task-comment portal-task-comment-${c.author}`}>
              <p className="portal-task-comment-meta">
                <strong>{c.author === 'supplier' ? w.you : c.authorLabel}</strong> ·{' '}
                {formatMoment(c.createdAt, locale)}
              </p>
              <p className="portal-task-comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {open || task.status === 'pending_verification' ? (
        <form
          className="portal-task-comment-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <label className="field-label" htmlFor={`${id}-c`}>
            {w.addComment}
          </label>
          <textarea
            id={`${id}-c`}
            className="input textarea"
            rows={3}
            maxLength={5000}
            value={text}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-e` : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          {message ? (
            <p className="field-error" id={`${id}-e`} role="alert">
              {message}
            </p>
          ) : null}
          <Button type="submit" busy={comment.isPending}>
            {w.send}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function PortalTaskFiles({
  token,
  task,
  open,
  w,
  onBusy,
}: {
  token: string;
  task: PortalTask;
  open: boolean;
  w: PortalTaskWords;
  onBusy: (busy: boolean) => void;
}) {
  const id = useId();
  const upload = usePortalTaskEvidence(token);
  const files = useFileUpload(
    (file, onProgress) => upload.mutateAsync({ id: task.id, file, onProgress }),
    w.notUploaded,
  );
  const { input, progress, error } = files;
  const send = async (file: File) => {
    onBusy(true);
    try {
      await files.send(file);
    } finally {
      onBusy(false);
    }
  };

  return (
    <div className="portal-task-files">
      <h4 className="portal-task-subtitle">{w.evidence}</h4>
      {task.evidence.length === 0 ? (
        <p className="muted">{w.noFiles}</p>
      ) : (
        <ul className="portal-files">
          {task.evidence.map((f) => (
            <li key={f.id} className="portal-file">
              <span className="portal-file-name">{f.fileName}</span>
              <span className="portal-file-size">{formatBytes(f.size)}</span>
            </li>
          ))}
        </ul>
      )}
      {open || task.status === 'pending_verification' ? (
        <div className="portal-upload">
          <label htmlFor={`${id}-f`} className="portal-upload-label">
            {w.addFile}
          </label>
          <input
            ref={input}
            id={`${id}-f`}
            className="file-input portal-upload-input"
            type="file"
            accept={ACCEPT}
            disabled={progress !== null}
            aria-describedby={`${id}-h ${id}-s`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
          <p className="portal-upload-hint" id={`${id}-h`}>
            {w.fileTypes}
          </p>
        </div>
      ) : null}
      <FileUploadStatus
        id={`${id}-s`}
        progress={progress}
        error={error}
        uploading={w.uploading}
        progressClass="portal-progress"
        errorClass="portal-upload-error"
      />
    </div>
  );
}
