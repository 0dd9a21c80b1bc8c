export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterSelectProps {
  /** The select's id, which its label names (`for=`). */
  id: string;
  label: string;
  value: string;
  /** The first option, standing for no filter (value ''); omit when every option filters. */
  anyLabel?: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
}

/** One labelled <select> among a list's filters (the `.filters` bar). */
export function FilterSelect({ id, label, value, anyLabel, options, onChange }: FilterSelectProps) {
  return (
    <div className="filter">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
