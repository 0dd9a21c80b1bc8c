import { Controller, useWatch } from 'react-hook-form';
import { type Locale, QUESTIONNAIRE_LOCALES } from '#shared/schemas/questionnaire-locales.js';
import { Field } from '../../../../components/ui/field.js';
import { LOCALE_LABELS } from '../../labels.js';
import { useBuilderForm, useFieldError } from './form-types.js';
import { LocalizedField } from './localized-field.js';

/** The questionnaire's languages, default language, title and introduction. */
export function GeneralFields() {
  const { control, register } = useBuilderForm();
  const locales = (useWatch({ name: 'locales' }) ?? []) as Locale[];
  const localesError = useFieldError('locales');
  const defaultError = useFieldError('defaultLocale');
  return (
    <section className="panel" aria-labelledby="tpl-general-title">
      <h3 className="panel-title" id="tpl-general-title">
        Questionnaire
      </h3>
      <Controller
        control={control}
        name="locales"
        render={({ field }) => (
          <fieldset className="builder-group">
            <legend>Languages</legend>
            <p className="muted">
              Every text is written in each language; the supplier picks one. Adding a language asks for its
              texts everywhere before the template can be saved.
            </p>
            <div className="builder-locales">
              {QUESTIONNAIRE_LOCALES.map((l) => (
                <label key={l} className="checkbox">
                  <input
                    type="checkbox"
                    name={`locales.${l}`}
                    checked={locales.includes(l)}
                    onChange={(e) =>
                      field.onChange(
                        e.target.checked
                          ? QUESTIONNAIRE_LOCALES.filter((x) => x === l || locales.includes(x))
                          : locales.filter((x) => x !== l),
                      )
                    }
                  />
                  {LOCALE_LABELS[l]}
                </label>
              ))}
            </div>
            {localesError ? <p className="field-error">{localesError}</p> : null}
          </fieldset>
        )}
      />
      <Field label="Default language" hint="Answers are reported in it." error={defaultError}>
        {(c) => (
          <select className="input select builder-narrow" {...register('defaultLocale')} {...c}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {LOCALE_LABELS[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LocalizedField name="title" label="Title" maxLength={200} />
      <LocalizedField name="description" label="Introduction" optional multiline maxLength={4000} />
    </section>
  );
}
