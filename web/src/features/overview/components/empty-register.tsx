import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { TEMPLATE_CSV_URL } from '../../suppliers/api.js';

/** Nothing to summarise yet: say so, and show the way in to whoever can add suppliers. */
export function EmptyRegister({ canManage, orgName }: { canManage: boolean; orgName: string }) {
  return (
    <EmptyState
      title="No suppliers in the register yet"
      action={
        canManage ? (
          <div className="button-row">
            <Link className="btn btn-primary" to="/suppliers/import">
              Import suppliers from CSV
            </Link>
            <a className="btn btn-secondary" href={TEMPLATE_CSV_URL} download>
              Download the CSV template
            </a>
            <Link className="btn btn-ghost" to="/suppliers/new">
              Add one by hand
            </Link>
          </div>
        ) : null
      }
    >
      <p>
        This page shows how many suppliers sit in each risk rating, which carry the highest residual risk and
        which are overdue for reassessment. Every figure comes from your own register, so until suppliers are
        added there is nothing truthful to show.
      </p>
      {canManage ? (
        <p>Most teams start from an export of their ERP vendor list; suppliers are scored as they arrive.</p>
      ) : (
        <p>Compliance officers and administrators of {orgName} can add suppliers.</p>
      )}
    </EmptyState>
  );
}
