import { formatBytes, formatInteger } from '../../../lib/format.js';
import type { UploadProgress } from '../../../lib/upload.js';

export interface UploadStatusProps {
  fileName: string;
  progress: UploadProgress | null;
  /** Rows counted in the browser, once known. */
  rows: number | null;
  /** What the server does once the file is up, e.g. "Validating" or "Importing". */
  verb: string;
}

const STEP_PERCENT = 10;

/** Upload progress, then the server's part; announced in 10 % steps so screen readers are not flooded. */
export function UploadStatus({ fileName, progress, rows, verb }: UploadStatusProps) {
  const total = progress?.total ?? 0;
  const loaded = progress?.loaded ?? 0;
  const uploading = total > 0 && loaded < total;
  const percent = total > 0 ? Math.floor((loaded / total) * 100) : 0;
  const serverText = `${verb} ${rows === null ? 'the' : formatInteger(rows)} ${rows === 1 ? 'row' : 'rows'}…`;
  return (
    <div className="upload-status">
      {uploading ? (
        <>
          <progress className="progress" value={loaded} max={total} aria-label={`Uploading ${fileName}`} />
          <p aria-hidden="true">
            Uploading {fileName}: {percent}% ({formatBytes(loaded)} of {formatBytes(total)})
          </p>
        </>
      ) : (
        <>
          <progress className="progress" aria-label={serverText} />
          <p aria-hidden="true">{serverText}</p>
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {uploading ? `Uploading: ${Math.floor(percent / STEP_PERCENT) * STEP_PERCENT}%` : serverText}
      </p>
    </div>
  );
}
