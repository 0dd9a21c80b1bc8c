import { useId } from 'react';
import { TASK_STATUSES, TASK_SUPPLIER_FILTER_KEYS, type TasksQuery } from '#shared/schemas/tasks.js';
import { Button } from '../../../components/ui/button.js';
import { FilterSelect } from '../../../components/ui/filter-select.js';
import type { SearchChanges } from '../../../lib/use-search-state.js';
import { SEVERITY_OPTIONS, STATUS_LABELS } from '../labels.js';
import { SupplierPicker, useOwnerOptions } from './pickers.js';

/**
 * The board's filters, kept in the URL under the names of the API's query (TasksQuerySchema). The two weeks
 * come from a burn-down bar and have no widget: BoardWeekNote says them and removes them.
 */
export const BOARD_FILTER_KEYS = [
  'supplierId',
  'severity',
  'ownerId',
  'overdue',
  'status',
  'openedWeek',
  'closedWeek',
] as const;

export const hasBoardFilters = (query: TasksQuery): boolean =>
  BOARD_FILTER_KEYS.some((key) => query[key] !== undefined);

/** The board's filters and the dashboard's supplier filters as they are set in `query`: what each list asks for. */
export const boardFiltersOf = (query: TasksQuery) =>
  Object.fromEntries([...BOARD_FILTER_KEYS, ...TASK_SUPPLIER_FILTER_KEYS].map((k) => [k, query[k]]));

const STATUS_OPTIONS = TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

export function BoardFilters({
  query,
  onChange,
}: {
  query: TasksQuery;
  onChange: (changes: SearchChanges) => void;
}) {
  const id = useId();
  const owners = useOwnerOptions();
  const ownerOptions = [{ value: 'none', label: 'Unassigned' }, ...owners.options];
  // An owner in the URL who is not (or no longer) among the options still shows as chosen.
  if (query.ownerId && !ownerOptions.some((o) => o.value === query.ownerId))
    ownerOptions.push({ value: query.ownerId, label: owners.isPending ? 'Loading…' : 'Another member' });

  return (
    <search className="filters board-filters" aria-label="Filter tasks">
      <div className="filter">
        <label className="field-label" htmlFor={`${id}-supplier`}>
          Supplier
        </label>
        <SupplierPicker
          id={`${id}-supplier`}
          value={query.supplierId ?? null}
          onChange={(supplierId) => onChange({ supplierId: supplierId ?? undefined })}
          placeholder="Any supplier"
          clearLabel="Clear supplier filter"
        />
      </div>
      <FilterSelect
        id={`${id}-severity`}
        label="Severity"
        anyLabel="Any severity"
        value={query.severity ?? ''}
        options={SEVERITY_OPTIONS}
        onChange={(severity) => onChange({ severity })}
      />
      <FilterSelect
        id={`${id}-owner`}
        label="Owner"
        anyLabel="Anyone"
        value={query.ownerId ?? ''}
        options={ownerOptions}
        onChange={(ownerId) => onChange({ ownerId })}
      />
      <FilterSelect
        id={`${id}-status`}
        label="Columns"
        // Tasks closed in a week are all closed: the board shows that column only, and says so here.
        anyLabel={query.closedWeek ? 'Closed (closed that week)' : 'Every status'}
        value={query.status ?? ''}
        options={STATUS_OPTIONS}
        onChange={(status) => onChange({ status })}
      />
      <div className="filters-actions">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={query.overdue === 'true'}
            onChange={(event) => onChange({ overdue: event.target.checked ? 'true' : undefined })}
          />
          Overdue only
        </label>
        {hasBoardFilters(query) ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onChange(Object.fromEntries(BOARD_FILTER_KEYS.map((k) => [k, undefined])))}
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </search>
  );
}

/** The dashboard's filters a board was opened with, as words: "tier 1, CN, tag apparel, good cotton". */
export const supplierScopeOf = (query: TasksQuery): string =>
  [
    query.tier !== undefined ? `tier ${query.tier}` : undefined,
    query.country,
    query.tag !== undefined ? `tag ${query.tag}` : undefined,
    query.good !== undefined ? `good ${query.good}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');

/**
 * The supplier filters a board carries over from a filtered dashboard (it has no widgets for them): said out
 * loud, so the board's counts are not mistaken for the whole programme's, and removable.
 */
export function SupplierScopeNote({
  query,
  onChange,
}: {
  query: TasksQuery;
  onChange: (changes: SearchChanges) => void;
}) {
  const scope = supplierScopeOf(query);
  if (!scope) return null;
  return (
    <p className="board-scope">
      <span>
        Filtered to suppliers: <strong>{scope}</strong>
      </span>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => onChange(Object.fromEntries(TASK_SUPPLIER_FILTER_KEYS.map((k) => [k, undefined])))}
      >
        Remove supplier filter
      </Button>
    </p>
  );
}
