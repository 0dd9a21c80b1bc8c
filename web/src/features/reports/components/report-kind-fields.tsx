import { Controller, type UseFormReturn } from 'react-hook-form';
import { STATEMENT_FRAMEWORK_LABELS, STATEMENT_FRAMEWORKS } from '#shared/schemas/reports.js';
import { CountryPicker } from '../../../components/country-picker.js';
import { Field, SelectField, TextField } from '../../../components/ui/field.js';
import { TIER_OPTIONS } from '../../suppliers/labels.js';
import type { ReportFormValues } from '../lib/report-form.js';

type FormProps = { form: UseFormReturn<ReportFormValues> };

/** The portfolio report: "changes since" and the dashboard's filters (empty: the whole register). */
export function PortfolioFields({ form }: FormProps) {
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const filterErrors = errors.filters;
  return (
    <>
      <TextField
        label="Changes since"
        type="date"
        className="report-field"
        hint="New high-risk suppliers, closed findings and rating moves after this day (by default, the last three months)."
        error={errors.since?.message}
        {...register('since')}
      />
      <fieldset className="report-filters">
        <legend className="field-label">Suppliers covered</legend>
        <p className="field-hint">
          The dashboard’s filters, with the same meaning. Leave them empty to cover the whole register.
        </p>
        {filterErrors?.message ? <p className="field-error">{filterErrors.message}</p> : null}
        <div className="form-grid">
          <TextField
            label="Business unit (tag)"
            maxLength={50}
            autoComplete="off"
            error={filterErrors?.tag?.message}
            {...register('filters.tag')}
          />
          <Controller
            control={control}
            name="filters.country"
            render={({ field, fieldState }) => (
              <Field label="Country" error={fieldState.error?.message}>
                {(controlProps) => (
                  <CountryPicker
                    {...controlProps}
                    ref={field.ref}
                    placeholder="Any country"
                    value={field.value || null}
                    onChange={(code) => field.onChange(code ?? '')}
                    onBlur={field.onBlur}
                    clearLabel="Clear country"
                  />
                )}
              </Field>
            )}
          />
          <SelectField
            label="Tier"
            options={[{ value: '', label: 'Any tier' }, ...TIER_OPTIONS]}
            error={filterErrors?.tier?.message}
            {...register('filters.tier')}
          />
          <TextField
            label="Good"
            maxLength={100}
            autoComplete="off"
            placeholder="e.g. cotton, palm"
            error={filterErrors?.good?.message}
            {...register('filters.good')}
          />
        </div>
      </fieldset>
    </>
  );
}

const FRAMEWORK_OPTIONS = [
  { value: '', label: 'Choose…' },
  ...STATEMENT_FRAMEWORKS.map((value) => ({ value, label: STATEMENT_FRAMEWORK_LABELS[value] })),
];

/** The statement draft: the law it follows and the reporting period (by default the last calendar year). */
export function StatementFields({ form }: FormProps) {
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <>
      <SelectField
        label="Framework"
        options={FRAMEWORK_OPTIONS}
        className="report-field report-field-wide"
        hint="One section per criterion of the law it names."
        error={errors.framework?.message}
        {...register('framework')}
      />
      <div className="form-grid report-period">
        <TextField
          label="Period from"
          type="date"
          error={errors.periodStart?.message}
          {...register('periodStart')}
        />
        <TextField
          label="Period to"
          type="date"
          error={errors.periodEnd?.message}
          {...register('periodEnd')}
        />
      </div>
      <p className="field-hint report-period-hint">
        The reporting period the statement covers, usually your financial year. It starts as the last complete
        calendar year.
      </p>
    </>
  );
}
