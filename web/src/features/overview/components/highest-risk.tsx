import { Link } from 'react-router';
import type { DashboardQuery } from '#shared/schemas/dashboard.js';
import { SuppliersQuerySchema } from '#shared/schemas/suppliers.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSuppliers } from '../../suppliers/api.js';
import { TopRiskTable } from './top-risk-table.js';

const TOP = 10;
const BY_RISK = { sort: 'residualScore', order: 'desc' } as const;

/** The list sorted by residual risk, with the dashboard's filters (the same parameter names). */
const allByRisk = (filters: DashboardQuery) => {
  const params = new URLSearchParams(BY_RISK);
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, String(value));
  return `/suppliers?${params}`;
};

/**
 * The ten assessed suppliers with the highest residual risk among those the dashboard's filters select (the
 * list sorts never-assessed ones last).
 */
export function HighestRisk({ filters = {} }: { filters?: DashboardQuery }) {
  const top = useSuppliers(SuppliersQuerySchema.parse({ ...BY_RISK, limit: TOP, ...filters }));
  const assessed = top.data?.items.filter((supplier) => supplier.risk !== null) ?? [];
  return (
    <section className="panel" aria-labelledby="top-risk-title">
      <div className="overview-panel-head">
        <h2 className="panel-title" id="top-risk-title">
          Highest residual risk
        </h2>
        <Link to={allByRisk(filters)}>All suppliers by residual risk</Link>
      </div>
      {top.isError ? (
        <Alert tone="error" title="These suppliers could not be loaded">
          {describeError(top.error)}{' '}
          <Button size="sm" onClick={() => top.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : top.isPending ? (
        <p className="loading-text" role="status">
          Loading suppliers…
        </p>
      ) : assessed.length === 0 ? (
        <p className="muted">No supplier has been assessed yet, so none can be ranked.</p>
      ) : (
        <TopRiskTable suppliers={assessed} />
      )}
    </section>
  );
}
