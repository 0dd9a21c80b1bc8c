import { Field } from '../../../../components/ui/field.js';
import { fieldPath, useBuilderForm, useFieldError } from './form-types.js';

/** A stable machine id (question, option, section): answers and conditions refer to it. */
export function KeyInput({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { register } = useBuilderForm();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error} className="field-key">
      {(control) => (
        <input
          className="input input-mono"
          autoComplete="off"
          spellCheck={false}
          {...register(fieldPath(name))}
          {...control}
        />
      )}
    </Field>
  );
}

/** A number box; an emptied optional one leaves the field out (undefined) rather than sending NaN. */
export function NumberInput({
  name,
  label,
  optional = false,
  step = 'any',
  hint,
}: {
  name: string;
  label: string;
  optional?: boolean;
  step?: string;
  hint?: string;
}) {
  const { register } = useBuilderForm();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error} className="field-number">
      {(control) => (
        <input
          className="input input-number"
          type="number"
          inputMode="decimal"
          step={step}
          {...register(fieldPath(name), {
            setValueAs: (v: unknown) =>
              v === '' || v === undefined || v === null ? (optional ? undefined : Number.NaN) : Number(v),
          })}
          {...control}
        />
      )}
    </Field>
  );
}

export function CheckboxInput({ name, label }: { name: string; label: string }) {
  const { register } = useBuilderForm();
  return (
    <label className="checkbox">
      <input type="checkbox" {...register(fieldPath(name))} />
      {label}
    </label>
  );
}
