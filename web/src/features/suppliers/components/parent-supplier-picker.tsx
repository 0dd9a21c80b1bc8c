import { type Ref, useState } from 'react';
import { countryName } from '#shared/countries.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { Combobox } from '../../../components/ui/combobox.js';
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.js';
import { useSupplier, useSupplierSearch } from '../api.js';

export interface ParentSupplierPickerProps {
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  value: string | null;
  onChange: (id: string | null, supplier: Supplier | undefined) => void;
  onBlur?: () => void;
  /** The supplier being edited: it cannot be its own parent. */
  excludeId?: string;
  ref?: Ref<HTMLInputElement>;
}

/** Finds a parent among the register's suppliers by name or reference, as the person types. */
export function ParentSupplierPicker({ value, onChange, excludeId, ...props }: ParentSupplierPickerProps) {
  const [search, setSearch] = useState('');
  const searchSoon = useDebouncedCallback(setSearch, 200);
  const results = useSupplierSearch(search);
  const selected = useSupplier(value);
  const candidates = (results.data?.items ?? []).filter((supplier) => supplier.id !== excludeId);

  return (
    <Combobox
      {...props}
      value={value}
      onChange={(id) =>
        onChange(
          id,
          candidates.find((supplier) => supplier.id === id),
        )
      }
      onSearch={searchSoon}
      selectedLabel={selected.data?.name ?? (value && selected.isPending ? 'Loading…' : undefined)}
      options={candidates.map((supplier) => ({
        value: supplier.id,
        label: supplier.name,
        hint: [countryName(supplier.country) ?? supplier.country, `tier ${supplier.tier}`].join(' · '),
      }))}
      placeholder="None: a direct supplier"
      emptyText={results.isFetching ? 'Searching…' : 'No supplier matches'}
      clearLabel="Remove parent supplier"
    />
  );
}
