import { type KeyboardEvent, type Ref, useState } from 'react';

export interface TagInputProps {
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Singular noun for the remove buttons, e.g. "good" → "Remove good cotton". */
  noun: string;
  placeholder?: string;
  maxLength?: number;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
}

const split = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * A list of short values typed one after another: Enter or a comma adds what was typed (pasting
 * "cotton, yarn" adds both), Backspace in the empty box removes the last one. Duplicates are ignored.
 */
export function TagInput(props: TagInputProps) {
  const { value, onChange, noun } = props;
  const [draft, setDraft] = useState('');

  const add = (text: string) => {
    const next = [...value];
    for (const item of split(text)) {
      if (!next.some((existing) => existing.toLowerCase() === item.toLowerCase())) next.push(item);
    }
    if (next.length !== value.length) onChange(next);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      if (draft.trim() !== '' || event.key === ',') event.preventDefault();
      if (draft.trim() !== '') add(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className={props['aria-invalid'] ? 'tag-input tag-input-invalid' : 'tag-input'}>
      {value.length > 0 ? (
        <ul className="tag-list" aria-label={`Added: ${value.length}`}>
          {value.map((item) => (
            <li key={item} className="tag">
              <span>{item}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove ${noun} ${item}`}
                onClick={() => onChange(value.filter((existing) => existing !== item))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={props.ref}
        id={props.id}
        className="tag-input-field"
        type="text"
        autoComplete="off"
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        placeholder={value.length === 0 ? props.placeholder : undefined}
        maxLength={props.maxLength}
        value={draft}
        onChange={(event) => {
          const text = event.target.value;
          if (text.includes(',')) add(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft.trim() !== '') add(draft);
          props.onBlur?.();
        }}
      />
    </div>
  );
}
