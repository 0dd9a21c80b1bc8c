import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { type AuditQuery, AuditQuerySchema } from '#shared/schemas/audit.js';
import { Button } from '../../../components/ui/button.js';
import { SelectField, type SelectOption, TextField } from '../../../components/ui/field.js';
import type { SearchChanges } from '../../../lib/use-search-state.js';
import { ACTION_LABELS, ENTITY_TYPE_LABELS } from './audit-labels.js';

// Text filters come from the API's own query schema; the two date boxes are the browser's date inputs
// (empty or YYYY-MM-DD) and become the API's from/to instants on submit.
const AuditFilterFormSchema = AuditQuerySchema.pick({ action: true, entityType: true, entity: true })
  .extend({ fromDate: z.string(), toDate: z.string() })
  .refine((v) => !v.fromDate || !v.toDate || v.fromDate <= v.toDate, {
    message: 'The end date must be on or after the start date',
    path: ['toDate'],
  });
type AuditFilterForm = z.output<typeof AuditFilterFormSchema>;

const withAny = (label: string, labels: Record<string, string>): SelectOption[] => [
  { value: '', label },
  ...Object.entries(labels).map(([value, text]) => ({ value, label: text })),
];
const ACTION_OPTIONS = withAny('Any action', ACTION_LABELS);
const ENTITY_OPTIONS = withAny('Any type', ENTITY_TYPE_LABELS);

const pad = (n: number) => String(n).padStart(2, '0');
/** The person's own calendar day: an ISO instant shown as a local YYYY-MM-DD. */
const toLocalDate = (iso: string | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const startOfLocalDay = (date: string) => new Date(`${date}T00:00:00`).toISOString();
const endOfLocalDay = (date: string) => new Date(`${date}T23:59:59.999`).toISOString();

export interface AuditFiltersProps {
  query: AuditQuery;
  onApply: (changes: SearchChanges) => void;
}

/** Remount it (key) when the URL changes from outside, so the boxes show the filters in force. */
export function AuditFilters({ query, onApply }: AuditFiltersProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof AuditFilterFormSchema>, unknown, AuditFilterForm>({
    resolver: zodResolver(AuditFilterFormSchema),
    defaultValues: {
      action: query.action ?? '',
      entityType: query.entityType ?? '',
      entity: query.entity ?? '',
      fromDate: toLocalDate(query.from),
      toDate: toLocalDate(query.to),
    },
  });

  const apply = handleSubmit((values) =>
    onApply({
      action: values.action,
      entityType: values.entityType,
      entity: values.entity,
      from: values.fromDate ? startOfLocalDay(values.fromDate) : undefined,
      to: values.toDate ? endOfLocalDay(values.toDate) : undefined,
      offset: undefined,
    }),
  );

  const clear = () =>
    onApply({
      action: undefined,
      entityType: undefined,
      entityId: undefined,
      entity: undefined,
      from: undefined,
      to: undefined,
      offset: undefined,
    });

  return (
    <form className="filters" onSubmit={apply} noValidate aria-label="Filter audit events">
      <SelectField
        label="Action"
        options={ACTION_OPTIONS}
        error={errors.action?.message}
        {...register('action')}
      />
      <SelectField
        label="Entity type"
        options={ENTITY_OPTIONS}
        error={errors.entityType?.message}
        {...register('entityType')}
      />
      <TextField
        label="Entity name"
        placeholder="e.g. a supplier's name"
        error={errors.entity?.message}
        {...register('entity')}
      />
      <TextField label="From" type="date" error={errors.fromDate?.message} {...register('fromDate')} />
      <TextField label="To" type="date" error={errors.toDate?.message} {...register('toDate')} />
      <div className="filters-actions">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        <Button onClick={clear}>Clear</Button>
      </div>
    </form>
  );
}
