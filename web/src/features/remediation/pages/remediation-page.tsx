import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { type Task, type TaskStatus, TasksQuerySchema } from '#shared/schemas/tasks.js';
import { Alert } from '../../../components/ui/alert.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { canManageSuppliers } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { BoardColumn, type BoardSelection } from '../components/board-column.js';
import { BoardFilters, SupplierScopeNote } from '../components/board-filters.js';
import { BoardWeekNote } from '../components/board-week-note.js';
import { BulkBar } from '../components/bulk-bar.js';
import { BOARD_COLUMNS, STATUS_LABELS } from '../labels.js';
import '../remediation.css';

/**
 * The remediation board, `/remediation`: a column per status, filtered by supplier, severity, owner and
 * overdue (kept in the URL under the API's own names, so the dashboard's charts can link straight to a
 * filtered board). Tasks move by their buttons, which the shared transitions table chooses; ticked tasks
 * get an owner or a due date together.
 */
export function RemediationPage() {
  const session = useCurrentSession();
  // Officers and administrators work on tasks (the same people who manage suppliers); executives read.
  const canWork = canManageSuppliers(session.role);
  const [query, setQuery] = useSearchState(TasksQuerySchema);
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [notice, setNotice] = useState('');
  // A moved card leaves its column: the focus follows it, or a keyboard user would be left on nothing.
  const [movedId, setMovedId] = useState<string | null>(null);
  const onFocused = useCallback(() => setMovedId(null), []);

  const selection: BoardSelection = {
    isSelected: (id) => selected.has(id),
    onChange: (task, on) =>
      setSelected((current) => {
        const next = new Map(current);
        if (on) next.set(task.id, task.title);
        else next.delete(task.id);
        return next;
      }),
  };
  const onMoved = (task: Task, to: TaskStatus) => {
    setNotice(`“${task.title}” moved to ${STATUS_LABELS[to]}.`);
    setMovedId(task.id);
    // A task that left the active columns can no longer be edited in bulk.
    selection.onChange(task, false);
  };
  // A week's closures are all closed (verified): the other columns would only say "No tasks".
  const columns = query.status ? [query.status] : query.closedWeek ? (['closed'] as const) : BOARD_COLUMNS;

  return (
    <>
      <PageHeader
        title="Remediation"
        description="Corrective actions from findings, followed through to a verified close."
        actions={
          canWork ? (
            <Link className="btn btn-primary" to="/remediation/new">
              New task
            </Link>
          ) : null
        }
      />
      <BoardFilters query={query} onChange={(changes) => setQuery(changes)} />
      <BoardWeekNote query={query} onChange={(changes) => setQuery(changes)} />
      <SupplierScopeNote query={query} onChange={(changes) => setQuery(changes)} />
      {canWork ? (
        selected.size > 0 ? (
          <BulkBar
            ids={[...selected.keys()]}
            onDone={(message) => {
              setSelected(new Map());
              setNotice(message);
            }}
          />
        ) : (
          <p className="board-selection muted">
            Tick open tasks to give them an owner or a due date together.
          </p>
        )
      ) : null}
      <div aria-live="polite" className="board-notice">
        {notice ? (
          <Alert tone="success" onDismiss={() => setNotice('')}>
            {notice}
          </Alert>
        ) : null}
      </div>
      <div className={columns.length === 1 ? 'board board-single' : 'board'}>
        {columns.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            query={query}
            selection={selection}
            onMoved={onMoved}
            focusId={movedId}
            onFocused={onFocused}
            doneShort={columns.length > 1 && !query.openedWeek}
          />
        ))}
      </div>
    </>
  );
}
