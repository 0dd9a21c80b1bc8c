import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { type AssignmentCreate, AssignmentCreateSchema } from '#shared/schemas/assignments.js';
import type { TemplateSummary } from '#shared/schemas/templates.js';
import { Alert } from '../../../../components/ui/alert.js';
import { Button } from '../../../../components/ui/button.js';
import { Field, SelectField, TextField } from '../../../../components/ui/field.js';
import { FormAlert } from '../../../../components/ui/form-alert.js';
import { useServerSubmit } from '../../../../lib/form-errors.js';
import { useSendQuestionnaires } from '../../assignments-api.js';
import { TemplatesLoaded } from '../templates-loaded.js';
import { AlreadyOpen } from './already-open.js';
import { Recipients, type SupplierRef } from './recipients.js';
import { RecurrenceField } from './recurrence-field.js';
import { DEFAULT_DUE_DAYS, dayInDays, localDay, sendableTemplates, templateLabel } from './send-defaults.js';
import { SendResult } from './send-result.js';
import '../../assignments.css';

const FIELDS = ['templateId', 'dueDate', 'message', 'supplierIds', 'recurrence'] as const;

export interface SendQuestionnairePanelProps {
  suppliers: readonly SupplierRef[];
  onClose: () => void;
  /** Called once the questionnaires are sent (e.g. to clear the selection they were sent to). */
  onSent?: () => void;
}

/**
 * Sends a published questionnaire to the chosen suppliers, then says what became of each link: e-mailed to
 * the supplier's contact, or handed to the officer (shown once, to copy and pass on).
 */
export function SendQuestionnairePanel({ suppliers, onClose, onSent }: SendQuestionnairePanelProps) {
  const send = useSendQuestionnaires();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Focus follows the panel (opened, then turned into the result), so keyboard and screen reader users land in it.
  const sent = send.data !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves again when the form turns into the result.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [sent]);

  const heading = (text: string) => (
    <h2 className="panel-title" id="send-questionnaire-title" ref={headingRef} tabIndex={-1}>
      {text}
    </h2>
  );

  if (send.data) {
    return (
      <section className="panel send-panel" aria-labelledby="send-questionnaire-title">
        {heading(
          send.data.items.length === 1
            ? 'Questionnaire sent'
            : `Questionnaire sent to ${send.data.items.length} suppliers`,
        )}
        <SendResult items={send.data.items} onClose={onClose} />
      </section>
    );
  }

  return (
    <section className="panel send-panel" aria-labelledby="send-questionnaire-title">
      {heading('Send questionnaire')}
      <TemplatesLoaded>
        {(templates) => {
          const options = sendableTemplates(templates);
          return options.length === 0 ? (
            <>
              <Alert tone="info" title="No questionnaire is published yet">
                Only a published template can be sent, so every answer traces to the exact questions asked.{' '}
                <Link to="/questionnaires/templates">Publish one in Templates</Link>.
              </Alert>
              <Button onClick={onClose}>Close</Button>
            </>
          ) : (
            <SendForm
              suppliers={suppliers}
              templates={options}
              onClose={onClose}
              onSubmit={async (values) => {
                await send.mutateAsync(values);
                onSent?.();
              }}
            />
          );
        }}
      </TemplatesLoaded>
    </section>
  );
}

function SendForm({
  suppliers,
  templates,
  onClose,
  onSubmit,
}: {
  suppliers: readonly SupplierRef[];
  templates: readonly TemplateSummary[];
  onClose: () => void;
  onSubmit: (values: AssignmentCreate) => Promise<void>;
}) {
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof AssignmentCreateSchema>, unknown, AssignmentCreate>({
    resolver: zodResolver(AssignmentCreateSchema),
    defaultValues: {
      templateId: templates[0]?.id ?? '',
      supplierIds: suppliers.map((s) => s.id),
      dueDate: dayInDays(DEFAULT_DUE_DAYS),
      message: '',
      recurrence: null,
    },
  });
  // The selection may change while the form is open (the list stays usable): send to what is ticked now.
  const ids = suppliers.map((s) => s.id).join(',');
  useEffect(() => {
    setValue('supplierIds', ids ? ids.split(',') : [], { shouldValidate: false });
  }, [ids, setValue]);
  const { formError, onSubmit: submit } = useServerSubmit({ handleSubmit, setError }, FIELDS, onSubmit);
  const count = suppliers.length;

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="send-questionnaire-title">
      <FormAlert message={formError} />
      <Recipients suppliers={suppliers} error={errors.supplierIds?.message} />
      <div className="form-grid send-grid">
        <SelectField
          label="Questionnaire"
          hint="Published versions only. Each supplier answers exactly this version, even if a newer one is published later."
          options={templates.map((t) => ({ value: t.id, label: templateLabel(t) }))}
          error={errors.templateId?.message}
          {...register('templateId')}
        />
        <TextField
          label="Due date"
          type="date"
          min={localDay(new Date())}
          hint="The link keeps working for 60 days after it, so a late answer still arrives."
          error={errors.dueDate?.message}
          {...register('dueDate')}
        />
      </div>
      <RecurrenceField
        value={watch('recurrence')}
        onChange={(recurrence) => setValue('recurrence', recurrence, { shouldDirty: true })}
        error={errors.recurrence?.message}
      />
      <AlreadyOpen templateId={watch('templateId')} suppliers={suppliers} />
      <Field
        label="Message to the supplier (optional)"
        hint="Shown above the questionnaire and in the e-mail. At most 2,000 characters."
        error={errors.message?.message}
      >
        {(control) => (
          <textarea
            className="input textarea"
            rows={4}
            maxLength={2000}
            {...register('message')}
            {...control}
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {count === 1 ? 'Send questionnaire' : `Send to ${count} suppliers`}
        </Button>
        <Button onClick={onClose} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
