import { Link } from 'react-router';
import type { Policy } from '#shared/schemas/policy.js';
import { Badge } from '../../../components/ui/badge.js';
import { Button } from '../../../components/ui/button.js';
import { Table } from '../../../components/ui/table.js';
import { formatDate } from '../../../lib/format.js';

const basedOnText = (policy: Policy, all: readonly Policy[]) => {
  const base = all.find((p) => p.id === policy.basedOnId);
  if (!base) return '—';
  return base.version === null ? base.name : `Version ${base.version}`;
};

export function DraftsTable({
  drafts,
  all,
  canManage,
  canWhatIf,
  awaitingApproval = new Set(),
}: {
  drafts: readonly Policy[];
  all: readonly Policy[];
  canManage: boolean;
  canWhatIf: boolean;
  /** Drafts with a pending request to publish (four-eyes). */
  awaitingApproval?: ReadonlySet<string>;
}) {
  return (
    <Table caption="Draft policies">
      <thead>
        <tr>
          <th scope="col">Draft</th>
          <th scope="col">Copied from</th>
          <th scope="col">Created</th>
          <th scope="col" className="cell-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft) => (
          <tr key={draft.id}>
            <td>
              <Link className="cell-link" to={`/policies/${draft.id}`}>
                {draft.name}
              </Link>
              {awaitingApproval.has(draft.id) ? (
                <>
                  {' '}
                  <Badge tone="warning">awaiting approval</Badge>
                </>
              ) : null}
            </td>
            <td>{basedOnText(draft, all)}</td>
            <td className="cell-nowrap">{formatDate(draft.createdAt)}</td>
            <td className="cell-actions">
              {canWhatIf ? (
                <Link className="btn btn-ghost btn-sm" to={`/policies/${draft.id}/what-if`}>
                  What-if
                </Link>
              ) : null}
              {/* A draft awaiting approval is frozen (the server refuses edits): no Edit to lead into a refusal. */}
              {canManage && !awaitingApproval.has(draft.id) ? (
                <Link
                  className="btn btn-secondary btn-sm"
                  to={`/policies/${draft.id}/edit`}
                  aria-label={`Edit ${draft.name}`}
                >
                  Edit
                </Link>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function RetiredTable({
  retired,
  canManage,
  onCopy,
}: {
  retired: readonly Policy[];
  canManage: boolean;
  onCopy: (policy: Policy) => void;
}) {
  return (
    <Table caption="Retired versions">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Name</th>
          <th scope="col">Published</th>
          <th scope="col" className="cell-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {retired.map((policy) => (
          <tr key={policy.id}>
            <td className="cell-nowrap">
              <Link className="cell-link" to={`/policies/${policy.id}`}>
                Version {policy.version}
              </Link>
            </td>
            <td>{policy.name}</td>
            <td className="cell-nowrap">{policy.publishedAt ? formatDate(policy.publishedAt) : '—'}</td>
            <td className="cell-actions">
              {canManage ? (
                <Button size="sm" variant="ghost" onClick={() => onCopy(policy)}>
                  Copy into a draft
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
