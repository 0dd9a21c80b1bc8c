import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { optionIdsOf, optionLabel } from '#shared/domain/questionnaires/questions.js';
import type { Question } from '#shared/schemas/questionnaires.js';
import { Button } from '../../../../components/ui/button.js';
import { Field } from '../../../../components/ui/field.js';
import { fieldPath, useBuilderForm, useFieldError } from './form-types.js';
import { NumberInput } from './key-input.js';
import { keyOptions, usePolicyKeys } from './policy-keys.js';

/** A select of the policy's criteria or red flags, bound to `name`; `none` offers an empty choice. */
function PolicyKeySelect({
  name,
  label,
  kind,
  none,
}: {
  name: string;
  label: string;
  kind: 'criteria' | 'redFlags';
  none?: string;
}) {
  const { register } = useBuilderForm();
  const keys = usePolicyKeys();
  const current = useWatch({ name: fieldPath(name) }) as string | undefined;
  const error = useFieldError(name);
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select
          className="input select"
          {...register(fieldPath(name), { setValueAs: (v: string) => (v === '' && none ? undefined : v) })}
          {...control}
        >
          {none ? <option value="">{none}</option> : null}
          {keyOptions(keys[kind], current).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Points and red flag per option of a choice question (options not listed earn 0 and raise nothing). */
function OptionScores({ name, question }: { name: string; question: Question }) {
  const { control } = useBuilderForm();
  const keys = usePolicyKeys();
  const ids = optionIdsOf(question) ?? [];
  return (
    <div className="builder-table-wrap">
      <table className="table builder-table">
        <caption className="visually-hidden">Points and red flags per option</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Points</th>
            <th scope="col">Red flag</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const label = optionLabel(question, id, 'en') || id;
            return (
              <tr key={id}>
                <th scope="row">{label}</th>
                <td>
                  <Controller
                    control={control}
                    name={fieldPath(`${name}.points`)}
                    render={({ field }) => {
                      const points = (field.value ?? {}) as Record<string, number>;
                      return (
                        <input
                          className="input input-number input-compact"
                          type="number"
                          step="any"
                          aria-label={`Points for ${label}`}
                          name={`${name}.points.${id}`}
                          value={points[id] ?? ''}
                          onChange={(e) => {
                            const { [id]: _, ...rest } = points;
                            field.onChange(
                              e.target.value === '' ? rest : { ...rest, [id]: e.target.valueAsNumber },
                            );
                          }}
                        />
                      );
                    }}
                  />
                </td>
                <td>
                  <Controller
                    control={control}
                    name={fieldPath(`${name}.redFlags`)}
                    render={({ field }) => {
                      const flags = (field.value ?? {}) as Record<string, string>;
                      return (
                        <select
                          className="input select input-compact"
                          aria-label={`Red flag for ${label}`}
                          name={`${name}.redFlags.${id}`}
                          value={flags[id] ?? ''}
                          onChange={(e) => {
                            const { [id]: _, ...rest } = flags;
                            const next = e.target.value ? { ...rest, [id]: e.target.value } : rest;
                            field.onChange(Object.keys(next).length ? next : undefined);
                          }}
                        >
                          <option value="">None</option>
                          {keyOptions(keys.redFlags, flags[id]).map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      );
                    }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Numeric bands: a value earns the band with the highest "from" it reaches. */
function BandScores({ name }: { name: string }) {
  const { control } = useBuilderForm();
  const { fields, append, remove } = useFieldArray({ control, name: fieldPath(`${name}.bands`) as never });
  const error = useFieldError(`${name}.bands`);
  return (
    <div>
      <ol className="builder-options">
        {fields.map((f, i) => (
          <li key={f.id} className="builder-row builder-band">
            <NumberInput name={`${name}.bands.${i}.from`} label={`Band ${i + 1}: from`} />
            <NumberInput name={`${name}.bands.${i}.points`} label="Points" />
            <PolicyKeySelect
              name={`${name}.bands.${i}.redFlag`}
              label="Red flag"
              kind="redFlags"
              none="None"
            />
            <Button size="sm" variant="ghost" disabled={fields.length <= 1} onClick={() => remove(i)}>
              Remove<span className="visually-hidden"> band {i + 1}</span>
            </Button>
          </li>
        ))}
      </ol>
      {error ? <p className="field-error">{error}</p> : null}
      <Button
        size="sm"
        disabled={fields.length >= 20}
        onClick={() => append({ from: 0, points: 0 } as never)}
      >
        Add band
      </Button>
    </div>
  );
}

/** Whether and how the question scores: the criterion it evidences, its maximum, points and red flags. */
export function ScoringFields({ name, question }: { name: string; question: Question }) {
  const { setValue } = useBuilderForm();
  const keys = usePolicyKeys();
  const scorable =
    question.type === 'yes_no' ||
    question.type === 'single_choice' ||
    question.type === 'multi_choice' ||
    question.type === 'number';
  if (!scorable) return null;
  const scoring = 'scoring' in question ? question.scoring : undefined;
  const toggle = (on: boolean) => {
    const criterion = keys.criteria[0]?.key ?? '';
    const next = !on
      ? undefined
      : question.type === 'number'
        ? { criterion, maxPoints: 1, bands: [{ from: 0, points: 0 }] }
        : { criterion, maxPoints: 1, points: {} };
    setValue(fieldPath(`${name}.scoring`), next as never, { shouldDirty: true });
  };
  return (
    <fieldset className="builder-group">
      <legend>Scoring</legend>
      <label className="checkbox">
        <input type="checkbox" checked={Boolean(scoring)} onChange={(e) => toggle(e.target.checked)} />
        This answer counts towards a policy criterion
      </label>
      {scoring ? (
        <>
          <div className="builder-row">
            <PolicyKeySelect name={`${name}.scoring.criterion`} label="Criterion" kind="criteria" />
            <NumberInput name={`${name}.scoring.maxPoints`} label="Maximum points" />
          </div>
          {question.type === 'number' ? (
            <BandScores name={`${name}.scoring`} />
          ) : (
            <OptionScores name={`${name}.scoring`} question={question} />
          )}
        </>
      ) : null}
    </fieldset>
  );
}
