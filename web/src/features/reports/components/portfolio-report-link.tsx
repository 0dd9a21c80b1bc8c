import { Link } from 'react-router';
import { DASHBOARD_FILTER_KEYS, type DashboardQuery } from '#shared/schemas/dashboard.js';
import { toQueryString } from '../../../lib/api-client.js';

/**
 * The dashboard's "Portfolio report": the New report form with the kind chosen and the dashboard's current
 * filters filled in, so the report covers the suppliers on screen (the form still shows and allows changing
 * them, and asks "changes since" when).
 */
export function PortfolioReportLink({ filters }: { filters: DashboardQuery }) {
  const query = toQueryString({
    kind: 'portfolio',
    ...Object.fromEntries(DASHBOARD_FILTER_KEYS.map((key) => [key, filters[key]])),
  });
  return (
    <Link className="btn btn-secondary" to={`/reports/new${query}`}>
      Portfolio report
    </Link>
  );
}
