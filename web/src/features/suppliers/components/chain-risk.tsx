import { Fragment } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../lib/form-errors.js';
import { formatScore } from '../../../lib/format.js';
import { useSupplierChainRisk } from '../api.js';
import { RATING_LABELS } from '../labels.js';

/**
 * "Chain risk: High (64) via A → B → C": the riskiest supplier in this one's sub-tree (itself included) and
 * the suppliers on the way down to it, each a link.
 */
export function ChainRisk({ supplierId }: { supplierId: string }) {
  const chain = useSupplierChainRisk(supplierId);
  let body: React.ReactNode;
  if (chain.isError) body = <span className="muted">could not be loaded: {describeError(chain.error)}</span>;
  else if (!chain.data) body = <span className="loading-text">Loading…</span>;
  else if (!chain.data.chainRisk) body = <span className="muted">nothing in this chain is assessed yet</span>;
  else {
    const { chainRisk, path } = chain.data;
    const own = chainRisk.supplierId === supplierId;
    body = (
      <>
        <strong>
          {RATING_LABELS[chainRisk.rating]} ({formatScore(chainRisk.residualScore)})
        </strong>{' '}
        {own ? (
          <span className="muted">— this supplier itself, the highest in its chain</span>
        ) : (
          <>
            via{' '}
            {path.map((step, index) => (
              <Fragment key={step.id}>
                {index > 0 ? <span aria-hidden="true"> → </span> : null}
                {step.id === supplierId ? (
                  <span>{step.name}</span>
                ) : (
                  <Link to={`/suppliers/${step.id}`}>{step.name}</Link>
                )}
              </Fragment>
            ))}
          </>
        )}
      </>
    );
  }
  return (
    <p className="chain-risk">
      <span className="chain-risk-label">Chain risk:</span> {body}
    </p>
  );
}
