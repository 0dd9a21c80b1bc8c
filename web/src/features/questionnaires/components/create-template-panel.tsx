import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TemplateCreate, TemplateSummary } from '#shared/schemas/templates.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { TextField } from '../../../components/ui/field.js';
import { isApiError } from '../../../lib/api-client.js';
import { describeError } from '../../../lib/form-errors.js';
import { useCreateTemplate } from '../api.js';
import { IssueList } from './issue-list.js';

/** What the new draft starts from. */
export type CreateSource =
  | { kind: 'default' }
  | { kind: 'version'; base: TemplateSummary }
  | { kind: 'import' };

const TITLES = {
  default: 'New template from the shipped questionnaire',
  version: 'New version',
  import: 'Import a template from JSON',
};

/** An exported file holds the definition; a file with `{ name, definition }` is accepted too. */
const definitionOf = (json: unknown): unknown =>
  typeof json === 'object' && json !== null && 'definition' in json && !('sections' in json)
    ? (json as { definition: unknown }).definition
    : json;

async function readJsonFile(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not a JSON file (it could not be read as JSON).`);
  }
}

/** Asks for a name (and, to import, a file), makes the draft and opens it in the builder. */
export function CreateTemplatePanel({ source, onClose }: { source: CreateSource; onClose: () => void }) {
  const create = useCreateTemplate();
  const navigate = useNavigate();
  const titleId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(source.kind === 'version' ? source.base.name : '');
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<{
    message: string;
    issues: { path: string; message: string }[];
    definition?: unknown;
  } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => nameRef.current?.focus(), []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!name.trim()) return setFailure({ message: 'Give the template a name.', issues: [] });
    let definition: unknown;
    let body: TemplateCreate;
    setBusy(true);
    try {
      if (source.kind === 'import') {
        if (!file) return setFailure({ message: 'Choose the JSON file to import.', issues: [] });
        definition = definitionOf(await readJsonFile(file));
        // The server checks the definition against the shared schema and answers its issues (400).
        body = { name, definition } as TemplateCreate;
      } else if (source.kind === 'version') body = { name, basedOnId: source.base.id };
      else body = { name, from: 'default' };
      const created = await create.mutateAsync(body);
      onClose();
      navigate(`/questionnaires/templates/${created.id}`);
    } catch (error) {
      if (isApiError(error)) setFailure({ message: error.message, issues: error.issues, definition });
      else setFailure({ message: error instanceof Error ? error.message : describeError(error), issues: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 className="panel-title" id={titleId}>
        {TITLES[source.kind]}
        {source.kind === 'version' ? ` of ${source.base.name}` : ''}
      </h2>
      <p className="muted">
        {source.kind === 'import'
          ? 'The file is checked like any edit: it becomes a draft you can review, change and publish.'
          : source.kind === 'version'
            ? `The draft starts as a copy of version ${source.base.version}. Questionnaires already sent keep the version they were sent with.`
            : 'The draft starts with the forced labour and human trafficking self-assessment that ships with Clearsource, in English and Spanish.'}
      </p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={titleId}>
        {failure ? (
          <Alert tone="error" title={failure.issues.length ? 'The template was not created' : undefined}>
            <p>{failure.message}</p>
            {failure.issues.length ? (
              <IssueList issues={failure.issues} definition={failure.definition} />
            ) : null}
          </Alert>
        ) : null}
        <TextField
          ref={nameRef}
          label="Name"
          autoComplete="off"
          hint="For your team; suppliers see the questionnaire's title instead."
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        {source.kind === 'import' ? (
          <div className="field">
            <label className="field-label" htmlFor={`${titleId}-file`}>
              JSON file
            </label>
            <input
              id={`${titleId}-file`}
              className="input"
              type="file"
              accept="application/json,.json"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {source.kind === 'import' ? 'Import as a draft' : 'Make the draft'}
          </Button>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
