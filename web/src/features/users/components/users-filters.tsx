import { useId } from 'react';
import type { UsersQuery } from '#shared/schemas/users.js';
import { ROLE_OPTIONS } from '../../../lib/role-options.js';
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.js';
import type { SearchChanges } from '../../../lib/use-search-state.js';

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
      <div className="filter">
        <label className="field-label" htmlFor={`${id}-role`}>
          Role
        </label>
        <select
          id={`${id}-role`}
          className="input select"
          value={query.role ?? ''}
          onChange={(event) => onChange({ role: event.target.value, offset: undefined })}
        >
          <option value="">All roles</option>
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label className="field-label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select
          id={`${id}-status`}
          className="input select"
          value={query.status ?? ''}
          onChange={(event) => onChange({ status: event.target.value, offset: undefined })}
        >
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </select>
      </div>
    </search>
  );
}
