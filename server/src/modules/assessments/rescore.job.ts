import type { ReferenceData } from '#shared/domain/reference/types.js';
import { RescoreJobParamsSchema } from '#shared/schemas/jobs.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { SYSTEM_ACTOR } from '../../lib/context.js';
import type { JobHandler } from '../jobs/jobs.runner.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { AssessSuppliers } from './assessments.write.js';

const BATCH = 1000;

interface Deps {
  db: Db;
  ref: ReferenceData;
  suppliers: Pick<SuppliersRepo, 'countCurrentSuppliers' | 'currentSuppliersAfter'>;
  policies: Pick<PoliciesRepo, 'findPolicy'>;
  assessSuppliers: AssessSuppliers;
}

export const createRescore = ({ db, ref, suppliers, policies, assessSuppliers }: Deps) => {
  /**
   * Rescore after publishing: every current supplier of the organisation under the policy named in the job.
   * Batches commit one by one (each with its audit events), so progress is visible and a crash loses at most
   * one batch; a supplier is never left half-written.
   */
  const rescoreOrganisation = async (args: {
    orgId: string;
    policyId: string;
    jobId?: string;
    progress: (done: number, total: number) => Promise<void>;
  }) => {
    const { orgId, policyId, progress } = args;
    const { policy, total } = await withTenant(db, orgId, async (tx) => ({
      total: await suppliers.countCurrentSuppliers(tx, orgId),
      policy: await policies.findPolicy(tx, orgId, policyId),
    }));
    if (policy?.status !== 'published') throw new Error(`policy ${policyId} is not published`);
    await progress(0, total);
    let done = 0;
    let after: string | undefined;
    for (;;) {
      const batch = await withTenant(db, orgId, async (tx) => {
        const rows = await suppliers.currentSuppliersAfter(tx, orgId, after, BATCH);
        await assessSuppliers(tx, {
          orgId,
          policy,
          suppliers: rows,
          ref,
          trigger: 'policy_published',
          actor: SYSTEM_ACTOR,
          jobId: args.jobId,
        });
        return rows;
      });
      done += batch.length;
      await progress(done, Math.max(total, done));
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1]!.id;
    }
    return { assessed: done, policyId, policyVersion: policy.version };
  };

  const handler: JobHandler = ({ job, progress }) =>
    rescoreOrganisation({
      orgId: job.orgId,
      policyId: RescoreJobParamsSchema.parse(job.params).policyId,
      jobId: job.id,
      progress,
    });

  return { rescoreOrganisation, handler };
};
