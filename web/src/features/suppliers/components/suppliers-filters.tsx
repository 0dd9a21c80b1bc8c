import { useId } from 'react';
import { SUPPLIER_FILTER_KEYS, type SuppliersQuery } from '#shared/schemas/suppliers.js';
import { Button } from '../../../components/ui/button.js';
import { type FilterOption, FilterSelect } from '../../../components/ui/filter-select.js';
import { CountryFilter, TextFilter } from '../../../components/ui/text-filter.js';
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.js';
import { useRemountOnClear } from '../../../lib/use-remount-on-clear.js';
import type { SearchChanges } from '../../../lib/use-search-state.js';
import { CHAIN_RATING_OPTIONS, RATING_OPTIONS, STATUS_OPTIONS, TIER_OPTIONS } from '../labels.js';

export interface SuppliersFiltersProps {
  query: SuppliersQuery;
  onChange: (changes: SearchChanges) => void;
}

/** Every filter key the list understands (the contract's filter schema); "Clear filters" removes them all. */
export const FILTER_KEYS = SUPPLIER_FILTER_KEYS;

export const hasActiveFilters = (query: SuppliersQuery): boolean =>
  FILTER_KEYS.some((key) => (key === 'archived' ? query.archived === 'true' : query[key] !== undefined));

const REGISTER_OPTIONS: readonly FilterOption[] = [
  { value: 'false', label: 'Current suppliers' },
  { value: 'true', label: 'Archived suppliers' },
];

/** Search and filters; every change starts again from the first page. */
export function SuppliersFilters({ query, onChange }: SuppliersFiltersProps) {
  const id = useId();
  const [generation, remount] = useRemountOnClear(hasActiveFilters(query));
  const apply = (changes: SearchChanges) => onChange({ ...changes, offset: undefined });
  // One timer per box, so typing in one does not swallow a pending change of another.
  const debounced = {
    q: useDebouncedCallback((value: string) => apply({ q: value.trim() })),
    good: useDebouncedCallback((value: string) => apply({ good: value.trim() })),
    tag: useDebouncedCallback((value: string) => apply({ tag: value.trim() })),
    assessedBeforeMonths: useDebouncedCallback((value: string) => apply({ assessedBeforeMonths: value })),
    minChainRisk: useDebouncedCallback((value: string) => apply({ minChainRisk: value })),
  };

  const clear = () => {
    apply(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])));
    remount();
  };

  const textFilter = (
    key: 'q' | 'good' | 'tag',
    label: string,
    placeholder: string,
    max: number,
    hint?: string,
  ) => (
    <TextFilter
      id={`${id}-${key}`}
      label={label}
      placeholder={placeholder}
      max={max}
      hint={hint}
      value={query[key]}
      onText={debounced[key]}
    />
  );

  const selectFilter = (
    key: 'tier' | 'rating' | 'status' | 'chainRating',
    label: string,
    anyLabel: string,
    options: readonly FilterOption[],
  ) => (
    <FilterSelect
      id={`${id}-${key}`}
      label={label}
      value={query[key] === undefined ? '' : String(query[key])}
      anyLabel={anyLabel}
      options={options}
      onChange={(value) => apply({ [key]: value })}
    />
  );

  return (
    <search className="filters filters-suppliers" aria-label="Filter suppliers" key={generation}>
      {textFilter('q', 'Search', 'Name, legal name or reference', 200)}
      <CountryFilter id={`${id}-country`} value={query.country} onChange={(country) => apply({ country })} />
      {textFilter(
        'good',
        'Good',
        'e.g. cotton, palm',
        100,
        'Text in the goods, or the same ILAB good: “palm” finds “crude palm oil”.',
      )}
      {selectFilter('tier', 'Tier', 'Any tier', TIER_OPTIONS)}
      {selectFilter('rating', 'Rating', 'Any rating', [
        ...RATING_OPTIONS,
        { value: 'none', label: 'Not assessed' },
      ])}
      {selectFilter('chainRating', 'Chain risk', 'Any chain risk', CHAIN_RATING_OPTIONS)}
      <div className="filter">
        <label className="field-label" htmlFor={`${id}-min-chain`}>
          Chain risk score at least
        </label>
        <input
          id={`${id}-min-chain`}
          className="input"
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          placeholder="e.g. 60"
          defaultValue={query.minChainRisk ?? ''}
          onChange={(event) => {
            const text = event.target.value.trim();
            const score = Number(text);
            const valid = text !== '' && Number.isFinite(score) && score >= 0 && score <= 100;
            debounced.minChainRisk(valid ? String(score) : '');
          }}
        />
      </div>
      {selectFilter('status', 'Status', 'Any status', STATUS_OPTIONS)}
      {textFilter('tag', 'Tag', 'Exact tag', 50)}
      <div className="filter">
        <label className="field-label" htmlFor={`${id}-stale`}>
          Assessed over … months ago
        </label>
        <input
          id={`${id}-stale`}
          className="input"
          type="number"
          inputMode="numeric"
          min={1}
          max={240}
          placeholder="e.g. 12"
          defaultValue={query.assessedBeforeMonths ?? ''}
          onChange={(event) => {
            const months = Number(event.target.value);
            const valid = Number.isInteger(months) && months >= 1 && months <= 240;
            debounced.assessedBeforeMonths(valid ? String(months) : '');
          }}
        />
      </div>
      <FilterSelect
        id={`${id}-archived`}
        label="Register"
        value={query.archived}
        options={REGISTER_OPTIONS}
        onChange={(value) => apply({ archived: value === 'true' ? 'true' : undefined })}
      />
      <div className="filters-actions filters-actions-wide">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={query.unassessed === 'true'}
            onChange={(event) => apply({ unassessed: event.target.checked ? 'true' : undefined })}
          />
          Never assessed only
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={query.redFlags === 'open'}
            onChange={(event) => apply({ redFlags: event.target.checked ? 'open' : undefined })}
          />
          With an open red flag
        </label>
        {hasActiveFilters(query) ? (
          <Button size="sm" variant="ghost" onClick={clear}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </search>
  );
}
