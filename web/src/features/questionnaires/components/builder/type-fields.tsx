import type { QuestionType } from '#shared/schemas/questionnaires.js';
import { CheckboxInput, NumberInput } from './key-input.js';
import { LocalizedField } from './localized-field.js';
import { OptionFields } from './option-fields.js';

/** What only some question types have: options, number bounds and unit, text length, file count. */
export function TypeFields({ name, type }: { name: string; type: QuestionType }) {
  if (type === 'single_choice' || type === 'multi_choice')
    return <OptionFields name={name} multi={type === 'multi_choice'} />;
  if (type === 'number') {
    return (
      <fieldset className="builder-group">
        <legend>Number</legend>
        <div className="builder-row">
          <NumberInput name={`${name}.min`} label="Minimum, optional" optional />
          <NumberInput name={`${name}.max`} label="Maximum, optional" optional />
        </div>
        <LocalizedField name={`${name}.unit`} label="Unit" optional maxLength={40} />
        <CheckboxInput name={`${name}.integer`} label="Whole numbers only" />
      </fieldset>
    );
  }
  if (type === 'text') {
    return (
      <fieldset className="builder-group">
        <legend>Text</legend>
        <NumberInput name={`${name}.maxLength`} label="Maximum length (characters)" step="1" />
        <CheckboxInput name={`${name}.multiline`} label="Several lines" />
      </fieldset>
    );
  }
  if (type === 'file') {
    return (
      <fieldset className="builder-group">
        <legend>Files</legend>
        <NumberInput name={`${name}.maxFiles`} label="Maximum files, optional (1–10)" optional step="1" />
      </fieldset>
    );
  }
  return null;
}
