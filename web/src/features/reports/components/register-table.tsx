import { Link } from 'react-router';
import { REPORT_KIND_LABELS, type Report } from '#shared/schemas/reports.js';
import { Table, TableMessageRow } from '../../../components/ui/table.js';
import { formatBytes, formatDateTime, formatInteger } from '../../../lib/format.js';
import { HashCopy } from './hash-copy.js';
import { ReportDownloads } from './report-downloads.js';
import { ReportStatus, useLiveReport } from './report-progress.js';

const COLUMNS = 7;

/** The register of issued reports, newest first: what, when, by whom, and the PDF's fingerprint. */
export function RegisterTable({ reports, busy, empty }: { reports: Report[]; busy: boolean; empty: string }) {
  return (
    <Table caption="Reports register" busy={busy} wrapClassName="report-register">
      <thead>
        <tr>
          <th scope="col">Register number</th>
          <th scope="col">Title</th>
          <th scope="col">Issued</th>
          <th scope="col">Status</th>
          <th scope="col">Size</th>
          <th scope="col">SHA-256</th>
          <th scope="col">Download</th>
        </tr>
      </thead>
      <tbody>
        {reports.length === 0 ? (
          <TableMessageRow colSpan={COLUMNS}>{empty}</TableMessageRow>
        ) : (
          reports.map((report) => <RegisterRow key={report.id} report={report} />)
        )}
      </tbody>
    </Table>
  );
}

function RegisterRow({ report: listed }: { report: Report }) {
  const report = useLiveReport(listed);
  return (
    <tr>
      <td className="cell-nowrap">
        <Link className="cell-link cell-strong" to={`/reports/${report.id}`}>
          {report.registerNumber}
        </Link>
        <span className="cell-sub">{REPORT_KIND_LABELS[report.kind]}</span>
      </td>
      <td className="report-title-cell">{report.title}</td>
      <td>
        <span className="cell-nowrap">{formatDateTime(report.issuedAt)}</span>
        <span className="cell-sub">by {report.issuedBy.name}</span>
      </td>
      <td>
        <ReportStatus report={report} />
      </td>
      <td className="cell-nowrap">
        {report.byteSize === null ? '—' : formatBytes(report.byteSize)}
        {report.pageCount === null ? null : (
          <span className="cell-sub">
            {formatInteger(report.pageCount)} {report.pageCount === 1 ? 'page' : 'pages'}
          </span>
        )}
      </td>
      <td className="cell-nowrap">
        {report.sha256 ? <HashCopy hash={report.sha256} name={report.registerNumber} /> : '—'}
      </td>
      <td>
        <ReportDownloads report={report} />
      </td>
    </tr>
  );
}
