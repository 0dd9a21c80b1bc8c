import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import {
  type Policy,
  type PolicyDocument,
  type PolicyDocumentInput,
  PolicyDocumentSchema,
  PolicySchema,
} from '#shared/schemas/policy.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { EditConflictAlert } from '../../../components/ui/edit-conflict-alert.js';
import { Field } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { useEditConflict } from '../../../lib/edit-conflict.js';
import { LeaveWithoutSavingDialog, useUnsavedChangesGuard } from '../../../lib/use-unsaved-changes-guard.js';
import { useStorePolicy, useUpdatePolicy } from '../api.js';
import { describePath, parseIssuePath } from '../lib/policy-paths.js';
import { applyPolicyIssues } from '../lib/server-issues.js';
import { CriteriaFields, RedFlagFields } from './form-criteria-fields.js';
import { InherentFields } from './form-inherent-fields.js';
import { NumberField, TextInput } from './form-inputs.js';
import { type ParameterRow, ParameterTable } from './form-parameter-table.js';
import { QuestionnaireFields } from './form-questionnaire-fields.js';
import { UnknownDataFields } from './form-unknown-data-fields.js';
import { RatingBandsBar } from './rating-bands-bar.js';

// An emptied number box reaches the schema as NaN; say what to do rather than "expected number, received NaN".
const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.expected === 'number' ? 'Enter a number' : undefined;
const resolver = zodResolver(PolicyDocumentSchema, { error: errorMap });

const PARAMETERS: ParameterRow[] = [
  {
    name: 'residual.maxReduction',
    label: 'Maximum reduction by controls',
    hint: '0–1. Residual = inherent × (1 − this × control effectiveness / 100).',
  },
  {
    name: 'evidenceWeighting.evidenceBacked',
    label: 'Evidence-backed answers count for',
    hint: '0–1 of their points, above 0.',
  },
  {
    name: 'evidenceWeighting.selfDeclared',
    label: 'Self-declared answers count for',
    hint: '0–1 of their points, no more than evidence-backed answers.',
  },
  {
    name: 'confidence.referenceDataWeight',
    label: 'Confidence: weight of reference-data coverage',
    hint: 'The two confidence weights add up to 1.',
  },
  { name: 'confidence.answersWeight', label: 'Confidence: weight of answer coverage' },
  {
    name: 'reassessmentMonths',
    label: 'Reassessment interval (months)',
    hint: 'Whole months, 1–60.',
    step: '1',
  },
];

function RatingBandsPreview() {
  const bands = useWatch<PolicyDocumentInput, 'ratingBands'>({ name: 'ratingBands' });
  const ok =
    [bands.medium, bands.high, bands.critical].every(Number.isFinite) &&
    bands.medium < bands.high &&
    bands.high < bands.critical;
  return ok ? <RatingBandsBar bands={bands} /> : null;
}

function Section({ title, lead, children }: { title: string; lead?: string; children: React.ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{title}</legend>
      {lead ? <p className="muted section-lead">{lead}</p> : null}
      {children}
    </fieldset>
  );
}

/** Every number of a draft policy, validated by the shared PolicyDocumentSchema before anything is sent. */
export function PolicyForm({ policy }: { policy: Policy }) {
  const update = useUpdatePolicy(policy.id);
  const storePolicy = useStorePolicy();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<PolicyDocumentInput, unknown, PolicyDocument>({
    resolver,
    defaultValues: policy.document,
  });
  const {
    handleSubmit,
    reset,
    setError,
    getValues,
    formState: { isDirty, isSubmitting },
  } = form;
  const blocker = useUnsavedChangesGuard(isDirty && !isSubmitting);
  // The draft as this edit loaded it: its revision goes with the save, and a 409 is offered to merge.
  const edit = useEditConflict({
    record: policy,
    schema: PolicySchema,
    form,
    toValues: (p: Policy): PolicyDocumentInput => p.document,
    onLatest: storePolicy,
  });

  const onSubmit = handleSubmit(
    async (document) => {
      setFormError(null);
      setSaved(false);
      try {
        const next = await update.mutateAsync({
          changes: { name: document.name, document },
          revision: (edit.base ?? policy).revision,
        });
        edit.saved(next);
        reset(next.document);
        setSaved(true);
      } catch (error) {
        if (edit.catchConflict(error)) return;
        setFormError(applyPolicyIssues(error, setError, getValues()));
      }
    },
    () => {
      setSaved(false);
      setFormError('Some values need attention: see the highlighted boxes. Nothing was saved.');
    },
  );

  return (
    <FormProvider {...form}>
      <form className="form policy-form" onSubmit={onSubmit} noValidate aria-label="Edit draft policy">
        <Section title="Name and description">
          <TextInput name="name" label="Name" />
          <Field label="Description (optional)" error={form.formState.errors.description?.message}>
            {(control) => (
              <textarea className="input textarea" rows={3} {...form.register('description')} {...control} />
            )}
          </Field>
        </Section>

        <Section
          title="Rating bands"
          lead="The lowest residual risk of each rating; below the medium threshold a supplier is rated low."
        >
          <div className="number-grid">
            {(['medium', 'high', 'critical'] as const).map((band) => (
              <NumberField
                key={band}
                name={`ratingBands.${band}`}
                label={describePath(['ratingBands', band], [])}
              />
            ))}
          </div>
          <RatingBandsPreview />
        </Section>

        <UnknownDataFields />

        <Section
          title="Inherent risk"
          lead="Points each value earns. Unknown data must earn more than the lowest-risk value, and a riskier band cannot earn fewer points than the band before it."
        >
          <InherentFields />
        </Section>

        <Section
          title="Control effectiveness"
          lead="Relative weights: they need not add up to 100, but at least one must be above 0."
        >
          <CriteriaFields />
        </Section>

        <Section
          title="Red flags"
          lead="An accepted answer raising a red flag sets the rating to at least this."
        >
          <RedFlagFields />
        </Section>

        <Section title="Residual risk, evidence and confidence">
          <ParameterTable
            caption="Residual risk, evidence and confidence"
            valueHeading="Value"
            rows={PARAMETERS}
          />
        </Section>

        <QuestionnaireFields />

        <div className="form-actions policy-form-actions">
          <FormAlert message={formError} />
          <EditConflictAlert
            noun="policy draft"
            conflict={edit.conflict}
            reapplied={edit.reapplied}
            onKeepMine={edit.keepMine}
            onDiscardMine={edit.discardMine}
            describeField={(path) => describePath(parseIssuePath(path), [getValues()])}
          />
          {saved && !isDirty ? (
            <Alert tone="success" className="policy-form-saved">
              Draft saved. Nothing is rescored until the draft is published.
            </Alert>
          ) : null}
          <div className="button-row">
            <Button type="submit" variant="primary" busy={isSubmitting}>
              Save draft
            </Button>
            <Button
              onClick={() => {
                reset();
                setFormError(null);
              }}
              disabled={!isDirty || isSubmitting}
            >
              Discard changes
            </Button>
            <span className="muted" aria-live="polite">
              {isDirty ? 'Unsaved changes' : null}
            </span>
          </div>
        </div>
      </form>
      <LeaveWithoutSavingDialog blocker={blocker} what="this draft" />
    </FormProvider>
  );
}
