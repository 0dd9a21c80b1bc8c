import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type Path, type Resolver, useForm } from 'react-hook-form';
import {
  type Task,
  type TaskDetail,
  TaskSchema,
  type TaskUpdate,
  TaskUpdateSchema,
} from '#shared/schemas/tasks.js';
import { Button } from '../../../components/ui/button.js';
import { EditConflictAlert } from '../../../components/ui/edit-conflict-alert.js';
import { Field, SelectField, TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { useEditConflict } from '../../../lib/edit-conflict.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { taskKeys, useUpdateTask } from '../api.js';
import { SEVERITY_OPTIONS } from '../labels.js';
import { useOwnerOptions } from './pickers.js';

interface FormValues {
  title: string;
  description: string;
  severity: Task['severity'];
  /** '' in the select: nobody. */
  ownerId: string | null;
  dueDate: string;
  supplierVisible: boolean;
}

const FIELDS = [
  'title',
  'description',
  'severity',
  'ownerId',
  'dueDate',
  'supplierVisible',
] as const satisfies readonly Path<FormValues>[];

const FIELD_WORDS: Record<string, string> = {
  title: 'the title',
  description: 'the description',
  severity: 'the severity',
  ownerId: 'the owner',
  dueDate: 'the due date',
  supplierVisible: 'whether the supplier sees it',
};

const toValues = (task: Task): FormValues => ({
  title: task.title,
  description: task.description,
  severity: task.severity,
  ownerId: task.ownerId,
  dueDate: task.dueDate,
  supplierVisible: task.supplierVisible,
});

// The form always holds every field, so the update schema's output is complete; only changed fields are sent.
const resolver = zodResolver(TaskUpdateSchema) as unknown as Resolver<FormValues, unknown, FormValues>;

const changesFrom = (task: Task, values: FormValues): Omit<TaskUpdate, 'revision'> => {
  const before = toValues(task);
  const changes: Record<string, unknown> = {};
  for (const key of FIELDS) if (values[key] !== before[key]) changes[key] = values[key];
  return changes;
};

/**
 * The fields an officer edits (status moves through the transition buttons). Made from the revision it was
 * opened on: when someone else saved meanwhile, the 409 is offered to merge, as in the supplier form.
 */
export function TaskEditForm({ task, onSaved }: { task: TaskDetail; onSaved: (message: string) => void }) {
  const update = useUpdateTask();
  const owners = useOwnerOptions();
  const queryClient = useQueryClient();
  const form = useForm<FormValues, unknown, FormValues>({ resolver, defaultValues: toValues(task) });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const edit = useEditConflict<Task, FormValues>({
    record: task,
    schema: TaskSchema,
    form,
    toValues,
    onLatest: (latest) => {
      queryClient.setQueryData<TaskDetail>(taskKeys.detail(latest.id), (old) =>
        old ? { ...old, ...latest } : old,
      );
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
  // The task moved on under an untouched form (a transition here, a refetch): edit from the newest. With
  // unsaved changes the form keeps its base, and a save meets the 409 merge instead.
  const baseRevision = edit.base?.revision;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new revision should rebase the form
  useEffect(() => {
    if (baseRevision === undefined || task.revision === baseRevision || form.formState.isDirty) return;
    edit.saved(task);
    form.reset(toValues(task));
  }, [task.revision, baseRevision]);
  const { formError, onSubmit } = useServerSubmit(
    { handleSubmit, setError },
    FIELDS,
    async (values) => {
      const base = edit.base ?? task;
      const changes = changesFrom(base, values);
      if (Object.keys(changes).length === 0) {
        onSaved('Nothing to save: no field was changed.');
        return;
      }
      const saved = await update.mutateAsync({ id: base.id, changes, revision: base.revision });
      edit.saved(saved);
      form.reset(toValues(saved));
      onSaved('Changes saved.');
    },
    edit.catchConflict,
  );
  const ownerOptions = [{ value: '', label: 'Unassigned' }, ...owners.options];
  if (task.ownerId && !ownerOptions.some((o) => o.value === task.ownerId))
    ownerOptions.push({ value: task.ownerId, label: task.ownerName ?? 'A former member' });

  return (
    <form className="form task-form" onSubmit={onSubmit} noValidate aria-label="Edit task">
      <FormAlert message={formError} />
      <EditConflictAlert
        noun="task"
        conflict={edit.conflict}
        reapplied={edit.reapplied}
        onKeepMine={edit.keepMine}
        onDiscardMine={edit.discardMine}
        describeField={(path) => FIELD_WORDS[path] ?? path}
      />
      <div className="form-grid">
        <TextField
          label="Title"
          autoComplete="off"
          maxLength={200}
          className="field-wide"
          error={errors.title?.message}
          {...register('title')}
        />
        <Field label="Description" error={errors.description?.message} className="field-wide">
          {(controlProps) => (
            <textarea
              className="input textarea"
              rows={4}
              maxLength={5000}
              {...register('description')}
              {...controlProps}
            />
          )}
        </Field>
        <SelectField
          label="Severity"
          options={SEVERITY_OPTIONS}
          error={errors.severity?.message}
          {...register('severity')}
        />
        <SelectField
          label="Owner"
          options={ownerOptions}
          error={errors.ownerId?.message}
          {...register('ownerId', { setValueAs: (v) => (v === '' || v === null ? null : v) })}
        />
        <TextField label="Due date" type="date" error={errors.dueDate?.message} {...register('dueDate')} />
      </div>
      <label className="checkbox">
        <input type="checkbox" {...register('supplierVisible')} />
        Shared with the supplier through its portal link
      </label>
      {errors.supplierVisible?.message ? (
        <p className="field-error">{errors.supplierVisible.message}</p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={isSubmitting} disabled={!isDirty && !edit.reapplied}>
          Save changes
        </Button>
        <Button onClick={() => form.reset(toValues(edit.base ?? task))} disabled={isSubmitting || !isDirty}>
          Undo changes
        </Button>
      </div>
    </form>
  );
}
