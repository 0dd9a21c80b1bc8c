import { useId } from 'react';
import type { UsersQuery } from '#shared/schemas/users.js';
import { type FilterOption, FilterSelect } from '../../../components/ui/filter-select.js';
import { ROLE_OPTIONS } from '../../../lib/role-options.js';
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.js';
import type { SearchChanges } from '../../../lib/use-search-state.js';

const USER_STATUS_OPTIONS: readonly FilterOption[] = [
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
];

export interface UsersFiltersProps {
  query: UsersQuery;
  onChange: (changes: SearchChanges) => void;
}

/** Search and filters; every change starts again from the first page. */
export function UsersFilters({ query, onChange }: UsersFiltersProps) {
  const id = useId();
  const search = useDebouncedCallback((q: string) => onChange({ q: q.trim(), offset: undefined }));
  return (
    <search className="filters" aria-label="Filter users">
      <div className="filter">
        <label className="field-label" htmlFor={`${id}-q`}>
          Search
        </label>
        <input
          id={`${id}-q`}
          className="input"
          type="search"
          placeholder="Name or email"
          maxLength={200}
          defaultValue={query.q ?? ''}
          onChange={(event) => search(event.target.value)}
        />
      </div>
      <FilterSelect
        id={`${id}-role`}
        label="Role"
        value={query.role ?? ''}
        anyLabel="All roles"
        options={ROLE_OPTIONS}
        onChange={(role) => onChange({ role, offset: undefined })}
      />
      <FilterSelect
        id={`${id}-status`}
        label="Status"
        value={query.status ?? ''}
        anyLabel="Any status"
        options={USER_STATUS_OPTIONS}
        onChange={(status) => onChange({ status, offset: undefined })}
      />
    </search>
  );
}
