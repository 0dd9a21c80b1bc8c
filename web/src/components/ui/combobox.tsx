import { type KeyboardEvent, type Ref, useEffect, useId, useMemo, useRef, useState } from 'react';

export interface ComboboxOption {
  value: string;
  label: string;
  /** Shown after the label, muted (e.g. the country code). */
  hint?: string;
}

export interface ComboboxProps {
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  'aria-label'?: string;
  options: readonly ComboboxOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** Label of the selected value when it is not among `options` (e.g. options come from a search). */
  selectedLabel?: string | undefined;
  /**
   * Called with the typed text. Given it, the caller filters (e.g. asks the server) and `options` are shown
   * as they come; without it, options are filtered here by label, hint and value.
   */
  onSearch?: (text: string) => void;
  placeholder?: string;
  /** Shown when nothing matches. */
  emptyText?: string;
  /** Adds a button that clears the value, named by this label. */
  clearLabel?: string;
  disabled?: boolean;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
  name?: string;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

const MAX_SHOWN = 100;

/**
 * A text box with a list of suggestions (the ARIA 1.2 combobox pattern): type to filter, ↑/↓ to move,
 * Enter to choose, Escape to close. Leaving the box without choosing keeps the previous value; clearing the
 * text clears it.
 */
export function Combobox(props: ComboboxProps) {
  const { options, value, onChange, onSearch, selectedLabel, placeholder, emptyText, clearLabel } = props;
  const autoId = useId();
  const inputId = props.id ?? autoId;
  const listId = `${inputId}-listbox`;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  const currentLabel = options.find((option) => option.value === value)?.label ?? selectedLabel ?? '';
  const text = query ?? currentLabel;

  const shown = useMemo(() => {
    if (onSearch || query === null || query.trim() === '') return options.slice(0, MAX_SHOWN);
    const needle = fold(query);
    const starts: ComboboxOption[] = [];
    const contains: ComboboxOption[] = [];
    for (const option of options) {
      const label = fold(option.label);
      if (label.startsWith(needle) || fold(option.value) === needle) starts.push(option);
      else if (label.includes(needle) || fold(option.hint ?? '').includes(needle)) contains.push(option);
    }
    return [...starts, ...contains].slice(0, MAX_SHOWN);
  }, [options, query, onSearch]);

  useEffect(() => {
    if (!open) return;
    const item = listRef.current?.children[active];
    if (item && 'scrollIntoView' in item && typeof item.scrollIntoView === 'function') {
      item.scrollIntoView({ block: 'nearest' });
    }
  }, [active, open]);

  const choose = (option: ComboboxOption | undefined) => {
    if (option) onChange(option.value);
    setQuery(null);
    setOpen(false);
  };

  const settle = () => {
    if (query !== null) {
      if (query.trim() === '') onChange(null);
      else {
        const typed = fold(query);
        const exact = options.find((o) => fold(o.label) === typed || fold(o.value) === typed);
        if (exact) onChange(exact.value);
      }
    }
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((index) => Math.min(index + 1, shown.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        break;
      case 'Enter':
        if (open && shown.length > 0) {
          event.preventDefault();
          choose(shown[active]);
        }
        break;
      case 'Escape':
        if (open || query !== null) {
          event.preventDefault();
          event.stopPropagation();
          setQuery(null);
          setOpen(false);
        }
        break;
      default:
        break;
    }
  };

  const activeId = open && shown[active] ? `${listId}-${active}` : undefined;

  return (
    <div className="combobox">
      <input
        ref={props.ref}
        id={inputId}
        name={props.name}
        className="input combobox-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        aria-label={props['aria-label']}
        placeholder={placeholder}
        disabled={props.disabled}
        value={text}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
          onSearch?.(event.target.value);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          settle();
          props.onBlur?.();
        }}
      />
      {clearLabel && value ? (
        <button
          type="button"
          className="combobox-clear"
          aria-label={clearLabel}
          disabled={props.disabled}
          onClick={() => {
            onChange(null);
            setQuery(null);
          }}
        >
          ×
        </button>
      ) : null}
      <div ref={listRef} id={listId} role="listbox" className="combobox-list" hidden={!open}>
        {open && shown.length === 0 ? (
          <div className="combobox-empty">{emptyText ?? 'No matches'}</div>
        ) : null}
        {open
          ? shown.map((option, index) => (
              // Keyboard users reach options through the input (aria-activedescendant), so options are not
              // focusable themselves and only need pointer handling.
              // biome-ignore lint/a11y/useFocusableInteractive: focus stays on the combobox input
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled on the combobox input
              <div
                key={option.value}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={option.value === value}
                className={index === active ? 'combobox-option combobox-option-active' : 'combobox-option'}
                // Keep focus in the input, so choosing does not blur (and settle) first.
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(option)}
              >
                <span>{option.label}</span>
                {option.hint ? <span className="combobox-hint">{option.hint}</span> : null}
              </div>
            ))
          : null}
      </div>
    </div>
  );
}
