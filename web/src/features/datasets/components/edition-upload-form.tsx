import { zodResolver } from '@hookform/resolvers/zod';
import { type ChangeEvent, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  EDITION_MAX_BYTES,
  type EditionUploadFields,
  EditionUploadFieldsSchema,
  KIND_LABELS,
  LOADABLE_KINDS,
} from '#shared/schemas/datasets.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { SelectField, TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { formatBytes } from '../../../lib/format.js';
import { useUploadEdition } from '../api.js';
import { EditionDiffView, EditionIssuesTable } from './edition-result.js';

const FIELDS = ['kind', 'edition', 'publisher', 'url', 'publishedOn'] as const;
const KIND_OPTIONS = LOADABLE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));

/** Loads a new edition (administrators): provenance, the file, then its row errors or its diff. */
export function EditionUploadForm() {
  const upload = useUploadEdition();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm<z.input<typeof EditionUploadFieldsSchema>, unknown, EditionUploadFields>({
    resolver: zodResolver(EditionUploadFieldsSchema),
    defaultValues: { kind: 'ilab', edition: '', publisher: '', url: '', publishedOn: '' },
  });
  const { register, formState } = form;
  const { formError, onSubmit } = useServerSubmit(form, FIELDS, async (fields) => {
    if (!file) {
      setFileError('Choose the CSV or XLSX file of the edition');
      return;
    }
    await upload.mutateAsync({ fields, file });
  });
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0] ?? null;
    setFile(chosen);
    setFileError(
      chosen && chosen.size > EDITION_MAX_BYTES
        ? `The file is ${formatBytes(chosen.size)}; at most ${formatBytes(EDITION_MAX_BYTES)} is accepted`
        : null,
    );
  };
  const result = upload.data;
  return (
    <section className="panel edition-upload" aria-labelledby="upload-edition-title">
      <h2 className="panel-title" id="upload-edition-title">
        Load a new edition
      </h2>
      <p className="muted">
        A CSV in the format of the shipped file (same column names), or an XLSX workbook with those columns on
        its first sheet. Nothing is scored with it until you put it in a policy draft and publish that draft.
      </p>
      <form onSubmit={onSubmit} noValidate className="form-grid">
        <FormAlert message={formError} />
        <SelectField
          label="Dataset"
          options={KIND_OPTIONS}
          error={formState.errors.kind?.message}
          {...register('kind')}
        />
        <TextField
          label="Edition (year)"
          inputMode="numeric"
          error={formState.errors.edition?.message}
          {...register('edition')}
        />
        <TextField label="Publisher" error={formState.errors.publisher?.message} {...register('publisher')} />
        <TextField
          label="Publication URL"
          type="url"
          error={formState.errors.url?.message}
          {...register('url')}
        />
        <TextField
          label="Publication date"
          type="date"
          error={formState.errors.publishedOn?.message}
          {...register('publishedOn')}
        />
        <div className={`field${fileError ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor={fileId}>
            File (CSV or XLSX)
          </label>
          <input
            id={fileId}
            className="input"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFile}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
          />
          {fileError ? (
            <p className="field-error" id={`${fileId}-error`}>
              {fileError}
            </p>
          ) : null}
        </div>
        <div>
          <Button type="submit" variant="primary" disabled={formState.isSubmitting || Boolean(fileError)}>
            {formState.isSubmitting ? 'Checking…' : 'Check and load'}
          </Button>
        </div>
      </form>
      {result && !result.accepted ? (
        <Alert tone="error" title="The file has problems">
          <EditionIssuesTable issues={result.issues} total={result.issuesTotal} />
        </Alert>
      ) : null}
      {result?.accepted && result.edition && result.diff ? (
        <Alert
          tone="success"
          title={`${result.edition.dataset.shortName} ${result.edition.edition} loaded (${result.rows} rows)`}
        >
          <EditionDiffView diff={result.diff} />
          <p>Put it in a policy draft from its card above, then run the draft's what-if before publishing.</p>
        </Alert>
      ) : null}
    </section>
  );
}
