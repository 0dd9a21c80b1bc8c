import { useFieldArray, useWatch } from 'react-hook-form';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import { Button } from '../../../../components/ui/button.js';
import { newOption } from '../../lib/question-defaults.js';
import { fieldPath, useBuilderForm, useFieldError } from './form-types.js';
import { CheckboxInput, KeyInput } from './key-input.js';
import { LocalizedField } from './localized-field.js';
import { MoveButtons } from './move-buttons.js';

/** The options of a choice question: id, label per language, and (several choices) whether it excludes the others. */
export function OptionFields({ name, multi }: { name: string; multi: boolean }) {
  const { control } = useBuilderForm();
  const { fields, append, remove, move } = useFieldArray({
    control,
    name: fieldPath(`${name}.options`) as never,
  });
  const options = (useWatch({ name: fieldPath(`${name}.options`) }) ?? []) as { id: string }[];
  const locales = (useWatch({ name: 'locales' }) ?? []) as Locale[];
  const error = useFieldError(`${name}.options`);
  return (
    <fieldset className="builder-group">
      <legend>Options</legend>
      <ol className="builder-options">
        {fields.map((field, i) => (
          <li key={field.id} className="builder-option">
            <div className="builder-option-head">
              <span className="muted">Option {i + 1}</span>
              <MoveButtons
                what={`option ${i + 1}`}
                index={i}
                count={fields.length}
                onMove={move}
                onRemove={() => remove(i)}
                removeDisabled={fields.length <= 2}
              />
            </div>
            <div className="builder-row">
              <KeyInput name={`${name}.options.${i}.id`} label="Option id" />
              <LocalizedField name={`${name}.options.${i}.label`} label="Option label" maxLength={200} />
            </div>
            {multi ? (
              <CheckboxInput
                name={`${name}.options.${i}.exclusive`}
                label="Excludes the other options (e.g. “None of these”)"
              />
            ) : null}
          </li>
        ))}
      </ol>
      {error ? <p className="field-error">{error}</p> : null}
      <Button
        size="sm"
        disabled={fields.length >= 30}
        onClick={() => append(newOption(locales, new Set(options.map((o) => o.id))) as never)}
      >
        Add option
      </Button>
    </fieldset>
  );
}
