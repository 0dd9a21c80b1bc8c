import { EmptyState } from '../../../components/ui/empty-state.js';
import { PolicyDiffView } from '../components/policy-diff-view.js';
import { comparisonOf, usePolicyContext } from './policy-layout.js';

const columnLabel = (policy: { version: number | null; status: string; name: string }) =>
  policy.version === null
    ? `“${policy.name}”`
    : `Version ${policy.version}${policy.status === 'published' ? ' (in use)' : ''}`;

/** The draft against the policy in use (or a version against the one it was copied from). */
export function PolicyChangesPage() {
  const context = usePolicyContext();
  const { policy } = context;
  const comparison = comparisonOf(context);
  if (!comparison) {
    return (
      <EmptyState title="Nothing to compare with">
        <p>This policy was not copied from another one, and no other policy is in use.</p>
      </EmptyState>
    );
  }
  return (
    <section className="section-tab" aria-label="Changes">
      <PolicyDiffView
        before={comparison.document}
        after={policy.document}
        beforeLabel={columnLabel(comparison)}
        afterLabel={policy.status === 'draft' ? 'This draft' : `Version ${policy.version}`}
      />
    </section>
  );
}
