import { useRef, useState } from 'react';
import { Button } from './button.js';

export interface CopyFieldProps {
  /** Accessible name of the value, e.g. "Portal link for Dhaka Knitwear". */
  label: string;
  value: string;
  /** Accessible name of the button when several copy buttons share a screen (e.g. "Copy the link for …"). */
  buttonName?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** A read-only value with a copy button; where the clipboard API is missing, the text is selected instead. */
export function CopyField({ label, value, buttonName }: CopyFieldProps) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const inputRef = useRef<HTMLInputElement>(null);

  const copyValue = async () => {
    try {
      if (!navigator.clipboard) throw new Error('Clipboard unavailable');
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      // Plain http on a non-local host has no clipboard API: select the text so Ctrl+C works.
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopy('failed');
    }
  };

  return (
    <>
      <div className="secret-row">
        <input
          ref={inputRef}
          className="input secret-value"
          readOnly
          value={value}
          aria-label={label}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="primary" onClick={copyValue} aria-label={buttonName}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="secret-status" aria-live="polite">
        {copy === 'copied' ? 'Copied to the clipboard.' : null}
        {copy === 'failed'
          ? 'Copying is not available here: the text is selected, press Ctrl+C (⌘C on a Mac).'
          : null}
      </p>
    </>
  );
}
