import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, type Path, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { Finding } from '#shared/schemas/assignments.js';
import { DEFAULT_DUE_DAYS, type Task, type TaskCreate, TaskCreateSchema } from '#shared/schemas/tasks.js';
import { Badge } from '../../../components/ui/badge.js';
import { Button } from '../../../components/ui/button.js';
import { Field, SelectField, TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { useCreateTask } from '../api.js';
import { SEVERITY_LABELS, SEVERITY_OPTIONS, SEVERITY_TONES } from '../labels.js';
import { SupplierPicker, useOwnerOptions } from './pickers.js';

type FormValues = z.input<typeof TaskCreateSchema>;

const SERVER_FIELDS = [
  'findingId',
  'supplierId',
  'title',
  'description',
  'severity',
  'ownerId',
  'dueDate',
  'supplierVisible',
] as const satisfies readonly Path<FormValues>[];

/** An empty box is "not given" (the server then uses the finding's, or asks for it). */
const emptyAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export interface TaskCreateFormProps {
  /** The finding the task is made from: its supplier, criterion and severity are the task's. */
  finding?: Finding | undefined;
  /** The supplier chosen beforehand (e.g. from its page). */
  supplierId?: string | undefined;
  onCreated: (task: Task) => void;
  onCancel: () => void;
}

/** Make a task by hand, or from a finding; the rules are the shared TaskCreateSchema's. */
export function TaskCreateForm({ finding, supplierId, onCreated, onCancel }: TaskCreateFormProps) {
  const create = useCreateTask();
  const owners = useOwnerOptions();
  const form = useForm<FormValues, unknown, TaskCreate>({
    resolver: zodResolver(TaskCreateSchema),
    defaultValues: finding
      ? { findingId: finding.id, supplierVisible: false }
      : { supplierId, supplierVisible: false },
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const { formError, onSubmit } = useServerSubmit({ handleSubmit, setError }, SERVER_FIELDS, async (values) =>
    onCreated(await create.mutateAsync(values)),
  );

  return (
    <form className="form task-form" onSubmit={onSubmit} noValidate aria-label="New task">
      <FormAlert message={formError} />
      {finding ? (
        <div className="task-form-finding">
          <p className="field-label">From the finding</p>
          <p>
            <Badge tone={SEVERITY_TONES[finding.severity]}>{SEVERITY_LABELS[finding.severity]}</Badge>{' '}
            <strong>{finding.title}</strong>
          </p>
          <p className="field-hint">
            The supplier, criterion and severity are the finding’s. Leave the title, description or due date
            empty to use the finding’s title, the policy’s suggested action (or the finding’s detail), and a
            due date {DEFAULT_DUE_DAYS[finding.severity]} days from today.
          </p>
          {errors.findingId?.message ? <p className="field-error">{errors.findingId.message}</p> : null}
        </div>
      ) : null}
      <div className="form-grid">
        {finding ? null : (
          <Controller
            control={control}
            name="supplierId"
            render={({ field, fieldState }) => (
              <Field label="Supplier" error={fieldState.error?.message}>
                {(controlProps) => (
                  <SupplierPicker
                    {...controlProps}
                    ref={field.ref}
                    value={field.value ?? null}
                    onChange={(id) => field.onChange(id ?? undefined)}
                    onBlur={field.onBlur}
                    placeholder="Search suppliers"
                    clearLabel="Clear supplier"
                  />
                )}
              </Field>
            )}
          />
        )}
        <TextField
          label={finding ? 'Title (optional)' : 'Title'}
          autoComplete="off"
          maxLength={200}
          className="field-wide"
          error={errors.title?.message}
          {...register('title', { setValueAs: emptyAsUndefined })}
        />
        <Field label="Description (optional)" error={errors.description?.message} className="field-wide">
          {(controlProps) => (
            <textarea
              className="input textarea"
              rows={4}
              maxLength={5000}
              {...register('description', { setValueAs: emptyAsUndefined })}
              {...controlProps}
            />
          )}
        </Field>
        {finding ? null : (
          <SelectField
            label="Severity"
            options={[{ value: '', label: 'Choose…' }, ...SEVERITY_OPTIONS]}
            error={errors.severity?.message}
            {...register('severity', { setValueAs: emptyAsUndefined })}
          />
        )}
        <SelectField
          label="Owner (optional)"
          options={[{ value: '', label: 'Unassigned' }, ...owners.options]}
          hint="Reminded by e-mail when it is overdue."
          error={errors.ownerId?.message}
          {...register('ownerId', { setValueAs: (v) => (v === '' ? null : v) })}
        />
        <TextField
          label={finding ? 'Due date (optional)' : 'Due date'}
          type="date"
          error={errors.dueDate?.message}
          {...register('dueDate', { setValueAs: emptyAsUndefined })}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" {...register('supplierVisible')} />
        Share with the supplier: it sees the task through its portal link, and may comment, upload evidence
        and mark it done
      </label>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={isSubmitting}>
          Create task
        </Button>
        <Button onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
