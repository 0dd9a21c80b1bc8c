import type { Ref } from 'react';
import { countryList } from '#shared/countries.js';
import { Combobox, type ComboboxOption } from './ui/combobox.js';

const COUNTRY_OPTIONS: readonly ComboboxOption[] = countryList().map((country) => ({
  value: country.code,
  label: country.name,
  hint: country.code,
}));

export interface CountryPickerProps {
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  'aria-label'?: string;
  value: string | null;
  onChange: (code: string | null) => void;
  onBlur?: () => void;
  clearLabel?: string;
  placeholder?: string;
  ref?: Ref<HTMLInputElement>;
}

/** Every ISO 3166-1 country, searchable by name or two-letter code. */
export function CountryPicker({ placeholder = 'Type a country or its code', ...props }: CountryPickerProps) {
  return (
    <Combobox {...props} placeholder={placeholder} options={COUNTRY_OPTIONS} emptyText="No country matches" />
  );
}
