import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PolicyForm } from '../components/policy-form.js';
import { usePolicyContext } from './policy-layout.js';

/** The editor of a draft; published and retired versions are frozen, and only administrators edit. */
export function PolicyEditPage() {
  const { policy, canManage } = usePolicyContext();
  if (!canManage) {
    return (
      <EmptyState title="Only administrators edit scoring policies">
        <p>You can read this policy and run a what-if with it.</p>
      </EmptyState>
    );
  }
  if (policy.status !== 'draft') {
    return (
      <EmptyState
        title={`Version ${policy.version} is ${policy.status === 'published' ? 'published' : 'retired'} and cannot change`}
        action={
          <Link className="btn btn-secondary" to={`/policies/${policy.id}`}>
            View the policy
          </Link>
        }
      >
        <p>Make a draft copy of it to change its numbers.</p>
      </EmptyState>
    );
  }
  // Keyed by the policy: moving to another draft starts a fresh form from that draft's stored document.
  return <PolicyForm key={policy.id} policy={policy} />;
}
