import type { PolicyDocument } from '#shared/schemas/policy.js';
import { usePublishedPolicy } from '../../policies/api.js';

/**
 * The name of a task's criterion or red flag (the finding's key) in a policy document, or undefined when it has
 * neither. A key can name both a criterion and a red flag (debt bondage is each): the criterion is read first.
 */
export const criterionName = (document: PolicyDocument, key: string): string | undefined =>
  (document.criteria.find((c) => c.key === key) ?? document.redFlags.find((f) => f.key === key))?.name;

/**
 * A task's criterion as people read it: its name in the policy in force. The stored key (e.g. `debt_bondage`)
 * shows only when that policy has no such criterion or red flag (retired since) or cannot be read.
 */
export function CriterionName({ criterionKey }: { criterionKey: string }) {
  const policy = usePublishedPolicy();
  if (policy.isPending) return <span className="muted">…</span>;
  const name = policy.data && criterionName(policy.data.document, criterionKey);
  if (name) return <>{name}</>;
  return (
    <>
      <code className="code-inline">{criterionKey}</code>{' '}
      <span className="muted">(not in the policy in force)</span>
    </>
  );
}
