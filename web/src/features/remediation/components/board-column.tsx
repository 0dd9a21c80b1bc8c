import { useState } from 'react';
import { canEditTask } from '#shared/domain/tasks/transitions.js';
import type { Task, TaskStatus, TasksQuery } from '#shared/schemas/tasks.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useTasks } from '../api.js';
import { actorOf, STATUS_LABELS } from '../labels.js';
import { boardFiltersOf } from './board-filters.js';
import { TaskCard } from './task-card.js';

/** A column shows a page of its status; "Show more" grows it, up to what one request may return. */
const PAGE = 50;
const MOST = 200;
/**
 * Finished work (verified closures, accepted risks) is the record, not the work to chase: on the whole board
 * its columns start short so the board stays about what is open, and "Show more" opens the rest.
 */
const DONE_PAGE = 6;

export interface BoardSelection {
  isSelected: (id: string) => boolean;
  onChange: (task: Task, on: boolean) => void;
}

/** One status's tasks under the board's filters: its own request, so each column pages alone. */
export function BoardColumn({
  status,
  query,
  selection,
  onMoved,
  focusId,
  onFocused,
  doneShort = true,
}: {
  status: TaskStatus;
  /** Start a finished-work column short; not when the board shows only it, or a burn-down week's tasks. */
  doneShort?: boolean;
  /** The task just moved, whose card takes the focus where it lands. */
  focusId: string | null;
  onFocused: () => void;
  query: TasksQuery;
  selection: BoardSelection;
  onMoved: (task: Task, to: TaskStatus) => void;
}) {
  const session = useCurrentSession();
  const actor = actorOf(session);
  const done = status === 'closed' || status === 'risk_accepted';
  const [limit, setLimit] = useState(done && doneShort ? DONE_PAGE : PAGE);
  const filters = boardFiltersOf(query);
  const tasks = useTasks({ ...filters, status, limit, offset: 0 });
  const headingId = `column-${status}`;
  const total = tasks.data?.total;

  return (
    <section className={`board-column board-column-${status}`} aria-labelledby={headingId}>
      <h2 className="board-column-title" id={headingId}>
        {STATUS_LABELS[status]}
        <span className="board-column-count">
          {total === undefined ? '' : ` ${total}`}
          <span className="visually-hidden">{total === 1 ? ' task' : ' tasks'}</span>
        </span>
      </h2>
      {tasks.isError ? (
        <p className="field-error">
          Could not be loaded: {describeError(tasks.error)}{' '}
          <Button size="sm" onClick={() => tasks.refetch()}>
            Try again
          </Button>
        </p>
      ) : !tasks.data ? (
        <p className="loading-text" role="status">
          Loading…
        </p>
      ) : tasks.data.items.length === 0 ? (
        <p className="board-empty muted">No tasks</p>
      ) : (
        <ul className="board-cards" aria-busy={tasks.isFetching || undefined}>
          {tasks.data.items.map((task) => (
            <li key={task.id}>
              <TaskCard
                task={task}
                selectable={canEditTask(task, actor)}
                selected={selection.isSelected(task.id)}
                onSelect={(on) => selection.onChange(task, on)}
                onMoved={onMoved}
                focused={task.id === focusId}
                onFocused={onFocused}
              />
            </li>
          ))}
        </ul>
      )}
      {tasks.data && tasks.data.total > tasks.data.items.length ? (
        limit < MOST ? (
          <Button
            size="sm"
            variant="ghost"
            busy={tasks.isFetching}
            onClick={() => setLimit((n) => Math.min(MOST, n + PAGE))}
          >
            Show more ({tasks.data.total - tasks.data.items.length} not shown)
          </Button>
        ) : (
          <p className="muted board-more">
            {tasks.data.total - tasks.data.items.length} more: narrow the filters to see them.
          </p>
        )
      ) : null}
    </section>
  );
}
