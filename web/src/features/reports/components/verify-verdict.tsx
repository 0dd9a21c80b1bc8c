import { REPORT_KIND_LABELS, type VerifyReportResponse } from '#shared/schemas/reports.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';

/**
 * The answer of the public check, in words: who issued it and when, or that nothing in the register has
 * these exact bytes. It also shows the SHA-256 the server computed, to compare with one's own.
 */
export function VerifyVerdict({ result, fileName }: { result: VerifyReportResponse; fileName: string }) {
  const kind = result.kind ? REPORT_KIND_LABELS[result.kind] : 'Report';
  return (
    <div className={result.issued ? 'verdict verdict-issued' : 'verdict verdict-not-issued'}>
      <p className="verdict-mark" aria-hidden="true">
        {result.issued ? '✓' : '✕'}
      </p>
      <div className="verdict-body">
        {result.issued ? (
          <>
            <h2 className="verdict-title">
              Issued by {result.organisation ?? 'an organisation'} on{' '}
              {result.issuedAt ? formatDate(result.issuedAt) : 'an unknown day'}: {kind}{' '}
              {result.registerNumber ?? ''}
            </h2>
            <p>
              This file is exactly the PDF recorded in the register
              {result.issuedAt ? `, issued ${formatDateTime(result.issuedAt)}` : ''}
              {result.issuedBy ? ` by ${result.issuedBy}` : ''}.
            </p>
          </>
        ) : (
          <>
            <h2 className="verdict-title">
              Not issued: this file does not match any report in the register.
            </h2>
            <p>A single changed byte makes a copy not match.</p>
          </>
        )}
        <dl className="details details-compact verdict-facts">
          <dt>File checked</dt>
          <dd>{fileName}</dd>
          <dt>Its SHA-256</dt>
          <dd>
            <code className="verdict-hash">{result.sha256}</code>
          </dd>
        </dl>
      </div>
    </div>
  );
}
