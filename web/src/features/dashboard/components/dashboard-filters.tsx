import { useId } from 'react';
import { DASHBOARD_FILTER_KEYS, type DashboardQuery } from '#shared/schemas/dashboard.js';
import { Button } from '../../../components/ui/button.js';
import { FilterSelect } from '../../../components/ui/filter-select.js';
import { CountryFilter, TextFilter } from '../../../components/ui/text-filter.js';
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.js';
import { useRemountOnClear } from '../../../lib/use-remount-on-clear.js';
import type { SearchChanges } from '../../../lib/use-search-state.js';
import { TIER_OPTIONS } from '../../suppliers/labels.js';

/** The filters every figure of the dashboard follows, kept in the URL (a view can be shared and reloaded). */
export function DashboardFilters({
  filters,
  onChange,
}: {
  filters: DashboardQuery;
  onChange: (changes: SearchChanges) => void;
}) {
  const id = useId();
  const debounced = {
    tag: useDebouncedCallback((value: string) => onChange({ tag: value.trim() })),
    good: useDebouncedCallback((value: string) => onChange({ good: value.trim() })),
  };
  const active = DASHBOARD_FILTER_KEYS.some((key) => filters[key] !== undefined);
  const [generation, remount] = useRemountOnClear(active);

  const textFilter = (
    key: 'tag' | 'good',
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
      value={filters[key]}
      onText={debounced[key]}
    />
  );

  return (
    <search className="filters dash-filters" aria-label="Filter the dashboard" key={generation}>
      {textFilter('tag', 'Business unit (tag)', 'Exact tag', 50, 'Suppliers carrying this tag.')}
      <CountryFilter
        id={`${id}-country`}
        value={filters.country}
        onChange={(country) => onChange({ country })}
      />
      <FilterSelect
        id={`${id}-tier`}
        label="Tier"
        value={filters.tier === undefined ? '' : String(filters.tier)}
        anyLabel="Any tier"
        options={TIER_OPTIONS}
        onChange={(value) => onChange({ tier: value })}
      />
      {textFilter('good', 'Good', 'e.g. cotton, palm', 100, 'Text in the goods, or the same ILAB good.')}
      {active ? (
        <div className="filters-actions">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              onChange(Object.fromEntries(DASHBOARD_FILTER_KEYS.map((key) => [key, undefined])));
              remount();
            }}
          >
            Clear filters
          </Button>
        </div>
      ) : null}
    </search>
  );
}
