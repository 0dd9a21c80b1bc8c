import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import type { Db } from '../../db/client.js';
import { suppliers } from '../../db/schema/suppliers.js';
import { withTenant } from '../../db/tenant.js';
import { SYSTEM_ACTOR } from '../../lib/context.js';
import type { JobHandler } from '../jobs/jobs.runner.js';
import { findPolicy } from '../policies/policies.repo.js';
import { assessSuppliers } from './assessments.write.js';

const BATCH = 1000;

/**
 * Rescore after publishing: every current supplier of the organisation under the policy named in the job.
 * Batches commit one by one (each with its audit events), so progress is visible and a crash loses at most
 * one batch; a supplier is never left half-written.
 */
export const rescoreOrganisation = async (args: {
  db: Db;
  ref: ReferenceData;
  orgId: string;
  policyId: string;
  jobId?: string;
  progress: (done: number, total: number) => Promise<void>;
}) => {
  const { db, ref, orgId, policyId, progress } = args;
  const { policy, total } = await withTenant(db, orgId, async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(suppliers)
      .where(and(eq(suppliers.orgId, orgId), isNull(suppliers.archivedAt)));
    return { policy: await findPolicy(tx, orgId, policyId), total: row?.n ?? 0 };
  });
  if (policy?.status !== 'published') throw new Error(`policy ${policyId} is not published`);
  await progress(0, total);
  let done = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await withTenant(db, orgId, async (tx) => {
      const rows = await tx
        .select()
        .from(suppliers)
        .where(
          and(
            eq(suppliers.orgId, orgId),
            isNull(suppliers.archivedAt),
            after ? gt(suppliers.id, after) : undefined,
          ),
        )
        .orderBy(asc(suppliers.id))
        .limit(BATCH);
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

export const createRescoreHandler =
  ({ db, ref }: { db: Db; ref: ReferenceData }): JobHandler =>
  ({ job, progress }) =>
    rescoreOrganisation({
      db,
      ref,
      orgId: job.orgId,
      policyId: String(job.params.policyId),
      jobId: job.id,
      progress,
    });
