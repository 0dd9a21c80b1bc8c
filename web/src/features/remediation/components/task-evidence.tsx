import { useId } from 'react';
import type { TaskEvidenceFile } from '#shared/schemas/tasks.js';
import { formatBytes, formatDateTime } from '../../../lib/format.js';
import type { UploadProgress } from '../../../lib/upload.js';
import { FileUploadStatus, useFileUpload } from '../../../lib/use-file-upload.js';
import { actorName } from './task-thread.js';

/** What the server accepts (it judges the content; this only narrows the file picker). */
const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.webp,.heic,.doc,.docx,.xls,.xlsx,.txt,.csv,application/pdf,image/*,text/plain,text/csv';

export interface TaskEvidenceLabels {
  title: string;
  empty: string;
  upload: string;
  uploading: (name: string) => string;
  notUploaded: (name: string) => string;
  sha: string;
}

const EN: TaskEvidenceLabels = {
  title: 'Evidence',
  empty: 'No files yet.',
  upload: 'Add a file',
  uploading: (name) => `Uploading ${name}:`,
  notUploaded: (name) => `${name} was not uploaded.`,
  sha: 'SHA-256',
};

/**
 * A task's evidence: each file with who gave it, when, its size and its SHA-256 (so a downloaded copy can
 * be checked against what was received), and an upload with progress. Shared by the dashboard and the
 * portal, which give their own download address and upload call.
 */
export function TaskEvidence({
  files,
  downloadUrl,
  upload,
  canAdd,
  labels = EN,
}: {
  files: readonly TaskEvidenceFile[];
  downloadUrl: (file: TaskEvidenceFile) => string;
  upload: (file: File, onProgress: (p: UploadProgress) => void) => Promise<unknown>;
  canAdd: boolean;
  labels?: TaskEvidenceLabels;
}) {
  const id = useId();
  const { input, progress, error, send } = useFileUpload(upload, labels.notUploaded);

  return (
    <section className="task-evidence" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        {labels.title} ({files.length})
      </h2>
      {files.length === 0 ? (
        <p className="muted">{labels.empty}</p>
      ) : (
        <ul className="evidence-list">
          {files.map((f) => (
            <li key={f.id} className="evidence-item">
              <a href={downloadUrl(f)} className="evidence-name" rel="noreferrer" download={f.fileName}>
                {f.fileName}
              </a>
              <span className="cell-sub muted">
                {formatBytes(f.size)} · {actorName(f.uploadedBy)} ·{' '}
                <time dateTime={f.createdAt}>{formatDateTime(f.createdAt)}</time>
              </span>
              <span className="cell-sub evidence-sha">
                {labels.sha} <code className="code-inline">{f.sha256}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <div className="evidence-upload">
          <label className="field-label" htmlFor={`${id}-file`}>
            {labels.upload}
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            className="file-input"
            type="file"
            accept={ACCEPT}
            disabled={progress !== null}
            aria-describedby={`${id}-status`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
        </div>
      ) : null}
      <FileUploadStatus
        id={`${id}-status`}
        progress={progress}
        error={error}
        uploading={labels.uploading}
        progressClass="evidence-progress"
      />
    </section>
  );
}
