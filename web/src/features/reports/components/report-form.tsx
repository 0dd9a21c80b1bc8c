import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, type Resolver, type UseFormReturn, useForm } from 'react-hook-form';
import {
  type CreateReport,
  CreateReportSchema,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  type Report,
} from '#shared/schemas/reports.js';
import { Button } from '../../../components/ui/button.js';
import { Field } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { SupplierPicker } from '../../remediation/components/pickers.js';
import { useCreateReport } from '../api.js';
import { REPORT_FORM_FIELDS, type ReportFormValues, toCreateReport } from '../lib/report-form.js';
import { PortfolioFields, StatementFields } from './report-kind-fields.js';

const KIND_HINTS: Record<(typeof REPORT_KINDS)[number], string> = {
  supplier: 'One supplier: its rating and the answers, evidence and sources behind it, its plan and history.',
  portfolio: 'For the board: the dashboard’s figures, top risks, remediation progress and what changed.',
  statement:
    'A draft to edit before the board approves it, one section per criterion of the law, gaps called out.',
};

/** An empty box says what to do, not which format it failed (an empty id is not "not a UUID"). */
const EMPTY_MESSAGES: Partial<Record<string, string>> = {
  supplierId: 'Choose a supplier',
  periodStart: 'Choose the first day of the period',
  periodEnd: 'Choose the last day of the period',
};

const schemaResolver = zodResolver(CreateReportSchema);

/** CreateReportSchema judges only the chosen kind's fields (its objects are strict); see toCreateReport. */
const resolver: Resolver<ReportFormValues, unknown, CreateReport> = async (values, context, options) => {
  const body = toCreateReport(values);
  const result = await schemaResolver(body as never, context, options as never);
  for (const [name, message] of Object.entries(EMPTY_MESSAGES)) {
    const error = (result.errors as Record<string, { message?: string }>)[name];
    if (error && body[name] === undefined && message) error.message = message;
  }
  return result as Awaited<ReturnType<Resolver<ReportFormValues, unknown, CreateReport>>>;
};

export interface ReportFormProps {
  defaultValues: ReportFormValues;
  onCreated: (report: Report) => void;
  onCancel: () => void;
}

/** "New report": a kind, then what that kind needs; the rules are the shared CreateReportSchema's. */
export function ReportForm({ defaultValues, onCreated, onCancel }: ReportFormProps) {
  const create = useCreateReport();
  const form = useForm<ReportFormValues, unknown, CreateReport>({ resolver, defaultValues });
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useServerSubmit(
    { handleSubmit, setError },
    REPORT_FORM_FIELDS,
    async (values) => onCreated(await create.mutateAsync(values)),
  );
  const kind = watch('kind');

  return (
    <form className="form report-form" onSubmit={onSubmit} noValidate aria-label="New report">
      <FormAlert message={formError} />
      <fieldset
        className="report-kinds"
        aria-describedby={errors.kind ? 'report-kind-error' : undefined}
        aria-invalid={errors.kind ? true : undefined}
      >
        <legend className="field-label">Kind of report</legend>
        {REPORT_KINDS.map((value) => (
          <label key={value} className="report-kind">
            <input
              type="radio"
              value={value}
              {...register('kind')}
              aria-describedby={`report-kind-${value}`}
            />
            <span>
              <span className="report-kind-name">{REPORT_KIND_LABELS[value]}</span>
              <span className="field-hint" id={`report-kind-${value}`}>
                {KIND_HINTS[value]}
              </span>
            </span>
          </label>
        ))}
        {errors.kind?.message ? (
          <p className="field-error" id="report-kind-error">
            {errors.kind.message}
          </p>
        ) : null}
      </fieldset>
      {kind === 'supplier' ? (
        <Controller
          control={control}
          name="supplierId"
          render={({ field, fieldState }) => (
            <Field
              label="Supplier"
              error={fieldState.error?.message}
              hint="Its latest assessment is reported; archived suppliers can be reported too."
              className="report-field"
            >
              {(controlProps) => (
                <SupplierPicker
                  {...controlProps}
                  ref={field.ref}
                  value={field.value || null}
                  onChange={(id) => field.onChange(id ?? '')}
                  onBlur={field.onBlur}
                  placeholder="Search suppliers by name or reference"
                  clearLabel="Clear supplier"
                />
              )}
            </Field>
          )}
        />
      ) : null}
      {kind === 'portfolio' ? <PortfolioFields form={form as UseFormReturn<ReportFormValues>} /> : null}
      {kind === 'statement' ? <StatementFields form={form as UseFormReturn<ReportFormValues>} /> : null}
      <p className="field-hint">
        Issuing a report changes no data. It is recorded in the register with its SHA-256, so anyone holding
        the PDF can check it is genuine.
      </p>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={isSubmitting}>
          Issue report
        </Button>
        <Button onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
