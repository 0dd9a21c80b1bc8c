import { useId, useState } from 'react';
import { type TaskActorRef, type TaskComment, TaskCommentCreateSchema } from '#shared/schemas/tasks.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDateTime } from '../../../lib/format.js';

/** Who wrote or did something, in words: a person's name, the supplier, an API key, the platform. */
export const actorName = (actor: TaskActorRef | null): string => {
  if (!actor) return 'Unknown';
  if (actor.type === 'system') return 'Clearsource (automatic)';
  // The server names it already ("Dhaka Knitwear Ltd (supplier)", tasks.mapping.ts).
  if (actor.type === 'supplier_link') return actor.label ?? 'The supplier';
  if (actor.type === 'api_key') return actor.label ? `API key “${actor.label}”` : 'An API key';
  return actor.label ?? 'A former member';
};

/**
 * A task's thread, oldest first, and a box to add to it. Shared by the dashboard and the portal: `onAdd`
 * is the caller's (a different endpoint each), and the shared comment schema checks the text first.
 */
export function TaskThread({
  comments,
  canAdd,
  onAdd,
  busy,
  error,
  hint,
  labels = { title: 'Comments', empty: 'No comments yet.', box: 'Add a comment', send: 'Post comment' },
}: {
  comments: readonly TaskComment[];
  canAdd: boolean;
  onAdd: (body: string, done: () => void) => void;
  busy: boolean;
  error: unknown;
  /** Said under the box before anyone writes (e.g. that the supplier reads the thread). */
  hint?: string | undefined;
  labels?: { title: string; empty: string; box: string; send: string };
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = () => {
    const parsed = TaskCommentCreateSchema.safeParse({ body: text });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Write a comment');
      return;
    }
    setProblem(null);
    onAdd(parsed.data.body, () => setText(''));
  };
  const message = problem ?? (error ? describeError(error) : null);
  return (
    <section className="task-thread" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        {labels.title} ({comments.length})
      </h2>
      {comments.length === 0 ? (
        <p className="muted">{labels.empty}</p>
      ) : (
        <ol className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className={`comment comment-${c.author.type}`}>
              <p className="comment-meta">
                <strong>{actorName(c.author)}</strong> ·{' '}
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              </p>
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canAdd ? (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
          noValidate
        >
          <label className="field-label" htmlFor={`${id}-box`}>
            {labels.box}
          </label>
          <textarea
            id={`${id}-box`}
            className="input textarea"
            rows={3}
            maxLength={5000}
            value={text}
            aria-invalid={message ? true : undefined}
            aria-describedby={
              [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
            }
            onChange={(e) => setText(e.target.value)}
          />
          {hint ? (
            <p className="field-hint" id={`${id}-hint`}>
              {hint}
            </p>
          ) : null}
          {message ? (
            <p className="field-error" id={`${id}-error`} role="alert">
              {message}
            </p>
          ) : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" size="sm" busy={busy}>
              {labels.send}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
