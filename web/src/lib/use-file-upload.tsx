import { useRef, useState } from 'react';
import { describeError } from './form-errors.js';
import type { UploadProgress } from './upload.js';

interface Shown {
  name: string;
  percent: number;
}

/**
 * One file upload at a time from a file input: its progress (percent, for the <progress> bar), the server's
 * reason when it refuses the file (too large, with the limit; not an accepted type), and the input cleared
 * afterwards so the same file can be chosen again. `send` resolves whatever the upload resolves, or undefined.
 */
export function useFileUpload<T>(
  upload: (file: File, onProgress: (p: UploadProgress) => void) => Promise<T>,
  notUploaded: (fileName: string) => string,
) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File): Promise<T | undefined> => {
    setError(null);
    setProgress({ name: file.name, percent: 0 });
    try {
      return await upload(file, (p) =>
        setProgress({ name: file.name, percent: p.total ? Math.round((100 * p.loaded) / p.total) : 0 }),
      );
    } catch (err) {
      setError(`${notUploaded(file.name)} ${describeError(err)}`);
      return undefined;
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };
  return { input, progress, error, send };
}

/** The upload's live status (announced politely) and its refusal (announced at once). */
export function FileUploadStatus({
  id,
  progress,
  error,
  uploading,
  progressClass,
  errorClass,
}: {
  id: string;
  progress: Shown | null;
  error: string | null;
  uploading: (fileName: string) => string;
  progressClass: string;
  errorClass?: string;
}) {
  return (
    <>
      <div id={id} aria-live="polite">
        {progress ? (
          <div className={progressClass}>
            <span>
              {uploading(progress.name)} {progress.percent}%
            </span>
            <progress max={100} value={progress.percent} aria-label={uploading(progress.name)} />
          </div>
        ) : null}
      </div>
      {error ? (
        <p className={errorClass ? `field-error ${errorClass}` : 'field-error'} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
