import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { type TemplateDefinition, TemplateDefinitionSchema } from '#shared/schemas/questionnaires.js';
import { type Template, TemplateSchema } from '#shared/schemas/templates.js';
import { Alert } from '../../../../components/ui/alert.js';
import { Button } from '../../../../components/ui/button.js';
import { EditConflictAlert } from '../../../../components/ui/edit-conflict-alert.js';
import { FormAlert } from '../../../../components/ui/form-alert.js';
import { isApiError } from '../../../../lib/api-client.js';
import { useEditConflict } from '../../../../lib/edit-conflict.js';
import { describeError } from '../../../../lib/form-errors.js';
import { sameValue } from '../../../../lib/merge-edits.js';
import {
  LeaveWithoutSavingDialog,
  useUnsavedChangesGuard,
} from '../../../../lib/use-unsaved-changes-guard.js';
import { useStoreTemplate, useUpdateTemplate } from '../../api.js';
import { describeIssuePath, issueTarget, splitIssuePath } from '../../lib/template-paths.js';
import type { IssueItem } from '../issue-list.js';
import { Tabs } from '../tabs.js';
import { TemplatePreview } from '../template-preview.js';
import { DraftActions } from './draft-actions.js';
import { fieldPath } from './form-types.js';
import { GeneralFields } from './general-fields.js';
import { IssuesPanel } from './issues-panel.js';
import { NameField } from './name-field.js';
import { PolicyKeysProvider } from './policy-keys-provider.js';
import type { GoTo } from './question-editor.js';
import { SectionsFields } from './sections-fields.js';

// An emptied number box reaches the schema as NaN; say what to do rather than "expected number, received NaN".
const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.expected === 'number' ? 'Enter a number' : undefined;
const resolver = zodResolver(TemplateDefinitionSchema, { error: errorMap });

const issuesOf = (error: z.ZodError): IssueItem[] =>
  error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

/**
 * A draft template's builder: the definition in a react-hook-form form checked by the shared
 * TemplateDefinitionSchema, saved with the revision it was loaded at (a stale save is a 409, offered to
 * merge), with what stops publishing listed at the top and a preview of what the supplier will see.
 */
