import { useEffect, useRef, useState } from 'react';
import { Controller, type FieldError, get, useFormContext, useWatch } from 'react-hook-form';
import {
  DEFAULT_ANSWER_VALIDITY_MONTHS,
  DEFAULT_RECURRENCE_LEAD_DAYS,
} from '#shared/domain/questionnaires/schedule.js';
import { DEFAULT_POLICY } from '#shared/domain/scoring/default-policy.js';
import type { PolicyDocumentInput, QuestionnaireSchedule } from '#shared/schemas/policy.js';
import { Field } from '../../../components/ui/field.js';
import { NumberField } from './form-inputs.js';

/** Where a custom schedule starts: the one a new policy ships with. */
const STARTING_SCHEDULE: QuestionnaireSchedule = DEFAULT_POLICY.questionnaireSchedule ?? {
  reminderDaysBefore: [7, 3, 1],
  overdueEveryDays: 7,
  overdueMaxReminders: 4,
  recurrenceLeadDays: DEFAULT_RECURRENCE_LEAD_DAYS,
};

/** "7, 3, 1" ↔ [7, 3, 1]; a word that is not a number becomes NaN, which the schema reports as "Enter a number". */
const parseDays = (text: string): number[] =>
  text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((word) => (/^-?\d+(\.\d+)?$/.test(word) ? Number(word) : Number.NaN));
const formatDays = (days: readonly number[] | undefined) => (days ?? []).join(', ');
const sameDays = (a: readonly number[], b: readonly number[] | undefined) =>
  a.length === (b?.length ?? 0) && a.every((n, i) => Object.is(n, b?.[i]));

const DAYS_NAME = 'questionnaireSchedule.reminderDaysBefore' as const;

/**
 * The days before the due date on which a reminder goes out, typed as a list ("7, 3, 1"). The text is kept as
 * typed (a trailing comma must survive a keystroke) and re-read from the form when the form changes it (reset).
 * The list's own errors and each day's are shown under the box, the day named by its place in the list.
 */
function ReminderDaysField() {
  const {
    control,
    formState: { errors },
  } = useFormContext<PolicyDocumentInput>();
  const listError = get(errors, DAYS_NAME) as
    | (FieldError & { root?: FieldError } & Record<number, FieldError | undefined>)
    | undefined;
  const dayErrors = Array.isArray(listError)
    ? listError.flatMap((e: FieldError | undefined, i) => (e?.message ? [`Day ${i + 1}: ${e.message}`] : []))
    : [];
  const message =
    [listError?.root?.message ?? (Array.isArray(listError) ? undefined : listError?.message), ...dayErrors]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <Controller
      control={control}
      name={DAYS_NAME}
      render={({ field }) => (
        <DaysInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={message} />
      )}
    />
  );
}

function DaysInput({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: number[] | undefined;
  onChange: (days: number[]) => void;
  onBlur: () => void;
  error: string | undefined;
}) {
  const [text, setText] = useState(() => formatDays(value));
  const typed = useRef(parseDays(text));
  useEffect(() => {
    if (!sameDays(typed.current, value)) {
      typed.current = value ?? [];
      setText(formatDays(value));
    }
  }, [value]);
  return (
    <Field
      label="Reminders before the due date (days)"
      hint="Days before the due date, separated by commas, e.g. 7, 3, 1; at most 10. Leave empty for none."
      error={error}
      className="field-days"
    >
      {(controlProps) => (
        <input
          className="input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            typed.current = parseDays(event.target.value);
            onChange(typed.current);
          }}
          onBlur={onBlur}
          {...controlProps}
        />
      )}
    </Field>
  );
}

/**
 * A setting the policy may leave out (then the engine's default applies). "Use the default" removes it from
 * the document, so a policy that never set it keeps its stored form (and hash); unticking starts from `start`.
 */
type OptionalName = 'answerValidityMonths' | 'questionnaireSchedule';

function OptionalSetting({
  name,
  legend,
  defaultText,
  start,
  children,
}: {
  name: OptionalName;
  legend: string;
  defaultText: string;
  start: NonNullable<PolicyDocumentInput[OptionalName]>;
  children: React.ReactNode;
}) {
  const { setValue, getValues, unregister } = useFormContext<PolicyDocumentInput>();
  // One setter for either setting: the two names have different value types, which a generic cannot narrow.
  const setSetting = setValue as (n: OptionalName, v: unknown, o: { shouldDirty: boolean }) => void;
  const value = useWatch<PolicyDocumentInput, OptionalName>({ name });
  const usesDefault = value === undefined;
  // What was set before "Use the default" was ticked, so ticking and unticking gives it back.
  const lastSet = useRef<unknown>(value);
  return (
    <fieldset className="form-section factor-fieldset optional-setting">
      <legend className="form-section-title">{legend}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={usesDefault}
          onChange={(event) => {
            if (event.target.checked) {
              lastSet.current = getValues(name);
              setSetting(name, undefined, { shouldDirty: true });
              // Drop the key itself (not just its value), so a policy that never had it is not dirty again,
              // and clear its errors: the default cannot be wrong.
              unregister(name, { keepDefaultValue: true });
            } else {
              setSetting(name, lastSet.current ?? structuredClone(start), { shouldDirty: true });
            }
          }}
        />
        Use the default
      </label>
      <p className="field-hint optional-setting-default">{defaultText}</p>
      {usesDefault ? null : children}
    </fieldset>
  );
}

/**
 * How long accepted answers count and when open questionnaires are chased: `answerValidityMonths` and
 * `questionnaireSchedule`, both optional in the policy (absent = the defaults described here).
 */
export function QuestionnaireFields() {
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">Questionnaires</legend>
      <p className="muted section-lead">
        How long accepted answers count towards a supplier's score, and when suppliers are reminded of an open
        questionnaire. These settings do not change any score until answers expire.
      </p>
      <OptionalSetting
        name="answerValidityMonths"
        legend="Answer validity"
        defaultText={`Default: accepted answers count for ${DEFAULT_ANSWER_VALIDITY_MONTHS} months; then they expire and the supplier is scored as unanswered until new answers are accepted.`}
        start={DEFAULT_ANSWER_VALIDITY_MONTHS}
      >
        <div className="number-grid">
          <NumberField
            name="answerValidityMonths"
            label="Accepted answers count for (months)"
            hint="Whole months, 1–60."
            step="1"
            min={1}
            max={60}
          />
        </div>
      </OptionalSetting>
      <OptionalSetting
        name="questionnaireSchedule"
        legend="Reminders and re-sending"
        defaultText={`Default: no reminders are sent; a recurring questionnaire is sent again ${DEFAULT_RECURRENCE_LEAD_DAYS} days before it is due.`}
        start={STARTING_SCHEDULE}
      >
        <div className="number-grid questionnaire-schedule-grid">
          <ReminderDaysField />
          <NumberField
            name="questionnaireSchedule.overdueEveryDays"
            label="When overdue, remind every (days)"
            hint="The first overdue reminder goes out the day after the due date. 1–90."
            step="1"
            min={1}
            max={90}
          />
          <NumberField
            name="questionnaireSchedule.overdueMaxReminders"
            label="Overdue reminders, at most"
            hint="0 = none once overdue. 0–52."
            step="1"
            min={0}
            max={52}
          />
          <NumberField
            name="questionnaireSchedule.recurrenceLeadDays"
            label="Send recurring questionnaires again (days before due)"
            hint="How early the next round of a recurring questionnaire goes out. 0–180."
            step="1"
            min={0}
            max={180}
          />
        </div>
      </OptionalSetting>
    </fieldset>
  );
}
