import { type JobKind, type RescoreJobParams, RescoreJobParamsSchema } from '#shared/schemas/jobs.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { type Actor, SYSTEM_ACTOR } from '../../lib/context.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { JobHandler } from '../jobs/jobs.runner.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import type { ScoredSupplier, SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { ReassessSuppliers } from './assessments.reassess.js';
import type { AssessSuppliers } from './assessments.write.js';

/** The job kind that rescores (the policies module queues it on publish; imports queue it for their suppliers). */
export const RESCORE_KIND: JobKind = 'rescore';

interface Deps {
  db: Db;
  suppliers: Pick<SuppliersRepo, 'countCurrentSuppliers' | 'currentSuppliersAfter' | 'recomputeChainRisk'>;
  policies: Pick<PoliciesRepo, 'findPolicy' | 'findPublishedPolicy'>;
  jobs: Pick<JobsRepo, 'insertJob'>;
  assessSuppliers: AssessSuppliers;
  reassessSuppliers: ReassessSuppliers;
  /** Suppliers per transaction (default 1,000): each batch commits with its audit events. */
  batch?: number;
}

export const createRescore = ({
  db,
  suppliers,
  policies,
  jobs,
  assessSuppliers,
  reassessSuppliers,
  batch: BATCH = 1000,
}: Deps) => {
  /**
   * Rescore after publishing: every current supplier of the organisation under the policy named in the job.
   * Batches commit one by one (each with its audit events), so progress is visible and a crash loses at most
   * the two batches in flight; a supplier is never left half-written. Two batches overlap: the next one is
   * read, scored and written while the previous one appends its audit events and commits (the chain's lock
   * keeps their events in order), so the application and PostgreSQL work at the same time instead of in turn.
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
    // Whether any supplier's rating or residual score changed (a policy that leaves them all as they were needs
    // no chain-risk recompute).
    let moved = false;
    /** One batch in its own transaction; `rows` settles once its suppliers are read, `committed` at commit. */
    const startBatch = (after: string | undefined) => {
      let read!: (rows: ScoredSupplier[]) => void;
      const rowsRead = new Promise<ScoredSupplier[]>((resolve) => {
        read = resolve;
      });
      const committed = withTenant(db, orgId, async (tx) => {
        const rows = await suppliers.currentSuppliersAfter(tx, orgId, after, BATCH);
        read(rows);
        const written = await assessSuppliers(tx, {
          orgId,
          policy,
          suppliers: rows,
          trigger: 'policy_published',
          actor: SYSTEM_ACTOR,
          jobId: args.jobId,
          deferChainRisk: true,
        });
        // Written in the order read: chain risk follows ratings and residual scores, nothing else a rescore
        // writes.
        if (
          written.some((a, i) => a.rating !== rows[i]!.rating || a.residualScore !== rows[i]!.residualScore)
        )
          moved = true;
        return rows.length;
      });
      // Awaited below, in order; a failure while the other batch is awaited must not count as unhandled.
      committed.catch(() => {});
      return { rows: Promise.race([rowsRead, committed.then(() => rowsRead)]), committed };
    };
    let done = 0;
    let after: string | undefined;
    // The transactions started and not yet counted, oldest first (never more than two).
    const running: Promise<number>[] = [];
    try {
      for (;;) {
        const batch = startBatch(after);
        running.push(batch.committed);
        const rows = await batch.rows;
        if (running.length > 1) {
          done += await running.shift()!;
          await progress(done, Math.max(total, done));
        }
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1]!.id;
      }
      done += await running.shift()!;
      await progress(done, Math.max(total, done));
    } catch (err) {
      // The job ends only once no transaction of it is still running.
      await Promise.allSettled(running);
      throw err;
    }
    // Chain risk once for the whole register, after the last batch: one set-based statement, not a roll-up
    // through the ancestors of every batch (the top of a chain would be rewritten once per batch). Skipped
    // when no rating or residual score moved: the chain risks already name the riskiest supplier of each
    // sub-tree (a change made meanwhile by a request rolled up its own).
    if (moved) await withTenant(db, orgId, (tx) => suppliers.recomputeChainRisk(tx, orgId));
    return { assessed: done, policyId, policyVersion: policy.version };
  };

  /**
   * Assesses the suppliers a job lists (an import's), batch by batch under the policy published when each
   * batch runs, so a policy published meanwhile is the one used. Archived or removed suppliers are skipped.
   */
  const reassessListed = async (args: {
    orgId: string;
    params: RescoreJobParams & { supplierIds: string[] };
    jobId: string;
    progress: (done: number, total: number) => Promise<void>;
  }) => {
    const { orgId, params, progress } = args;
    const ids = params.supplierIds;
    await progress(0, ids.length);
    let assessed = 0;
    let policy = { id: params.policyId, version: params.version };
    for (let i = 0; i < ids.length; i += BATCH) {
      const written = await withTenant(db, orgId, (tx) =>
        reassessSuppliers(
          tx,
          { orgId, actor: SYSTEM_ACTOR },
          ids.slice(i, i + BATCH),
          params.trigger ?? 'import',
          params.triggerDetail ?? null,
          { jobId: args.jobId },
        ),
      );
      assessed += written.length;
      if (written[0]) policy = { id: written[0].policyId, version: written[0].policyVersion };
      await progress(Math.min(i + BATCH, ids.length), ids.length);
    }
    return { assessed, policyId: policy.id, policyVersion: policy.version };
  };

  /**
   * Queues, in the caller's transaction, a job assessing `ids` (work too large for a request, e.g. a large
   * import); the caller kicks the runner once the transaction has committed. Null when no policy is
   * published (nothing to score against).
   */
  const queueReassessment = async (
    tx: Tx,
    ctx: { orgId: string; actor: Actor },
    ids: readonly string[],
    trigger: 'import',
    detail: string,
  ): Promise<string | null> => {
    if (ids.length === 0) return null;
    const policy = await policies.findPublishedPolicy(tx, ctx.orgId);
    if (!policy) return null;
    const job = await jobs.insertJob(tx, {
      orgId: ctx.orgId,
      kind: RESCORE_KIND,
      params: {
        policyId: policy.id,
        version: policy.version!,
        supplierIds: [...ids],
        suppliers: ids.length,
        trigger,
        triggerDetail: detail,
      } satisfies RescoreJobParams,
      progressTotal: ids.length,
      createdBy: ctx.actor.label,
    });
    return job.id;
  };

  const handler: JobHandler = ({ job, progress }) => {
    const params = RescoreJobParamsSchema.parse(job.params);
    return params.supplierIds
      ? reassessListed({
          orgId: job.orgId,
          params: { ...params, supplierIds: params.supplierIds },
          jobId: job.id,
          progress,
        })
      : rescoreOrganisation({ orgId: job.orgId, policyId: params.policyId, jobId: job.id, progress });
  };

  return { rescoreOrganisation, queueReassessment, handler };
};
export type Rescore = ReturnType<typeof createRescore>;
