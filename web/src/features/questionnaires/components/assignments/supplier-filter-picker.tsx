import { useState } from 'react';
import { countryName } from '#shared/countries.js';
import { Combobox } from '../../../../components/ui/combobox.js';
import { useDebouncedCallback } from '../../../../lib/use-debounced-callback.js';
import { useSupplier, useSupplierSearch } from '../../../suppliers/api.js';

/** Narrows a list to one supplier, found by name or reference as the person types. */
export function SupplierFilterPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const searchSoon = useDebouncedCallback(setSearch, 200);
  const results = useSupplierSearch(search);
  // A supplier chosen earlier (the URL) is named from its record, not from a search that may not hold it.
  const selected = useSupplier(value);
  return (
    <Combobox
      id={id}
      value={value}
      onChange={onChange}
      onSearch={searchSoon}
      selectedLabel={selected.data?.name ?? (value && selected.isPending ? 'Loading…' : undefined)}
      options={(results.data?.items ?? []).map((s) => ({
        value: s.id,
        label: s.name,
        hint: countryName(s.country) ?? s.country,
      }))}
      placeholder="Any supplier"
      emptyText={results.isFetching ? 'Searching…' : 'No supplier matches'}
      clearLabel="Clear supplier filter"
    />
  );
}
