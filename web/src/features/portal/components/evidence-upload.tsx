import { useId } from 'react';
import type { EvidenceFile } from '#shared/schemas/evidence.js';
import type { Locale } from '#shared/schemas/questionnaires.js';
import { Button } from '../../../components/ui/button.js';
import { FileUploadStatus, useFileUpload } from '../../../lib/use-file-upload.js';
import { evidenceDownloadUrl, uploadPortalEvidence } from '../api.js';
import { formatBytes } from '../lib/portal-format.js';
import { portalWords } from '../lib/portal-words.js';

/** What the server accepts (it judges the content; this only narrows the phone's file picker). */
const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.webp,.heic,.doc,.docx,.xls,.xlsx,.txt,.csv,application/pdf,image/*,text/plain,text/csv';

interface Props {
  token: string;
  questionId: string;
  files: readonly EvidenceFile[];
  locale: Locale;
  /** The file input's id and description (a file question's label points at it); a new id otherwise. */
  control?: { id: string; describedBy: string | undefined } | undefined;
  label?: string | undefined;
  disabled: boolean;
  /** No more files may be added (a file question's maxFiles). */
  full?: boolean | undefined;
  onUploaded: (file: EvidenceFile) => void;
  onRemove?: ((file: EvidenceFile) => void) | undefined;
}

/**
 * Evidence for one question: choose a file, watch it upload (XMLHttpRequest progress), see the server's
 * reason when it refuses one (too large, not an accepted type), and the files already attached.
 */
export function EvidenceUpload({
  token,
  questionId,
  files,
  locale,
  control,
  label,
  disabled,
  full,
  ...on
}: Props) {
  const w = portalWords(locale);
  const ownId = useId();
  const inputId = control?.id ?? `${ownId}-file`;
  const statusId = `${ownId}-status`;
  const { input, progress, error, send } = useFileUpload(
    (file, onProgress) => uploadPortalEvidence(token, questionId, file, onProgress),
    w.notUploaded,
  );
  const upload = async (file: File) => {
    const stored = await send(file);
    if (stored) on.onUploaded(stored);
  };

  const describedBy = [control?.describedBy, statusId].filter(Boolean).join(' ');
  return (
    <div className="portal-evidence">
      {files.length > 0 ? (
        <ul className="portal-files" aria-label={w.attachedFiles}>
          {files.map((f) => (
            <li key={f.id} className="portal-file">
              <a href={evidenceDownloadUrl(token, f.id)} className="portal-file-name" rel="noreferrer">
                {f.fileName}
              </a>
              <span className="portal-file-size">{formatBytes(f.size)}</span>
              {on.onRemove && !disabled ? (
                <Button size="sm" variant="ghost" onClick={() => on.onRemove?.(f)}>
                  {w.remove}
                  <span className="visually-hidden"> {f.fileName}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {disabled || full ? null : (
        <div className="portal-upload">
          {label ? (
            <label htmlFor={inputId} className="portal-upload-label">
              {label}
            </label>
          ) : null}
          <input
            ref={input}
            id={inputId}
            className="file-input portal-upload-input"
            type="file"
            accept={ACCEPT}
            disabled={progress !== null}
            aria-describedby={describedBy || undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <p className="portal-upload-hint">{w.fileTypes}</p>
        </div>
      )}
      <FileUploadStatus
        id={statusId}
        progress={progress}
        error={error}
        uploading={w.uploading}
        progressClass="portal-progress"
        errorClass="portal-upload-error"
      />
    </div>
  );
}
