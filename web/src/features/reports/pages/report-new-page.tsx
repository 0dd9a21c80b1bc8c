import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header.js';
import { ReportForm } from '../components/report-form.js';
import { initialReportValues } from '../lib/report-form.js';
import '../reports.css';

/**
 * `/reports/new`: the New report form, started from a link's query string (the dashboard's "Portfolio
 * report" carries its filters). Once issued, the report's own page opens and follows its progress.
 */
export function ReportNewPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // The form starts once from the link; later changes to the URL are not the person's edits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, on arrival.
  const defaults = useMemo(() => initialReportValues(params), []);

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/reports">Reports</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">New report</span>
      </nav>
      <PageHeader
        title="New report"
        description="Written from one consistent reading of your live data, at the moment you issue it."
      />
      <section className="panel report-form-panel">
        <ReportForm
          defaultValues={defaults}
          onCreated={(report) => navigate(`/reports/${report.id}`, { state: { issued: true } })}
          onCancel={() => navigate('/reports')}
        />
      </section>
    </>
  );
}
