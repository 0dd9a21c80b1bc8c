import { type ChangeEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { isApiError } from '../../../lib/api-client.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatBytes, formatInteger } from '../../../lib/format.js';
import { countDataRows, type UploadProgress } from '../../../lib/upload.js';
import { RescoreProgress } from '../../policies/components/rescore-progress.js';
import { TEMPLATE_CSV_URL, useCommitImport, usePreviewImport } from '../api.js';
import { ImportColumns } from '../components/import-columns.js';
import { ImportPreviewView } from '../components/import-preview.js';
import { ImportSteps } from '../components/import-steps.js';
import { UploadStatus } from '../components/upload-status.js';
import '../supplier-import.css';

/** The server refuses larger uploads (413); checking first saves uploading 100 MB to be told so. */
const MAX_BYTES = 32 * 1024 * 1024;

/** A failed upload's message, with the server's per-row issues ("row 12: country") listed under it. */
function UploadError({ error, title }: { error: unknown; title: string }) {
  const issues = isApiError(error) ? error.issues : [];
  return (
    <Alert tone="error" title={title}>
      <p>{describeError(error)}</p>
      {issues.length > 0 ? (
        <ul className="plain-list">
          {issues.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id; their order is stable
            <li key={index}>
              {issue.path ? <strong>{issue.path}: </strong> : null}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

export function SupplierImportPage() {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const preview = usePreviewImport();
  const commit = useCommitImport();
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [rows, setRows] = useState<number | null>(null);
  // The background assessment of a large import, once its progress panel is closed.
  const [dismissedJob, setDismissedJob] = useState<string | null>(null);

  const startOver = () => {
    preview.reset();
    commit.reset();
    setFile(null);
    setTooLarge(null);
    setProgress(null);
    setRows(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    preview.reset();
    commit.reset();
    setProgress(null);
    setRows(null);
    setTooLarge(null);
    if (!chosen) {
      setFile(null);
      return;
    }
    if (chosen.size > MAX_BYTES) {
      setFile(null);
      setTooLarge(chosen);
      return;
    }
    setFile(chosen);
    void countDataRows(chosen).then(setRows);
    preview.mutate({ file: chosen, onProgress: setProgress });
  };

  const onCommit = () => {
    if (!file) return;
    setProgress(null);
    commit.mutate({ file, onProgress: setProgress });
  };

  const step = commit.isIdle ? (preview.isSuccess ? 2 : 1) : 3;
  const ready =
    preview.data && preview.data.errorCount === 0 && preview.data.create + preview.data.update > 0;
  const commitBlockedReason = !preview.data
    ? null
    : preview.data.errorCount > 0
      ? 'Fix the problems in the file first: nothing is imported while any row has an error.'
      : preview.data.create + preview.data.update === 0
        ? 'Nothing to import: every row matches the register already.'
        : null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/suppliers">Suppliers</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Import</span>
      </nav>
      <PageHeader
        title="Import suppliers from CSV"
        description="Add and update many suppliers at once. You see what would change before anything is saved."
      />
      <ImportSteps current={step} />

      {step === 1 ? (
        <section className="panel" aria-labelledby="choose-title">
          <h2 className="panel-title" id="choose-title">
            Choose a CSV file
          </h2>
          <ul className="feature-list">
            <li>
              One row per production site. <code className="code">external_ref</code> is the key: a row whose
              reference is already in the register updates that supplier, a new reference adds one.
            </li>
            <li>
              Importing the same file again changes nothing. Columns left out of the file are not changed.
            </li>
            <li>
              Required: <code className="code">external_ref</code>, <code className="code">name</code>,{' '}
              <code className="code">country</code>, <code className="code">tier</code>. Save as CSV (UTF-8),
              not as an Excel workbook; at most 32 MB.
            </li>
          </ul>
          <p>
            <a href={TEMPLATE_CSV_URL} download>
              Download the template
            </a>{' '}
            with the header and two example rows, or re-import an export of the register.
          </p>
          <ImportColumns />
          <div className="field file-field">
            <label className="field-label" htmlFor={inputId}>
              CSV file
            </label>
            <input
              ref={inputRef}
              id={inputId}
              className="file-input"
              type="file"
              accept=".csv,text/csv"
              disabled={preview.isPending}
              onChange={onChoose}
            />
          </div>
          {preview.isPending && file ? (
            <UploadStatus fileName={file.name} progress={progress} rows={rows} verb="Validating" />
          ) : null}
          {tooLarge ? (
            <Alert tone="error" title="The file is too large">
              {tooLarge.name} is {formatBytes(tooLarge.size)}; the limit is 32 MB. Split it into several files
              and import them one after another.
            </Alert>
          ) : null}
          {preview.isError ? (
            <UploadError error={preview.error} title="The file could not be checked" />
          ) : null}
        </section>
      ) : null}

      {step === 2 && preview.data ? (
        <section className="panel" aria-labelledby="review-title">
          <h2 className="panel-title" id="review-title">
            Review {preview.data.fileName}
          </h2>
          <ImportPreviewView preview={preview.data} />
          <div className="form-actions">
            <Button
              variant="primary"
              disabled={!ready}
              onClick={onCommit}
              aria-describedby={commitBlockedReason ? 'commit-blocked' : undefined}
            >
              {ready
                ? `Import ${formatInteger(preview.data.create + preview.data.update)} ${preview.data.create + preview.data.update === 1 ? 'change' : 'changes'}`
                : 'Import'}
            </Button>
            <Button onClick={startOver}>Choose another file</Button>
          </div>
          {commitBlockedReason ? (
            <p className="muted" id="commit-blocked">
              {commitBlockedReason}
            </p>
          ) : null}
        </section>
      ) : null}

      {step === 3 ? (
        <section className="panel" aria-labelledby="import-title">
          <h2 className="panel-title" id="import-title">
            {commit.isSuccess ? 'Import finished' : commit.isError ? 'Import failed' : 'Importing'}
          </h2>
          {commit.isPending && file ? (
            <UploadStatus fileName={file.name} progress={progress} rows={rows} verb="Importing" />
          ) : null}
          {commit.isError ? (
            <>
              <UploadError error={commit.error} title="Nothing was imported" />
              <div className="form-actions">
                <Button onClick={startOver}>Choose another file</Button>
              </div>
            </>
          ) : null}
          {commit.data ? (
            <>
              <Alert tone="success" title={`Imported ${commit.data.fileName}`}>
                {formatInteger(commit.data.created)} added, {formatInteger(commit.data.updated)} updated,{' '}
                {formatInteger(commit.data.unchanged)} unchanged, out of {formatInteger(commit.data.rows)}{' '}
                rows.{' '}
                {commit.data.assessJobId
                  ? 'The suppliers added or changed are being assessed in the background: progress below.'
                  : commit.data.assessed > 0
                    ? `${formatInteger(commit.data.assessed)} suppliers added or changed were assessed under the published policy.`
                    : null}
              </Alert>
              {commit.data.assessJobId && commit.data.assessJobId !== dismissedJob ? (
                <RescoreProgress
                  jobId={commit.data.assessJobId}
                  onDismiss={() => setDismissedJob(commit.data?.assessJobId ?? null)}
                />
              ) : null}
              <div className="form-actions">
                <Link className="btn btn-primary" to="/suppliers">
                  View the register
                </Link>
                <Link className="btn btn-secondary" to="/suppliers?unassessed=true">
                  Suppliers never assessed
                </Link>
                <Button onClick={startOver}>Import another file</Button>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
