import type { Tx } from '../../db/client.js';
import type { FindingRow } from '../assignments/findings.repo.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import type { SuggestionOf } from './tasks.service.js';

/**
 * The suggested action for a finding: the `remediation` text the policy its assessment was scored under gives
 * the criterion or red flag (undefined when that policy has none, e.g. a document written before the field).
 */
export const createSuggestionOf =
  ({
    policyIdOf,
    policies,
  }: {
    /** The policy an assessment was scored under (the assessments module's assessmentPolicyId). */
    policyIdOf: (tx: Tx, orgId: string, assessmentId: string) => Promise<string | undefined>;
    policies: Pick<PoliciesRepo, 'findPolicy'>;
  }): SuggestionOf =>
  async (tx, orgId, finding: FindingRow) => {
    const policyId = await policyIdOf(tx, orgId, finding.assessmentId);
    const policy = policyId ? await policies.findPolicy(tx, orgId, policyId) : undefined;
    if (!policy) return undefined;
    const rules = finding.kind === 'red_flag' ? policy.document.redFlags : policy.document.criteria;
    return rules.find((r) => r.key === finding.key)?.remediation || undefined;
  };
