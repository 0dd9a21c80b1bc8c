import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { VERIFY_MAX_BYTES, type VerifyReportResponse } from '#shared/schemas/reports.js';
import { ApiError, isApiError } from '../../../lib/api-client.js';
import { formatBytes } from '../../../lib/format.js';
import type { UploadProgress } from '../../../lib/upload.js';
import { FileUploadStatus, useFileUpload } from '../../../lib/use-file-upload.js';
import { verifyReportFile } from '../api.js';
import { VerifyVerdict } from '../components/verify-verdict.js';
import '../../auth/auth.css';
import '../reports.css';

/** The check's refusals in plain words: the person holding a PDF is often not a user of the product. */
const PLAIN_REFUSALS: Partial<Record<number, string>> = {
  413: `The file is larger than ${formatBytes(VERIFY_MAX_BYTES)}, the most the check accepts. Reports issued by Clearsource are much smaller: check that you chose the right file.`,
  415: 'This file is not a PDF. Choose the report’s PDF file (its name ends in .pdf).',
  429: 'Too many checks from your network in a short time. Wait a minute, then try again.',
};

const check = async (file: File, onProgress: (p: UploadProgress) => void) => {
  try {
    return await verifyReportFile(file, onProgress);
  } catch (error) {
    const plain = isApiError(error) ? PLAIN_REFUSALS[error.status] : undefined;
    if (!plain || !isApiError(error)) throw error;
    throw new ApiError({ status: error.status, code: error.code, message: plain });
  }
};

/**
 * `/verify`, public (no account): anyone holding a Clearsource PDF, such as an auditor, learns whether it was
 * issued, by which organisation, what kind and when, and nothing more.
 */
export function VerifyPage() {
  const inputId = useId();
  const [result, setResult] = useState<{ answer: VerifyReportResponse; fileName: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const verdictRef = useRef<HTMLDivElement>(null);
  const upload = useFileUpload(check, (name) => `“${name}” could not be checked.`);

  useEffect(() => {
    document.title = 'Verify a report · Clearsource';
  }, []);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setResult(null);
    const answer = await upload.send(file);
    if (answer) {
      setResult({ answer, fileName: file.name });
      // The verdict is what the person came for: take focus there (it is announced, and Tab continues after).
      requestAnimationFrame(() => verdictRef.current?.focus());
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void send(event.dataTransfer.files[0]);
  };

  return (
    <main className="login-layout verify-layout">
      <div className="login-card verify-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Clearsource
        </div>
        <h1 className="login-title">Verify a report</h1>
        <p className="login-lead">
          Check that a PDF report is genuine: that it was issued through Clearsource and has not been changed
          since. You do not need an account.
        </p>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is an extra; the input inside is the control. */}
        <div
          className={dragging ? 'verify-drop verify-drop-active' : 'verify-drop'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={inputId} className="verify-drop-label">
            Choose the PDF, or drop it here
          </label>
          <input
            ref={upload.input}
            id={inputId}
            type="file"
            accept="application/pdf,.pdf"
            className="verify-input"
            aria-describedby={`${inputId}-hint`}
            disabled={upload.progress !== null}
            onChange={(event) => void send(event.target.files?.[0])}
          />
          <p className="field-hint" id={`${inputId}-hint`}>
            Up to {formatBytes(VERIFY_MAX_BYTES)}. The file is compared with the register and not kept.
          </p>
        </div>
        <FileUploadStatus
          id={`${inputId}-status`}
          progress={upload.progress}
          error={upload.error}
          uploading={(name) => `Checking “${name}”…`}
          progressClass="verify-progress"
        />
        <div ref={verdictRef} tabIndex={-1} className="verify-result" aria-live="polite" aria-atomic="true">
          {result ? <VerifyVerdict result={result.answer} fileName={result.fileName} /> : null}
        </div>
        <p className="login-footnote">
          The check answers only whether this exact file was issued, by whom and when; it shows nothing of the
          report’s content. <Link to="/login">Sign in</Link> if you work with Clearsource.
        </p>
      </div>
    </main>
  );
}
