import { Link } from 'react-router';
import { REPORT_KIND_LABELS, REPORT_KINDS, ReportListQuerySchema } from '#shared/schemas/reports.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { FilterSelect } from '../../../components/ui/filter-select.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { canIssueReports } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useReports } from '../api.js';
import { RegisterTable } from '../components/register-table.js';
import '../reports.css';

const PAGE_SIZE = '25';
const KIND_OPTIONS = REPORT_KINDS.map((kind) => ({ value: kind, label: REPORT_KIND_LABELS[kind] }));

/** `/reports`: the register of issued reports, with their downloads, and the way to issue a new one. */
export function ReportsPage() {
  const session = useCurrentSession();
  const [query, setQuery] = useSearchState(ReportListQuerySchema, { limit: PAGE_SIZE });
  const reports = useReports(query);
  const canIssue = canIssueReports(session.role);

  return (
    <>
      <PageHeader
        title="Reports"
        description="Evidence for auditors, boards and regulators, written from your live data. Every issued PDF is recorded here with its SHA-256, so anyone holding a copy can check it is genuine."
        actions={
          <>
            {canIssue ? (
              <Link className="btn btn-primary" to="/reports/new">
                New report
              </Link>
            ) : null}
            <Link className="btn btn-secondary" to="/verify">
              Verify a report
            </Link>
          </>
        }
      />
      <search className="filters" aria-label="Filter the register">
        <FilterSelect
          id="report-kind-filter"
          label="Kind"
          value={query.kind ?? ''}
          anyLabel="Every kind"
          options={KIND_OPTIONS}
          onChange={(kind) => setQuery({ kind, offset: undefined })}
        />
      </search>
      {reports.isError ? (
        <Alert tone="error" title="The register could not be loaded">
          {describeError(reports.error)}{' '}
          <Button size="sm" onClick={() => reports.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {reports.data ? (
        <>
          <RegisterTable
            reports={reports.data.items}
            busy={reports.isFetching && reports.isPlaceholderData}
            empty={
              query.kind
                ? `No ${REPORT_KIND_LABELS[query.kind].toLowerCase()} has been issued yet.`
                : 'No report has been issued yet. Use “New report” to issue the first.'
            }
          />
          <Pagination
            noun="reports"
            total={reports.data.total}
            limit={query.limit}
            offset={query.offset}
            onChange={(offset) => setQuery({ offset: offset || undefined })}
          />
        </>
      ) : reports.isPending ? (
        <p className="loading-text" role="status">
          Loading the register…
        </p>
      ) : null}
    </>
  );
}
