import type { Report } from '#shared/schemas/reports.js';
import { reportFileUrl } from '../api.js';
import { REPORT_FORMAT_LABELS, REPORT_FORMAT_NAMES } from '../labels.js';

/**
 * Download links of a ready report, in the order the register lists its formats (the PDF first; a statement
 * also as Word and Markdown). Each link names its report, so a list of them reads well to a screen reader.
 */
export function ReportDownloads({
  report,
  variant = 'links',
}: {
  report: Report;
  variant?: 'links' | 'buttons';
}) {
  if (report.status !== 'ready') return null;
  return (
    <ul className={variant === 'buttons' ? 'report-downloads report-downloads-buttons' : 'report-downloads'}>
      {report.formats.map((format) =>
        variant === 'buttons' ? (
          // One report on the page: the visible words name the download well enough.
          <li key={format}>
            <a
              className={format === 'pdf' ? 'btn btn-primary' : 'btn btn-secondary'}
              href={reportFileUrl(report.id, format)}
              download
            >
              Download {REPORT_FORMAT_NAMES[format]}
            </a>
          </li>
        ) : (
          <li key={format}>
            <a
              href={reportFileUrl(report.id, format)}
              download
              aria-label={`Download ${report.registerNumber} as ${REPORT_FORMAT_LABELS[format]}`}
            >
              {REPORT_FORMAT_LABELS[format]}
            </a>
          </li>
        ),
      )}
    </ul>
  );
}
