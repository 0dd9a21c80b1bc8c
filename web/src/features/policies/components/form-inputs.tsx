import { useId } from 'react';
import { type FieldError, get, useFormContext } from 'react-hook-form';
import type { PolicyDocumentInput } from '#shared/schemas/policy.js';
import { Field } from '../../../components/ui/field.js';
import type { PolicyPath } from '../lib/policy-paths.js';

const useFieldError = (name: PolicyPath): string | undefined => {
  const {
    formState: { errors },
  } = useFormContext<PolicyDocumentInput>();
  return (get(errors, name) as FieldError | undefined)?.message;
};

/** Numbers are read as numbers; an emptied box becomes NaN, which the schema reports as "Enter a number". */
const numberOptions = { valueAsNumber: true } as const;

export interface NumberFieldProps {
  name: PolicyPath;
  label: string;
  hint?: string;
  step?: string;
  min?: number;
  max?: number;
  className?: string;
}

/** A labelled number box bound to the policy form, with its error from the schema or the server. */
export function NumberField({ name, label, hint, step = 'any', min, max, className }: NumberFieldProps) {
  const { register } = useFormContext<PolicyDocumentInput>();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error} className={['field-number', className ?? ''].join(' ')}>
      {(control) => (
        <input
          className="input input-number"
          type="number"
          inputMode="decimal"
          step={step}
          min={min}
          max={max}
          {...register(name, numberOptions)}
          {...control}
        />
      )}
    </Field>
  );
}

/** A number box inside a table row: named for assistive technology by `label`, its error right under it. */
export function NumberCell({
  name,
  label,
  step = 'any',
}: {
  name: PolicyPath;
  label: string;
  step?: string;
}) {
  const { register } = useFormContext<PolicyDocumentInput>();
  const error = useFieldError(name);
  const errorId = useId();
  return (
    <div className={error ? 'cell-field field-invalid' : 'cell-field'}>
      <input
        className="input input-number input-compact"
        type="number"
        inputMode="decimal"
        step={step}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...register(name, numberOptions)}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A one-line text box bound to the policy form (citations, names). */
export function TextInput({ name, label, hint }: { name: PolicyPath; label: string; hint?: string }) {
  const { register } = useFormContext<PolicyDocumentInput>();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input className="input" type="text" autoComplete="off" {...register(name)} {...control} />
      )}
    </Field>
  );
}

/** A choice among a few fixed values (e.g. a rating), bound to the policy form. */
export function SelectInput({
  name,
  label,
  hint,
  options,
}: {
  name: PolicyPath;
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
}) {
  const { register } = useFormContext<PolicyDocumentInput>();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <select className="input select" {...register(name)} {...control}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** An error that belongs to a whole list or group (e.g. "At least one criterion needs a weight above 0"). */
export function GroupError({ name }: { name: PolicyPath }) {
  const {
    formState: { errors },
  } = useFormContext<PolicyDocumentInput>();
  // A list's own error sits on `root` when the resolver reports it, on the list itself when the server does.
  const error = get(errors, name) as (FieldError & { root?: FieldError }) | undefined;
  const message = error?.root?.message ?? error?.message;
  return message ? (
    <p className="field-error" role="alert">
      {message}
    </p>
  ) : null;
}
