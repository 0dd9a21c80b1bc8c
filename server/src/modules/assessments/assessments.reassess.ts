import type { Tx } from '../../db/client.js';
import type { Actor } from '../../lib/context.js';
import type { PoliciesRepo, PolicyRow } from '../policies/policies.repo.js';
import type { ScoredSupplier, SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { AssessmentRow } from './assessments.repo.js';
import type { AssessArgs, AssessmentTrigger, AssessSuppliers } from './assessments.write.js';

// Ids looked up per query (one JSON parameter each); the assessment write batches its own inserts.
const LOOKUP_BATCH = 5000;

export interface ReassessOptions
  extends Pick<AssessArgs, 'jobId' | 'answers' | 'alongside' | 'auditAtCommit'> {
  /** The published policy when the caller has read it in this transaction already (null: none published). */
  policy?: PolicyRow | null;
  /**
   * The current rows of `ids` (in id order) when the caller has read them in this transaction already, as
   * currentSuppliersByIds reads them (archived ones and other organisations' left out).
   */
  suppliers?: ScoredSupplier[];
}

interface Deps {
  suppliers: Pick<SuppliersRepo, 'currentSuppliersByIds'>;
  policies: Pick<PoliciesRepo, 'findPublishedPolicy'>;
  assessSuppliers: AssessSuppliers;
}

/**
 * Reassesses suppliers by id under the organisation's published policy, in the caller's transaction, so a
 * change and the rating it leads to commit together (a rating is never staler than the profile it shows).
 * `detail` says in words what set it off ("profile changed: migrant worker share"); it is stored and audited
 * with each assessment. Archived suppliers and ids not of this organisation are skipped. With no published
 * policy there is nothing to score against: nothing is written and the answer is empty.
 */
export const createReassessSuppliers =
  ({ suppliers, policies, assessSuppliers }: Deps) =>
  async (
    tx: Tx,
    ctx: { orgId: string; actor: Actor },
    ids: readonly string[],
    trigger: AssessmentTrigger,
    detail: string | null,
    opts: ReassessOptions = {},
  ): Promise<AssessmentRow[]> => {
    if (ids.length === 0) return [];
    const policy =
      opts.policy === undefined ? await policies.findPublishedPolicy(tx, ctx.orgId) : opts.policy;
    if (!policy) return [];
    const written: AssessmentRow[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += LOOKUP_BATCH) {
      const batch = unique.slice(i, i + LOOKUP_BATCH);
      const inBatch = new Set(batch);
      const rows = opts.suppliers
        ? opts.suppliers.filter((s) => inBatch.has(s.id))
        : await suppliers.currentSuppliersByIds(tx, ctx.orgId, batch);
      written.push(
        ...(await assessSuppliers(tx, {
          orgId: ctx.orgId,
          policy,
          suppliers: rows,
          trigger,
          triggerDetail: detail,
          actor: ctx.actor,
          jobId: opts.jobId,
          answers: opts.answers,
          alongside: opts.alongside,
          auditAtCommit: opts.auditAtCommit,
        })),
      );
    }
    return written;
  };
export type ReassessSuppliers = ReturnType<typeof createReassessSuppliers>;
