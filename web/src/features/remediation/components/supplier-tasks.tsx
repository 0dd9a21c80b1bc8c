import { Link } from 'react-router';
import { isActiveTaskStatus, type Task } from '#shared/schemas/tasks.js';
import { Badge } from '../../../components/ui/badge.js';
import { describeError } from '../../../lib/form-errors.js';
import { useTasks } from '../api.js';
import { SEVERITY_LABELS, SEVERITY_TONES, STATUS_LABELS, STATUS_TONES } from '../labels.js';
import { formatDueDate } from './task-card.js';
import '../remediation.css';

/** At most this many on the supplier's page; the board, filtered to the supplier, has them all. */
const SHOWN = 100;

/** Work still to do first (overdue, then soonest due), then the closed and the accepted. */
const byUrgency = (a: Task, b: Task): number => {
  const active = Number(isActiveTaskStatus(b.status)) - Number(isActiveTaskStatus(a.status));
  if (active !== 0) return active;
  const overdue = Number(b.overdue) - Number(a.overdue);
  if (overdue !== 0) return overdue;
  return a.dueDate.localeCompare(b.dueDate);
};

/** A supplier's remediation tasks on its page, open ones first, each linking to its task page. */
export function SupplierTasks({ supplierId, canCreate }: { supplierId: string; canCreate: boolean }) {
  const tasks = useTasks({ supplierId, limit: SHOWN, offset: 0 });
  const items = [...(tasks.data?.items ?? [])].sort(byUrgency);
  const open = items.filter((t) => isActiveTaskStatus(t.status)).length;
  const boardLink = `/remediation?supplierId=${encodeURIComponent(supplierId)}`;
  return (
    <section className="panel" aria-labelledby="supplier-tasks-title">
      <h2 className="panel-title" id="supplier-tasks-title">
        Remediation tasks{tasks.data ? ` (${open} open of ${tasks.data.total})` : ''}
      </h2>
      {tasks.isError ? (
        <p className="muted">Tasks could not be loaded: {describeError(tasks.error)}</p>
      ) : !tasks.data ? (
        <p className="loading-text" role="status">
          Loading tasks…
        </p>
      ) : items.length === 0 ? (
        <p className="muted">None yet. Create one from an open finding, or by hand.</p>
      ) : (
        <ul className="supplier-task-list">
          {items.map((t) => (
            <li key={t.id} className="supplier-task">
              <Link to={`/remediation/${t.id}`}>{t.title}</Link>
              <Badge tone={STATUS_TONES[t.status]}>{STATUS_LABELS[t.status]}</Badge>
              <Badge tone={SEVERITY_TONES[t.severity]}>{SEVERITY_LABELS[t.severity]}</Badge>
              {t.overdue ? <Badge tone="danger">Overdue</Badge> : null}
              <span className="cell-sub muted">
                Due {formatDueDate(t.dueDate)} · {t.ownerName ?? 'Unassigned'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        {tasks.data && tasks.data.total > 0 ? (
          <Link className="btn btn-secondary btn-sm" to={boardLink}>
            Open on the board
          </Link>
        ) : null}
        {canCreate ? (
          <Link
            className="btn btn-secondary btn-sm"
            to={`/remediation/new?supplierId=${encodeURIComponent(supplierId)}`}
          >
            Create task
          </Link>
        ) : null}
      </div>
    </section>
  );
}
