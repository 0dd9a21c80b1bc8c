import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Task, TaskStatus } from '#shared/schemas/tasks.js';
import { Badge } from '../../../components/ui/badge.js';
import { formatDate } from '../../../lib/format.js';
import { SEVERITY_LABELS, SEVERITY_TONES } from '../labels.js';
import { TransitionButtons } from './transition-buttons.js';

/** A due date is a day (YYYY-MM-DD): shown as one, without a time zone moving it. */
export const formatDueDate = (day: string): string => formatDate(`${day}T12:00:00Z`);

/** One task on the board: what it is, for whom, how bad, whose, by when; and the moves it can make. */
export function TaskCard({
  task,
  selectable,
  selected,
  onSelect,
  onMoved,
  focused = false,
  onFocused,
}: {
  task: Task;
  /** Take the focus (its title link): the card a keyboard user just moved here from another column. */
  focused?: boolean;
  onFocused?: () => void;
  /** Whether it may be ticked for bulk actions (staff, while the work is not done). */
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onMoved: (task: Task, to: TaskStatus) => void;
}) {
  const titleId = `task-${task.id}-title`;
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!focused) return;
    link.current?.focus();
    onFocused?.();
  }, [focused, onFocused]);
  return (
    <article
      className={['task-card', task.overdue ? 'task-card-overdue' : '', selected ? 'task-card-selected' : '']
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={titleId}
    >
      <div className="task-card-head">
        {selectable ? (
          <input
            type="checkbox"
            className="task-card-check"
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
            aria-label={`Select ${task.title}`}
          />
        ) : null}
        <h3 className="task-card-title" id={titleId}>
          <Link ref={link} to={`/remediation/${task.id}`}>
            {task.title}
          </Link>
        </h3>
      </div>
      <p className="task-card-supplier">{task.supplierName}</p>
      <div className="task-card-meta">
        <Badge tone={SEVERITY_TONES[task.severity]}>{SEVERITY_LABELS[task.severity]}</Badge>
        {task.overdue ? <Badge tone="danger">Overdue</Badge> : null}
        {task.supplierVisible ? <Badge tone="accent">Shared with supplier</Badge> : null}
      </div>
      <dl className="task-card-facts">
        <div>
          <dt>Owner</dt>
          <dd>{task.ownerName ?? <span className="muted">Unassigned</span>}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd className={task.overdue ? 'task-overdue-text' : undefined}>{formatDueDate(task.dueDate)}</dd>
        </div>
      </dl>
      <TransitionButtons task={task} size="sm" context={`“${task.title}”`} onMoved={onMoved} />
    </article>
  );
}
