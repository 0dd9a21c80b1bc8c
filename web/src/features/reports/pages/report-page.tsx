import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { REPORT_KIND_LABELS } from '#shared/schemas/reports.js';
import { Alert } from '../../../components/ui/alert.js';
import { CopyField } from '../../../components/ui/copy-field.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatBytes, formatDateTime, formatInteger, shortHash } from '../../../lib/format.js';
import { isReportPending, useReport } from '../api.js';
import { ReportDownloads } from '../components/report-downloads.js';
import { ReportParameters } from '../components/report-parameters.js';
import { ReportProgress } from '../components/report-progress.js';
import { REPORT_STATUS_LABELS } from '../labels.js';
import '../reports.css';

/**
 * `/reports/:id`: one register entry. Arriving from "Issue report" (or a supplier's "Download assessment
 * report"), focus moves to the status box, which announces the progress and then the result.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const justIssued = Boolean((location.state as { issued?: boolean } | null)?.issued);
  const report = useReport(id);
  const statusRef = useRef<HTMLElement>(null);
  const loaded = Boolean(report.data);

  useEffect(() => {
    if (justIssued && loaded) statusRef.current?.focus();
  }, [justIssued, loaded]);

  if (report.isError) {
    return (
      <>
        <PageHeader title="Report" />
        <Alert tone="error" title="The report could not be loaded">
          {describeError(report.error)} <Link to="/reports">Back to the register</Link>
        </Alert>
      </>
    );
  }
  if (!report.data) {
    return (
      <p className="loading-text" role="status">
        Loading the report…
      </p>
    );
  }
  const r = report.data;
  const pending = isReportPending(r);

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/reports">Reports</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{r.registerNumber}</span>
      </nav>
      <PageHeader title={r.title} description={`${REPORT_KIND_LABELS[r.kind]} · ${r.registerNumber}`} />
      <section
        ref={statusRef}
        tabIndex={-1}
        className={`panel report-state report-state-${r.status}`}
        aria-labelledby="report-state-title"
      >
        <h2 className="panel-title" id="report-state-title">
          {REPORT_STATUS_LABELS[r.status]}
        </h2>
        <div aria-live="polite" aria-atomic="true" className="report-state-words">
          {pending ? (
            <p>Writing {r.registerNumber}. You can leave this page: it stays in the register.</p>
          ) : null}
          {r.status === 'ready' ? (
            <p>
              {r.registerNumber} is ready:{' '}
              {r.pageCount === null ? '' : `${formatInteger(r.pageCount)} pages, `}
              {r.byteSize === null ? '' : formatBytes(r.byteSize)}.
            </p>
          ) : null}
          {r.status === 'failed' ? (
            <p>
              Nothing was issued. {r.error ?? 'The report could not be written.'} Try again from “New report”.
            </p>
          ) : null}
        </div>
        {pending ? <ReportProgress report={r} label={`Progress of ${r.registerNumber}`} /> : null}
        <ReportDownloads report={r} variant="buttons" />
      </section>
      <section className="panel" aria-labelledby="report-facts-title">
        <h2 className="panel-title" id="report-facts-title">
          Register entry
        </h2>
        <dl className="details">
          <dt>Register number</dt>
          <dd>{r.registerNumber}</dd>
          <dt>Kind</dt>
          <dd>{REPORT_KIND_LABELS[r.kind]}</dd>
          <ReportParameters parameters={r.parameters} />
          <dt>Issued</dt>
          <dd>
            {formatDateTime(r.issuedAt)} by {r.issuedBy.name}
          </dd>
          {r.policyVersion ? (
            <>
              <dt>Scoring policy</dt>
              <dd>
                {r.policyVersion.name}, version {r.policyVersion.version}
              </dd>
            </>
          ) : null}
          {r.auditHead ? (
            <>
              <dt>Audit trail</dt>
              <dd>
                Built on event {formatInteger(r.auditHead.seq)}, chain hash{' '}
                <code className="code-inline" title={r.auditHead.hash}>
                  {shortHash(r.auditHead.hash, 16)}…
                </code>
              </dd>
            </>
          ) : null}
        </dl>
        {r.sha256 ? (
          <div className="report-sha">
            <p className="field-label">SHA-256 of the PDF</p>
            <CopyField label={`SHA-256 of ${r.registerNumber}`} value={r.sha256} />
            <p className="field-hint">
              Anyone holding the PDF can check it on the <Link to="/verify">verify page</Link>, without an
              account. A copy with a single changed byte does not match.
            </p>
          </div>
        ) : null}
      </section>
    </>
  );
}
