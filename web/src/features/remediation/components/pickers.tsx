import { type Ref, useState } from 'react';
import { countryName } from '#shared/countries.js';
import { Combobox } from '../../../components/ui/combobox.js';
import type { SelectOption } from '../../../components/ui/field.js';
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.js';
import { useSupplier, useSupplierSearch } from '../../suppliers/api.js';
import { useUsers } from '../../users/api.js';

/**
 * The people a task can be given to: the organisation's active members who can work on tasks (an executive
 * moves no task, so owning one would only collect reminders). Up to 200, by name.
 */
export const useOwnerOptions = (): { options: SelectOption[]; isPending: boolean } => {
  const users = useUsers({ limit: 200, offset: 0, status: 'active', sort: 'name', order: 'asc' });
  return {
    options: (users.data?.items ?? [])
      .filter((u) => u.role !== 'executive')
      .map((u) => ({ value: u.id, label: u.name })),
    isPending: users.isPending,
  };
};

export interface SupplierPickerProps {
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  value: string | null;
  onChange: (id: string | null) => void;
  onBlur?: () => void;
  placeholder: string;
  clearLabel: string;
  ref?: Ref<HTMLInputElement>;
}

/** Finds a supplier of the register by name or reference, as the person types. */
export function SupplierPicker({ value, onChange, placeholder, clearLabel, ...props }: SupplierPickerProps) {
  const [search, setSearch] = useState('');
  const searchSoon = useDebouncedCallback(setSearch, 200);
  const results = useSupplierSearch(search);
  const selected = useSupplier(value);
  return (
    <Combobox
      {...props}
      value={value}
      onChange={onChange}
      onSearch={searchSoon}
      selectedLabel={selected.data?.name ?? (value && selected.isPending ? 'Loading…' : undefined)}
      options={(results.data?.items ?? []).map((supplier) => ({
        value: supplier.id,
        label: supplier.name,
        hint: [countryName(supplier.country) ?? supplier.country, `tier ${supplier.tier}`].join(' · '),
      }))}
      placeholder={placeholder}
      emptyText={results.isFetching ? 'Searching…' : 'No supplier matches'}
      clearLabel={clearLabel}
    />
  );
}
