import type { Recurrence } from '#shared/schemas/assignments.js';
import { SelectField } from '../../../../components/ui/field.js';

// The choices an officer makes in practice; the API takes any whole number of months (1–60).
const CHOICES: ReadonlyArray<{ value: string; label: string; recurrence: Recurrence | null }> = [
  { value: 'once', label: 'Once only', recurrence: null },
  {
    value: 'on_expiry',
    label: 'Again before the accepted answers expire',
    recurrence: { kind: 'on_expiry' },
  },
  { value: 'every_6', label: 'Every 6 months', recurrence: { kind: 'every_months', months: 6 } },
  { value: 'every_12', label: 'Every 12 months', recurrence: { kind: 'every_months', months: 12 } },
  { value: 'every_24', label: 'Every 24 months', recurrence: { kind: 'every_months', months: 24 } },
];

const choiceOf = (recurrence: Recurrence | null | undefined): string =>
  CHOICES.find((c) => JSON.stringify(c.recurrence) === JSON.stringify(recurrence ?? null))?.value ?? 'once';

/** Whether the questionnaire is sent again automatically once accepted (the schedule re-sends it). */
export function RecurrenceField({
  value,
  onChange,
  error,
}: {
  value: Recurrence | null | undefined;
  onChange: (recurrence: Recurrence | null) => void;
  error?: string;
}) {
  return (
    <SelectField
      label="Send again"
      hint="Once accepted, it is sent again automatically ahead of its next due date; the scoring policy sets how long answers stay valid and how far ahead."
      options={CHOICES.map(({ value: v, label }) => ({ value: v, label }))}
      value={choiceOf(value)}
      onChange={(event) => onChange(CHOICES.find((c) => c.value === event.target.value)?.recurrence ?? null)}
      error={error}
    />
  );
}
