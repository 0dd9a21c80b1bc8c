import type { Report } from '#shared/schemas/reports.js';
import { reportFileUrl } from '../api.js';
import { REPORT_FORMAT_LABELS } from '../labels.js';

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
      {report.formats.map((format) => (
        <li key={format}>
          <a
            className={
              variant === 'buttons' ? (format === 'pdf' ? 'btn btn-primary' : 'btn btn-secondary') : undefined
            }
            href={reportFileUrl(report.id, format)}
            download
            aria-label={`Download ${report.registerNumber} as ${REPORT_FORMAT_LABELS[format]}`}
          >
            {REPORT_FORMAT_LABELS[format]}
          </a>
        </li>
      ))}
    </ul>
  );
}
