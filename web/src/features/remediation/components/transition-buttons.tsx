import { useState } from 'react';
import {
  allowedTransitions,
  checkTransition,
  type TaskNeed,
  taskStateOf,
} from '#shared/domain/tasks/transitions.js';
import { type Task, type TaskStatus, todayUtc } from '#shared/schemas/tasks.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { Field } from '../../../components/ui/field.js';
import { isApiError } from '../../../lib/api-client.js';
import { describeError } from '../../../lib/form-errors.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useTransitionTask } from '../api.js';
import { actorOf, STATUS_LABELS } from '../labels.js';

interface Move {
  to: TaskStatus;
  label: string;
  needs: TaskNeed[];
}

type Fields = { comment: string; justification: string; riskAcceptedUntil: string };
const EMPTY: Fields = { comment: '', justification: '', riskAcceptedUntil: '' };

/** The server's words for a failed move: a stale task (409) says so plainly, as the board then reloads it. */
const moveError = (error: unknown): string =>
  isApiError(error) && error.code === 'conflict'
    ? 'Someone changed this task meanwhile. It has been reloaded: check it and try again.'
    : describeError(error);

/**
 * The moves the signed-in person may make on a task now, as buttons: the shared transitions table decides
 * which (so every button shown will work). A move that needs a reason, or a justification and an end day
 * (accepting the risk), asks for them in a dialog first.
 */
export function TransitionButtons({
  task,
  size = 'md',
  context,
  onMoved,
}: {
  task: Task;
  /** Told after a move succeeded (e.g. to announce it: the card has left its column). */
  onMoved?: (task: Task, to: TaskStatus) => void;
  size?: 'sm' | 'md';
  /** Said after each button's label to screen readers, when several tasks' buttons share a page. */
  context?: string;
}) {
  const session = useCurrentSession();
  const actor = actorOf(session);
  const today = todayUtc();
  const moves = allowedTransitions(taskStateOf(task), actor, today);
  const transition = useTransitionTask();
  const [asking, setAsking] = useState<Move | null>(null);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Fields>>({});

  if (moves.length === 0) return null;

  // mutateAsync, not mutate's callbacks: on the board the card leaves its column once the lists refetch, and
  // callbacks given to mutate() are dropped when their component unmounts; the board must still hear of it.
  const send = async (move: Move, input: Partial<Fields>) => {
    try {
      await transition.mutateAsync({
        id: task.id,
        move: {
          to: move.to,
          revision: task.revision,
          ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
          ...(input.justification?.trim() ? { justification: input.justification.trim() } : {}),
          ...(input.riskAcceptedUntil ? { riskAcceptedUntil: input.riskAcceptedUntil } : {}),
        },
      });
    } catch (error) {
      if (!isApiError(error)) return;
      const placed: Partial<Fields> = {};
      for (const issue of error.issues) {
        const name = issue.path.replace(/^\/?(body[./])?/, '') as keyof Fields;
        if (name in EMPTY) placed[name] = issue.message;
      }
      setErrors(placed);
      return;
    }
    setAsking(null);
    setFields(EMPTY);
    onMoved?.(task, move.to);
  };

  const start = (move: Move) => {
    transition.reset();
    setErrors({});
    if (move.needs.length === 0) void send(move, {});
    else {
      setFields(EMPTY);
      setAsking(move);
    }
  };

  const confirm = () => {
    if (!asking) return;
    // The same table the server checks: a missing reason is shown at its field before anything is sent.
    const check = checkTransition(taskStateOf(task), actor, asking.to, fields, today);
    if (!check.ok && check.field) {
      setErrors({ [check.field]: check.message });
      return;
    }
    setErrors({});
    void send(asking, fields);
  };

  const set = (name: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  return (
    <>
      <div className="button-row task-moves">
        {moves.map((move) => (
          <Button
            key={move.to}
            size={size}
            variant={move.to === 'risk_accepted' ? 'ghost' : 'secondary'}
            busy={transition.isPending && transition.variables?.move.to === move.to && !asking}
            disabled={transition.isPending}
            onClick={() => start(move)}
          >
            {move.label}
            {context ? (
              <>
                {' '}
                <span className="visually-hidden">{context}</span>
              </>
            ) : null}
          </Button>
        ))}
      </div>
      {transition.isError && !asking ? (
        <Alert tone="error" onDismiss={() => transition.reset()}>
          {moveError(transition.error)}
        </Alert>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`${asking.label}: ${task.title}`}
          confirmLabel={asking.label}
          tone="primary"
          busy={transition.isPending}
          error={transition.isError && Object.keys(errors).length === 0 ? moveError(transition.error) : null}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        >
          <p>
            {STATUS_LABELS[task.status]} → {STATUS_LABELS[asking.to]}.
            {asking.to === 'risk_accepted'
              ? ' The task counts as accepted, not fixed, and reopens by itself the day after the end day.'
              : ''}
          </p>
          {asking.needs.includes('comment') ? (
            <TextArea
              label="Reason"
              hint="Added to the task's thread."
              error={errors.comment}
              value={fields.comment}
              onChange={set('comment')}
            />
          ) : null}
          {asking.needs.includes('justification') ? (
            <TextArea
              label="Justification"
              hint="Why the risk is accepted rather than fixed. Kept in the audit trail."
              error={errors.justification}
              value={fields.justification}
              onChange={set('justification')}
            />
          ) : null}
          {asking.needs.includes('expiry') ? (
            <Field
              label="Accepted until"
              hint="The last day the acceptance holds; the day after, the task reopens. At most three years."
              error={errors.riskAcceptedUntil}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="date"
                  min={today}
                  value={fields.riskAcceptedUntil}
                  onChange={(e) => set('riskAcceptedUntil')(e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function TextArea(props: {
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <textarea
          {...control}
          className="input textarea"
          rows={3}
          maxLength={5000}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
