import { Controller, useWatch } from 'react-hook-form';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { LocalizedText } from '#shared/schemas/questionnaires.js';
import { Field } from '../../../../components/ui/field.js';
import { LOCALE_LABELS } from '../../labels.js';
import { fieldPath, useBuilderForm, useFieldError } from './form-types.js';

function LocaleInput(props: {
  name: string;
  label: string;
  locale: Locale;
  value: string;
  multiline: boolean;
  maxLength: number;
  onChange: (text: string) => void;
  onBlur: () => void;
}) {
  const error = useFieldError(`${props.name}.${props.locale}`);
  return (
    <Field label={props.label} error={error} className="field-localized">
      {(control) =>
        props.multiline ? (
          <textarea
            className="input textarea"
            rows={3}
            name={`${props.name}.${props.locale}`}
            lang={props.locale}
            maxLength={props.maxLength}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            onBlur={props.onBlur}
            {...control}
          />
        ) : (
          <input
            className="input"
            name={`${props.name}.${props.locale}`}
            lang={props.locale}
            maxLength={props.maxLength}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            onBlur={props.onBlur}
            {...control}
          />
        )
      }
    </Field>
  );
}

export interface LocalizedFieldProps {
  name: string;
  label: string;
  /** An optional text (help, description): emptied in every language it is left out of the definition. */
  optional?: boolean;
  multiline?: boolean;
  maxLength: number;
}

/** One text in each of the template's languages, side by side; labelled "Label (English)" and so on. */
export function LocalizedField({
  name,
  label,
  optional = false,
  multiline = false,
  maxLength,
}: LocalizedFieldProps) {
  const { control } = useBuilderForm();
  const locales = useWatch<{ locales: Locale[] }, 'locales'>({ name: 'locales' }) ?? [];
  const groupError = useFieldError(name);
  return (
    <Controller
      control={control}
      name={fieldPath(name)}
      render={({ field }) => {
        const value = (field.value ?? {}) as LocalizedText;
        const set = (locale: Locale, text: string) => {
          const next: LocalizedText = { ...value, [locale]: text };
          const empty = locales.every((l) => !next[l]);
          field.onChange(optional && empty ? undefined : next);
        };
        return (
          <div className={locales.length > 1 ? 'localized localized-multi' : 'localized'}>
            {locales.map((locale) => (
              <LocaleInput
                key={locale}
                name={name}
                locale={locale}
                label={`${label}${locales.length > 1 ? ` (${LOCALE_LABELS[locale]})` : ''}${optional ? ', optional' : ''}`}
                value={value[locale] ?? ''}
                multiline={multiline}
                maxLength={maxLength}
                onChange={(text) => set(locale, text)}
                onBlur={field.onBlur}
              />
            ))}
            {groupError ? <p className="field-error">{groupError}</p> : null}
          </div>
        );
      }}
    />
  );
}
