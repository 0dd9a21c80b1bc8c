import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        title="There is no page at this address"
        action={
          <Link className="btn btn-secondary" to="/">
            Go to Overview
          </Link>
        }
      >
        <p>The link may be mistyped, or the page may have moved.</p>
      </EmptyState>
    </>
  );
}
