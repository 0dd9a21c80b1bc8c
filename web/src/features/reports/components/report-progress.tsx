import type { Report } from '#shared/schemas/reports.js';
import { Badge } from '../../../components/ui/badge.js';
import { formatInteger } from '../../../lib/format.js';
import { isReportPending, useReport } from '../api.js';
import { REPORT_STATUS_LABELS, REPORT_STATUS_TONES } from '../labels.js';

const describe = (report: Report): string => {
  if (report.status === 'queued') return 'Waiting to start…';
  const progress = report.progress;
  if (!progress || progress.total <= 0) return 'Reading the data…';
  return `${formatInteger(progress.done)} of ${formatInteger(progress.total)} steps`;
};

/**
 * A report still being written: an indeterminate bar while queued, its steps while running. The words are a
 * polite live region, so a screen reader hears the progress without being interrupted.
 */
export function ReportProgress({ report, label }: { report: Report; label: string }) {
  const progress = report.progress;
  const value =
    report.status === 'running' && progress && progress.total > 0
      ? Math.round((100 * progress.done) / progress.total)
      : undefined;
  return (
    <div className="report-progress">
      <progress className="progress" max={100} value={value} aria-label={label} />
      <span className="report-progress-text" aria-live="polite" aria-atomic="true">
        {describe(report)}
      </span>
    </div>
  );
}

/** A report's status in words, with its progress while it is being written and its reason if it failed. */
export function ReportStatus({ report }: { report: Report }) {
  return (
    <div className="report-status">
      <Badge tone={REPORT_STATUS_TONES[report.status]}>{REPORT_STATUS_LABELS[report.status]}</Badge>
      {isReportPending(report) ? (
        <ReportProgress report={report} label={`Progress of ${report.registerNumber}`} />
      ) : null}
      {report.status === 'failed' && report.error ? <span className="cell-sub">{report.error}</span> : null}
    </div>
  );
}

/**
 * A register entry as it is now: one still queued or running is asked for again until it ends (its own
 * GET /api/reports/:id, polled), so a row shows its progress and then its result without a reload.
 */
export function useLiveReport(report: Report): Report {
  const pending = isReportPending(report);
  const polled = useReport(report.id, pending);
  return pending && polled.data ? polled.data : report;
}
