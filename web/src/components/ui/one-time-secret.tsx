import { type ReactNode, useRef, useState } from 'react';
import { Button } from './button.js';

export interface OneTimeSecretProps {
  title: string;
  /** Accessible name of the secret itself, e.g. "Temporary password". */
  label: string;
  secret: string;
  children: ReactNode;
  dismissLabel?: string;
  onDismiss: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Shows a secret the server will never send again, with a copy button and a deliberate dismiss. */
export function OneTimeSecret({
  title,
  label,
  secret,
  children,
  dismissLabel = 'I have stored it',
  onDismiss,
}: OneTimeSecretProps) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const inputRef = useRef<HTMLInputElement>(null);

  const copySecret = async () => {
    try {
      if (!navigator.clipboard) throw new Error('Clipboard unavailable');
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      // Plain http on a non-local host has no clipboard API: select the text so Ctrl+C works.
      inputRef.current?.select();
      setCopy('failed');
    }
  };

  return (
    <section className="secret-panel" aria-label={title}>
      <h3 className="secret-title">{title}</h3>
      <div className="secret-explainer">{children}</div>
      <div className="secret-row">
        <input
          ref={inputRef}
          className="input secret-value"
          readOnly
          value={secret}
          aria-label={label}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="primary" onClick={copySecret}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="secret-status" aria-live="polite">
        {copy === 'copied' ? 'Copied to the clipboard.' : null}
        {copy === 'failed'
          ? 'Copying is not available here: the text is selected, press Ctrl+C (⌘C on a Mac).'
          : null}
      </p>
      <div className="secret-actions">
        <Button onClick={onDismiss}>{dismissLabel}</Button>
      </div>
    </section>
  );
}