export function TemplateBuilder({ template }: { template: Template }) {
  const update = useUpdateTemplate(template.id);
  const storeTemplate = useStoreTemplate();
  const [tab, setTab] = useState('questions');
  const [goTo, setGoTo] = useState<GoTo | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // Issues found by the last check: the schema's (save refused here), the server's (400) or publishing's (422).
  const [checked, setChecked] = useState<{ title: string; issues: IssueItem[] } | null>(null);
  const form = useForm<TemplateDefinition>({ resolver, defaultValues: template.definition });
  const { handleSubmit, reset, setError, getValues, formState } = form;
  const edit = useEditConflict({
    record: template,
    schema: TemplateSchema,
    form,
    toValues: (t: Template): TemplateDefinition => t.definition,
    onLatest: storeTemplate,
  });
  const current = edit.base ?? template;
  // RHF counts a field that a mounted Controller registered as undefined (an absent help text, condition)
  // as a change against defaults that lack the key; compare the values themselves, as the conflict merge does.
  const dirty = formState.isDirty && !sameValue(getValues(), formState.defaultValues);
  const blocker = useUnsavedChangesGuard(dirty && !formState.isSubmitting);

  const placeIssues = (issues: IssueItem[]) => {
    for (const issue of issues) {
      const name = splitIssuePath(issue.path).join('.');
      if (name) setError(fieldPath(name), { type: 'server', message: issue.message });
    }
  };

  const go = (path: string) => {
    const name = splitIssuePath(path).join('.');
    const target = issueTarget(path);
    setTab('questions');
    if (target.question !== undefined && target.section !== undefined) {
      setGoTo({ section: target.section, question: target.question, path: name, nonce: Date.now() });
      return;
    }
    requestAnimationFrame(() => {
      const el =
        document.querySelector<HTMLElement>(`[name="${name}"], [name^="${name}."]`) ??
        (target.section !== undefined ? document.getElementById(`tpl-section-${target.section}`) : null);
      el?.focus();
    });
  };

  const onSubmit = handleSubmit(
    async (definition) => {
      setFormError(null);
      setSaved(false);
      setChecked(null);
      try {
        const next = await update.mutateAsync({ changes: { definition }, revision: current.revision });
        edit.saved(next);
        reset(next.definition);
        setSaved(true);
      } catch (error) {
        if (edit.catchConflict(error)) return;
        if (isApiError(error) && error.issues.length > 0) {
          setChecked({ title: 'The server refused the draft', issues: error.issues });
          placeIssues(error.issues);
        }
        setFormError(describeError(error));
      }
    },
    () => {
      setSaved(false);
      const parsed = TemplateDefinitionSchema.safeParse(getValues());
      setChecked(
        parsed.success ? null : { title: 'Fix these before saving', issues: issuesOf(parsed.error) },
      );
      setFormError('Some fields need attention: see the list at the top. Nothing was saved.');
    },
  );

  // Read when the preview is open only: watching every keystroke would re-render the whole builder.
  const previewed = tab === 'preview' ? TemplateDefinitionSchema.safeParse(getValues()) : null;
  return (
    <FormProvider {...form}>
      <PolicyKeysProvider>
        <IssuesPanel saved={current.issues} checked={checked} definition={getValues()} onGo={go} />
        <form
          className="form tpl-builder"
          onSubmit={onSubmit}
          noValidate
          aria-label="Edit the draft template"
        >
          <div className="tpl-actions">
            <EditConflictAlert
              noun="template draft"
              conflict={edit.conflict}
              reapplied={edit.reapplied}
              onKeepMine={edit.keepMine}
              onDiscardMine={edit.discardMine}
              describeField={(path) => describeIssuePath(path, getValues())}
            />
            <FormAlert message={formError} />
            {saved && !dirty ? <Alert tone="success">Draft saved.</Alert> : null}
            <div className="button-row">
              <Button type="submit" variant="primary" busy={formState.isSubmitting}>
                Save draft
              </Button>
              <Button onClick={() => reset()} disabled={!dirty || formState.isSubmitting}>
                Discard changes
              </Button>
              <DraftActions
                template={current}
                dirty={dirty}
                onConflict={edit.catchConflict}
                onIssues={(issues) => {
                  setChecked({ title: 'Publishing was refused', issues });
                  placeIssues(issues);
                }}
              />
              <span className="muted" aria-live="polite">
                {dirty ? 'Unsaved changes' : null}
              </span>
            </div>
          </div>
          <Tabs
            label="Template"
            tabs={[
              { id: 'questions', label: 'Questions' },
              { id: 'preview', label: 'Preview' },
            ]}
            active={tab}
            onChange={setTab}
          >
            {tab === 'questions' ? (
              <>
                <NameField
                  name={current.name}
                  onRename={async (name) => {
                    try {
                      // Saved at the builder's revision; the definition on screen stays as it is, unsaved edits too.
                      edit.saved(await update.mutateAsync({ changes: { name }, revision: current.revision }));
                    } catch (error) {
                      if (!edit.catchConflict(error)) throw error;
                    }
                  }}
                />
                <GeneralFields />
                <SectionsFields goTo={goTo} />
              </>
            ) : previewed?.success ? (
              <TemplatePreview definition={previewed.data} />
            ) : (
              <>
                <Alert tone="warning">
                  Some fields are not valid yet, so the preview shows the last saved version.
                </Alert>
                <TemplatePreview definition={current.definition} />
              </>
            )}
          </Tabs>
        </form>
        <LeaveWithoutSavingDialog blocker={blocker} what="this draft" />
      </PolicyKeysProvider>
    </FormProvider>
  );
}
