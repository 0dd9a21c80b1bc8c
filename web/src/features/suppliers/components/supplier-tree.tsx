import { Link } from 'react-router';
import type { SupplierTreeNode } from '#shared/schemas/suppliers.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSupplierTree } from '../api.js';
import { RatingBadge } from './rating-badge.js';

function countNodes(node: SupplierTreeNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countNodes(child), 0);
}

function Branch({ nodes }: { nodes: readonly SupplierTreeNode[] }) {
  return (
    <ul className="tree">
      {nodes.map((node) => (
        <li key={node.id} className="tree-node">
          <span className="tree-row">
            <Link to={`/suppliers/${node.id}`}>{node.name}</Link>
            <span className="muted tree-meta">
              {node.country} · tier {node.tier}
            </span>
            <RatingBadge rating={node.rating} />
          </span>
          {node.children.length > 0 ? <Branch nodes={node.children} /> : null}
          {node.moreBelow ? (
            <p className="muted tree-more">
              More levels below {node.name} are not shown here —{' '}
              <Link to={`/suppliers/${node.id}`}>show them</Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The suppliers below this one (archived ones left out), each a link to its own page. */
export function SupplierTree({ supplierId, addHref }: { supplierId: string; addHref?: string }) {
  const tree = useSupplierTree(supplierId);
  const total = tree.data ? countNodes(tree.data) : 0;
  return (
    <section className="panel" aria-labelledby="tree-title">
      <h2 className="panel-title" id="tree-title">
        Sub-suppliers{tree.data && total > 0 ? <span className="muted"> ({total})</span> : null}
      </h2>
      {tree.isError ? (
        <p className="muted">The sub-supplier map could not be loaded: {describeError(tree.error)}</p>
      ) : !tree.data ? (
        <p className="loading-text">Loading…</p>
      ) : total === 0 ? (
        <p className="muted">No sub-suppliers recorded below this supplier.</p>
      ) : (
        <Branch nodes={tree.data.children} />
      )}
      {addHref ? (
        <div>
          <Link className="btn btn-secondary btn-sm" to={addHref}>
            Add a sub-supplier
          </Link>
        </div>
      ) : null}
    </section>
  );
}
