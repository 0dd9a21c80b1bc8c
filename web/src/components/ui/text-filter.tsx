import { CountryPicker } from '../country-picker.js';

/**
 * A free-text filter of a filter bar: it keeps its own text while the person types (the bar debounces
 * `onText` into the URL) and starts from `value`; remount it (a new key) to empty it.
 */
export function TextFilter({
  id,
  label,
  placeholder,
  max,
  hint,
  value,
  onText,
}: {
  id: string;
  label: string;
  placeholder: string;
  max: number;
  hint?: string | undefined;
  value: string | undefined;
  onText: (text: string) => void;
}) {
  return (
    <div className="filter">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        placeholder={placeholder}
        maxLength={max}
        aria-describedby={hint ? `${id}-hint` : undefined}
        defaultValue={value ?? ''}
        onChange={(event) => onText(event.target.value)}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A filter bar's country: any country, or one, cleared by its own button. */
export function CountryFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string | undefined;
  onChange: (code: string | undefined) => void;
}) {
  return (
    <div className="filter">
      <label className="field-label" htmlFor={id}>
        Country
      </label>
      <CountryPicker
        id={id}
        placeholder="Any country"
        value={value ?? null}
        onChange={(code) => onChange(code ?? undefined)}
        clearLabel="Clear country filter"
      />
    </div>
  );
}
