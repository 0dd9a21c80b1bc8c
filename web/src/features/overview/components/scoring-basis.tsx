import { Link } from 'react-router';
import type { DatasetInfo } from '#shared/domain/reference/types.js';
import type { Policy } from '#shared/schemas/policy.js';
import { Alert } from '../../../components/ui/alert.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDate } from '../../../lib/format.js';

export interface ScoringBasisProps {
  policy: { data: Policy | undefined; isPending: boolean; error: Error | null };
  datasets: { data: readonly DatasetInfo[] | undefined; isPending: boolean; error: Error | null };
}

function PolicyInForce({ policy }: Pick<ScoringBasisProps, 'policy'>) {
  if (policy.error) return <Alert tone="error">{describeError(policy.error)}</Alert>;
  if (policy.isPending) return <span className="muted">Loading…</span>;
  if (!policy.data) {
    return (
      <>
        None published, so no supplier can be scored. <Link to="/policies">Scoring policies</Link>
      </>
    );
  }
  const { id, name, version, publishedAt } = policy.data;
  return (
    <>
      <Link to={`/policies/${id}`}>
        {name}, version {version}
      </Link>
      {publishedAt ? <span className="cell-sub muted">Published {formatDate(publishedAt)}</span> : null}
    </>
  );
}

function Datasets({ datasets }: Pick<ScoringBasisProps, 'datasets'>) {
  if (datasets.error) return <Alert tone="error">{describeError(datasets.error)}</Alert>;
  if (!datasets.data) return <span className="muted">Loading…</span>;
  return (
    <>
      <ul className="chip-list" aria-label="Datasets and editions">
        {datasets.data.map((dataset) => (
          <li key={dataset.id} className="chip" title={dataset.title}>
            {dataset.shortName} {dataset.edition}
          </li>
        ))}
      </ul>
      <Link className="cell-sub" to="/reference-data">
        Sources, editions and known gaps
      </Link>
    </>
  );
}

/** What every rating on this page was computed with: the policy in force and the published data. */
export function ScoringBasis({ policy, datasets }: ScoringBasisProps) {
  return (
    <section className="panel" aria-labelledby="scoring-basis-title">
      <h2 className="panel-title" id="scoring-basis-title">
        Scoring basis
      </h2>
      <dl className="details basis-details">
        <dt>Policy in force</dt>
        <dd>
          <PolicyInForce policy={policy} />
        </dd>
        <dt>Reference data</dt>
        <dd>
          <Datasets datasets={datasets} />
        </dd>
      </dl>
    </section>
  );
}
