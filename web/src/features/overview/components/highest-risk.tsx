import { Link } from 'react-router';
import { SuppliersQuerySchema } from '#shared/schemas/suppliers.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSuppliers } from '../../suppliers/api.js';
import { TopRiskTable } from './top-risk-table.js';

const TOP = 10;
const TOP_QUERY = SuppliersQuerySchema.parse({ sort: 'residualScore', order: 'desc', limit: TOP });
const ALL_BY_RISK = '/suppliers?sort=residualScore&order=desc';

/** The ten assessed suppliers with the highest residual risk (the list sorts never-assessed ones last). */
export function HighestRisk() {
  const top = useSuppliers(TOP_QUERY);
  const assessed = top.data?.items.filter((supplier) => supplier.risk !== null) ?? [];
  return (
    <section className="panel" aria-labelledby="top-risk-title">
      <div className="overview-panel-head">
        <h2 className="panel-title" id="top-risk-title">
          Highest residual risk
        </h2>
        <Link to={ALL_BY_RISK}>All suppliers by residual risk</Link>
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
