import type { AssessmentResult, CriterionAnswer } from '#shared/domain/scoring/types.js';
import type { Tx } from '../../db/client.js';
import type { References } from '../datasets/datasets.references.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import { toProfile } from '../suppliers/suppliers.mapping.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import { runEngine } from './assessments.engine.js';
import { toAssessment } from './assessments.mapping.js';
import { listForSupplier } from './assessments.repo.js';

interface Deps {
  suppliers: Pick<SuppliersRepo, 'currentSuppliersByIds'>;
  policies: Pick<PoliciesRepo, 'findPublishedPolicy' | 'findPolicies'>;
  references: Pick<References, 'forDocument'>;
}

export interface ScorePreview {
  policyVersion: number;
  /** What the engine would store as the result, for these answers, now. */
  result: AssessmentResult;
  /** The supplier's latest stored assessment (its full breakdown), or null when never assessed. */
  current: ReturnType<typeof toAssessment> | null;
}

/**
 * Scores one supplier under the published policy with `answers` in place of its accepted ones, writing
 * nothing: the same engine call and reference data the assessment write makes (assessments.write.ts), so a
 * write that follows with the same answers stores the same numbers. Null when there is nothing to score:
 * the supplier is archived or not this organisation's, or no policy is published.
 */
export const createPreviewAssessment =
  ({ suppliers, policies, references }: Deps) =>
  async (
    tx: Tx,
    orgId: string,
    supplierId: string,
    answers: CriterionAnswer[],
  ): Promise<ScorePreview | null> => {
    const policy = await policies.findPublishedPolicy(tx, orgId);
    if (!policy) return null;
    const [supplier] = await suppliers.currentSuppliersByIds(tx, orgId, [supplierId]);
    if (!supplier) return null;
    const ref = await references.forDocument(tx, orgId, policy.document);
    const { result } = runEngine(policy.document, toProfile(supplier), ref, answers);
    const [latest] = (await listForSupplier(tx, orgId, supplierId, 1, 0)).items;
    let current: ScorePreview['current'] = null;
    if (latest) {
      const doc =
        latest.policyId === policy.id
          ? policy.document
          : (await policies.findPolicies(tx, orgId, [latest.policyId]))[0]?.document;
      if (doc) current = toAssessment(latest, doc);
    }
    return { policyVersion: policy.version!, result, current };
  };
export type PreviewAssessment = ReturnType<typeof createPreviewAssessment>;
