import type { ReactNode } from 'react';
import { Button } from './button.js';
import { CopyField } from './copy-field.js';

export interface OneTimeSecretProps {
  title: string;
  /** Accessible name of the secret itself, e.g. "Temporary password". */
  label: string;
  secret: string;
  children: ReactNode;
  dismissLabel?: string;
  onDismiss: () => void;
}

/** Shows a secret the server will never send again, with a copy button and a deliberate dismiss. */
export function OneTimeSecret({
  title,
  label,
  secret,
  children,
  dismissLabel = 'I have stored it',
  onDismiss,
}: OneTimeSecretProps) {
  return (
    <section className="secret-panel" aria-label={title}>
      <h3 className="secret-title">{title}</h3>
      <div className="secret-explainer">{children}</div>
      <CopyField label={label} value={secret} />
      <div className="secret-actions">
        <Button onClick={onDismiss}>{dismissLabel}</Button>
      </div>
    </section>
  );
}
