import { ROLE_LABELS } from '#shared/roles.js';
import { DASHBOARD_FILTER_KEYS, DashboardQuerySchema } from '#shared/schemas/dashboard.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSearchState } from '../../../lib/use-search-state.js';
import { canIssueReports, canManageSuppliers } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useDashboardSummary } from '../../dashboard/api.js';
import { DashboardFilters } from '../../dashboard/components/dashboard-filters.js';
import { HeatMap } from '../../dashboard/components/heat-map.js';
import { KpiTiles } from '../../dashboard/components/kpi-tiles.js';
import { RatingDistribution, SpendByRating } from '../../dashboard/components/rating-charts.js';
import { BurnDown, RemediationBySeverity } from '../../dashboard/components/remediation-charts.js';
import { RiskTrend } from '../../dashboard/components/trend-chart.js';
import { useShownRescore } from '../../jobs/api.js';
import { usePublishedPolicy } from '../../policies/api.js';
import { RescoreProgress } from '../../policies/components/rescore-progress.js';
import { useReferenceOverview } from '../../reference/api.js';
import { PortfolioReportLink } from '../../reports/components/portfolio-report-link.js';
import { EmptyRegister } from '../components/empty-register.js';
import { GettingStarted } from '../components/getting-started.js';
import { HighestRisk } from '../components/highest-risk.js';
import { ScoringBasis } from '../components/scoring-basis.js';
import '../overview.css';
import '../../dashboard/dashboard.css';

/**
 * The landing page: the executive dashboard. Every figure is one server-side aggregate over the suppliers the
 * filters select (kept in the URL); every tile, bar and cell opens the list of what it counts.
 */
export function OverviewPage() {
  const session = useCurrentSession();
  const firstName = session.user.name.split(/\s+/)[0] ?? session.user.name;
  const canManage = canManageSuppliers(session.role);
  // A rescore going on (after a policy was published) changes every figure here: show its progress.
  const rescore = useShownRescore(null);
  const [filters, setFilters] = useSearchState(DashboardQuerySchema);
  const summary = useDashboardSummary(filters);
  const policy = usePublishedPolicy();
  const reference = useReferenceOverview();
  const filtered = DASHBOARD_FILTER_KEYS.some((key) => filters[key] !== undefined);

  const basis = (
    <ScoringBasis
      policy={{ data: policy.data, isPending: policy.isPending, error: policy.error }}
      datasets={{ data: reference.data?.datasets, isPending: reference.isPending, error: reference.error }}
    />
  );
  const data = summary.data;

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          <span className="screen-only">
            {/* Who and where: after switching organisation, the first thing to confirm. */}
            Welcome, {firstName}. You are signed in to {session.org.name} as {ROLE_LABELS[session.role]}.
            Below: its supply chain’s ratings, spend, coverage and the work to close gaps.
          </span>
        }
        actions={canIssueReports(session.role) ? <PortfolioReportLink filters={filters} /> : null}
      />
      {rescore.jobId ? <RescoreProgress jobId={rescore.jobId} onDismiss={rescore.dismiss} /> : null}
      {summary.error ? (
        <Alert tone="error" title="The dashboard could not be loaded">
          {describeError(summary.error)}{' '}
          <Button size="sm" onClick={() => summary.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !data ? (
        <p className="loading-text" role="status">
          Loading the dashboard…
        </p>
      ) : data.suppliers === 0 && !filtered ? (
        <>
          <EmptyRegister canManage={canManage} orgName={session.org.name} />
          <div className="overview-below-empty">{basis}</div>
          <GettingStarted role={session.role} />
        </>
      ) : (
        <>
          <DashboardFilters filters={filters} onChange={setFilters} />
          <p className="visually-hidden" role="status">
            {summary.isFetching ? 'Updating the figures…' : `${data.suppliers} suppliers in the selection`}
          </p>
          {data.suppliers === 0 ? (
            <EmptyState title="No supplier matches these filters">
              <p>Change or clear the filters to see the figures.</p>
            </EmptyState>
          ) : (
            <div className={summary.isPlaceholderData ? 'dash-body dash-stale' : 'dash-body'}>
              <KpiTiles summary={data} filters={filters} />
              <div className="dash-grid">
                <RatingDistribution summary={data} filters={filters} />
                <SpendByRating summary={data} filters={filters} />
                <HeatMap summary={data} filters={filters} />
                <RiskTrend summary={data} filters={filters} />
                <RemediationBySeverity summary={data} filters={filters} />
                <BurnDown summary={data} filters={filters} />
              </div>
              <div className="overview-grid">
                <HighestRisk filters={filters} />
                {basis}
              </div>
            </div>
          )}
        </>
      )}
    </>
  );
}
