import { useId } from 'react';
import type { AssignmentsQuery } from '#shared/schemas/assignments.js';
import { Button } from '../../../../components/ui/button.js';
import { type FilterOption, FilterSelect } from '../../../../components/ui/filter-select.js';
import type { SearchChanges } from '../../../../lib/use-search-state.js';
import { useTemplates } from '../../api.js';
import { templateLabel } from '../send/send-defaults.js';
import { ASSIGNMENT_STATUS_OPTIONS } from './assignment-status.js';
import { SupplierFilterPicker } from './supplier-filter-picker.js';

export const ASSIGNMENT_FILTER_KEYS = ['status', 'overdue', 'templateId', 'supplierId'] as const;

export const hasAssignmentFilters = (query: AssignmentsQuery): boolean =>
  ASSIGNMENT_FILTER_KEYS.some((key) => query[key] !== undefined);

/** Filters of the questionnaires sent; each change starts again from the first page (and lives in the URL). */
export function AssignmentsFilters({
  query,
  onChange,
}: {
  query: AssignmentsQuery;
  onChange: (changes: SearchChanges) => void;
}) {
  const id = useId();
  const templates = useTemplates();
  // Drafts were never sent; published and retired versions both may have been.
  const sent = (templates.data ?? []).filter((t) => t.status !== 'draft');
  const apply = (changes: SearchChanges) => onChange({ ...changes, offset: undefined });

  const select = (
    key: 'status' | 'overdue' | 'templateId',
    label: string,
    anyLabel: string,
    options: readonly FilterOption[],
  ) => (
    <FilterSelect
      id={`${id}-${key}`}
      label={label}
      value={query[key] ?? ''}
      anyLabel={anyLabel}
      options={options}
      onChange={(value) => apply({ [key]: value })}
    />
  );

  return (
    <search className="filters filters-assignments" aria-label="Filter questionnaires">
      {select('status', 'Status', 'Any status', ASSIGNMENT_STATUS_OPTIONS)}
      {select('overdue', 'Due date', 'Any due date', [
        { value: 'true', label: 'Overdue' },
        { value: 'false', label: 'Not overdue' },
      ])}
      {select(
        'templateId',
        'Questionnaire',
        'Any questionnaire',
        sent.map((t) => ({ value: t.id, label: templateLabel(t) })),
      )}
      <div className="filter">
        <label className="field-label" htmlFor={`${id}-supplier`}>
          Supplier
        </label>
        <SupplierFilterPicker
          id={`${id}-supplier`}
          value={query.supplierId ?? null}
          onChange={(supplierId) => apply({ supplierId: supplierId ?? undefined })}
        />
      </div>
      {hasAssignmentFilters(query) ? (
        <div className="filters-actions">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => apply(Object.fromEntries(ASSIGNMENT_FILTER_KEYS.map((k) => [k, undefined])))}
          >
            Clear filters
          </Button>
        </div>
      ) : null}
    </search>
  );
}
