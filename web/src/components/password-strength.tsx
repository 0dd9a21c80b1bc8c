import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import {
  loadPasswordChecker,
  type PasswordChecker,
  type PasswordOwner,
  type PasswordVerdict,
} from '#shared/domain/passwords/strength.js';
import { Field, type TextFieldProps } from './ui/field.js';
import './password-strength.css';

/**
 * The shared password rule's verdict on `password` as it is typed (null while empty, or while the
 * estimator's dictionary is still loading: it is fetched the first time a page needs it).
 */
export function usePasswordVerdict(password: string, owner: PasswordOwner): PasswordVerdict | null {
  const [checker, setChecker] = useState<PasswordChecker | null>(null);
  useEffect(() => {
    let live = true;
    void loadPasswordChecker().then((loaded) => {
      if (live) setChecker(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  // The estimate takes tens of milliseconds: run it only when its inputs change, and let typing go first.
  const deferred = useDeferredValue(password);
  const { email, name } = owner;
  return useMemo(
    () => (!checker || deferred === '' ? null : checker.check(deferred, { email, name })),
    [checker, deferred, email, name],
  );
}

const LEVELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/**
 * A strength meter with the same verdict the server gives: the level, and while refused, why and what to do.
 * Announced politely, so a screen reader hears it after typing pauses, not on every key.
 */
export function PasswordStrength({ verdict, id }: { verdict: PasswordVerdict | null; id?: string }) {
  if (!verdict) return <div id={id} className="password-strength" aria-live="polite" />;
  const level = verdict.ok ? Math.max(verdict.score, 3) : Math.min(verdict.score, 2);
  return (
    <div id={id} className="password-strength" aria-live="polite">
      <div className={`password-meter password-meter-${level}`} aria-hidden="true">
        {LEVELS.map((label, i) => (
          <span key={label} className={i <= level ? 'password-meter-on' : undefined} />
        ))}
      </div>
      <p className="password-strength-verdict">
        <strong>{verdict.ok ? `${LEVELS[level]}: good to use.` : `${LEVELS[level]}: not accepted.`}</strong>{' '}
        {verdict.problem}
      </p>
      {verdict.suggestions.length > 0 ? (
        <ul className="password-strength-tips">
          {verdict.suggestions.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A new-password box with its strength meter (account page, add user). The verdict is part of the box's
 * description, so a screen reader reads why a password is refused when it comes back to the box, not only
 * once in the live announcement.
 */
export function NewPasswordField({
  verdict,
  label,
  error,
  hint,
  className,
  ref,
  ...input
}: TextFieldProps & { verdict: PasswordVerdict | null }) {
  const strengthId = useId();
  return (
    <div className={className}>
      <Field label={label} error={error} hint={hint}>
        {(control) => (
          <input
            ref={ref}
            className="input"
            type="password"
            autoComplete="new-password"
            {...input}
            {...control}
            aria-describedby={[control['aria-describedby'], verdict ? strengthId : null]
              .filter(Boolean)
              .join(' ')}
          />
        )}
      </Field>
      <PasswordStrength verdict={verdict} id={strengthId} />
    </div>
  );
}
