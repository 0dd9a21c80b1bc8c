import type { CriterionAnswer } from '#shared/domain/scoring/types.js';
import type { Changes } from '#shared/schemas/audit.js';
import type { JobKind, RescoreJobParams } from '#shared/schemas/jobs.js';
import type { Policy, PolicyCreate, PolicyUpdate } from '#shared/schemas/policy.js';
import type { PublishResult, WhatIf } from '#shared/schemas/what-if.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { checkRevision, written } from '../../lib/revision.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { References } from '../datasets/datasets.references.js';
import type { DatasetsService } from '../datasets/datasets.service.js';
import { toJob } from '../jobs/jobs.mapping.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import { toPolicy } from './policies.mapping.js';
import * as repo from './policies.repo.js';
import { computeWhatIf } from './policies.what-if.js';
import { type AdminCounter, publishApproval } from './publish-approval.js';
import { findPendingRequest } from './publish-requests.repo.js';

export const RESCORE_JOB: JobKind = 'rescore';

interface Deps {
  db: Db;
  /** Each policy's reference data: the shipped data with the editions its document pins. */
  references: Pick<References, 'forDocument'>;
  /** A draft may pin only editions of this organisation, and a pinned edition cannot be deleted. */
  datasets: Pick<DatasetsService, 'checkPins'>;
  /** What-if scores the current suppliers. */
  suppliers: Pick<SuppliersRepo, 'listCurrentProfiles'>;
  /** …with their accepted, unexpired questionnaire answers (the assignments module's). */
  acceptedAnswers?: (tx: Tx, orgId: string) => Promise<Map<string, CriterionAnswer[]>>;
  /** Publishing queues the rescore. */
  jobs: Pick<JobsRepo, 'insertJob'>;
  /** Starts the job runner at once after a commit that queued work. */
  kickJobs: () => void;
  /** Four-eyes publishing is on by default from two active admins. */
  users: AdminCounter;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const whatIfBusy = () =>
  new AppError(
    'rate_limited',
    'A what-if is already running for your organisation: wait for it to finish, then try again',
  );

export const createPoliciesService = ({
  db,
  references,
  datasets,
  suppliers,
  jobs,
  kickJobs,
  users,
  acceptedAnswers,
}: Deps) => {
  const load = async (tx: Tx, ctx: RequestCtx, id: string) => {
    const row = await repo.findPolicy(tx, ctx.orgId, id);
    if (!row) throw notFound('Policy', id);
    return row;
  };
  /** Reads the policy a change is about, refusing it (409) when it is not at the `expected` revision. */
  const loadForUpdate = async (tx: Tx, ctx: RequestCtx, id: string, expected: number | undefined) => {
    const row = await load(tx, ctx, id);
    checkRevision('policy', expected, toPolicy(row));
    return row;
  };
  /** The guarded write of a change read before (409 when another write came in between). */
  const write = async (tx: Tx, ctx: RequestCtx, before: repo.PolicyRow, values: Partial<repo.PolicyRow>) =>
    written(
      await repo.updatePolicy(tx, ctx.orgId, before.id, before.revision, values),
      'policy',
      async () => {
        const row = await repo.findPolicy(tx, ctx.orgId, before.id);
        return row && toPolicy(row);
      },
    );
  const draftOnly = (row: repo.PolicyRow) => {
    if (row.status !== 'draft') {
      throw unprocessable(
        `Version ${row.version} is ${row.status} and cannot change: make a draft copy of it instead`,
      );
    }
  };

  /**
   * A draft awaiting approval is frozen: the approver reviews one revision, and an edit would change what
   * they approve behind their back (or void their review silently). The requester withdraws it to edit.
   */
  const notAwaitingApproval = async (tx: Tx, ctx: RequestCtx, row: repo.PolicyRow, doing: string) => {
    if (await findPendingRequest(tx, ctx.orgId, row.id)) {
      throw unprocessable(
        `"${row.name}" is awaiting a second administrator's approval to be published: ${doing}`,
      );
    }
  };

  /** The publish itself, in the caller's transaction (direct, or on approval with the request's id). */
  const publishInTx = async (
    tx: Tx,
    ctx: RequestCtx,
    id: string,
    expected: number | undefined,
    requestId?: string,
  ): Promise<PublishResult> => {
    const draft = await loadForUpdate(tx, ctx, id, expected);
    draftOnly(draft);
    const previous = await repo.findPublishedPolicy(tx, ctx.orgId);
    if (previous) await write(tx, ctx, previous, { status: 'retired', retiredAt: new Date() });
    const version = await repo.nextPolicyVersion(tx, ctx.orgId);
    const row = await write(tx, ctx, draft, {
      status: 'published',
      version,
      publishedAt: new Date(),
    });
    const job = await jobs.insertJob(tx, {
      orgId: ctx.orgId,
      kind: RESCORE_JOB,
      params: { policyId: id, version } satisfies RescoreJobParams,
      createdBy: ctx.actor.label,
    });
    await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
      action: 'policy.published',
      entityType: 'policy',
      entityId: id,
      payload: {
        name: row.name,
        version,
        retiredId: previous?.id ?? null,
        ...(requestId ? { requestId } : {}),
      },
    });
    return { policy: toPolicy(row), job: toJob(job) };
  };

  return {
    publishInTx,

    async list(ctx: RequestCtx): Promise<Policy[]> {
      requireRole(ctx, 'executive');
      const rows = await withTenant(db, ctx.orgId, (tx) => repo.listPolicies(tx, ctx.orgId));
      return rows.map(toPolicy);
    },

    async get(ctx: RequestCtx, id: string): Promise<Policy> {
      requireRole(ctx, 'executive');
      return toPolicy(await withTenant(db, ctx.orgId, (tx) => load(tx, ctx, id)));
    },

    /** A draft copy of any policy of this organisation (usually the published one), for an admin to tune. */
    async createDraft(ctx: RequestCtx, input: PolicyCreate): Promise<Policy> {
      requireRole(ctx, 'admin');
      return withTenant(db, ctx.orgId, async (tx) => {
        const base = await repo.findPolicy(tx, ctx.orgId, input.basedOn);
        if (!base) throw unprocessable(`Policy ${input.basedOn} was not found`, 'basedOn');
        const row = await repo.insertPolicy(tx, {
          orgId: ctx.orgId,
          name: input.name,
          status: 'draft',
          basedOnId: base.id,
          document: { ...base.document, name: input.name },
          createdBy: ctx.userId,
        });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'policy.created',
          entityType: 'policy',
          entityId: row.id,
          payload: { name: row.name, basedOnId: base.id },
        });
        return toPolicy(row);
      });
    },

    /** Edits a draft; `expected` is the revision the edit was made from (If-Match or body): stale → 409. */
    async update(ctx: RequestCtx, id: string, input: PolicyUpdate, expected?: number): Promise<Policy> {
      requireRole(ctx, 'admin');
      return withTenant(db, ctx.orgId, async (tx) => {
        const before = await loadForUpdate(tx, ctx, id, expected);
        draftOnly(before);
        await notAwaitingApproval(tx, ctx, before, 'withdraw the request before editing it');
        // The name lives on the row (for lists) and in the document (what a copy carries): one value for both.
        const name = input.name ?? input.document?.name ?? before.name;
        const document = { ...(input.document ?? before.document), name };
        const changes: Changes = {};
        if (name !== before.name) changes.name = { from: before.name, to: name };
        if (!sameJson(document, before.document)) changes.document = { from: before.document, to: document };
        if (!sameJson(document.datasets, before.document.datasets)) {
          await datasets.checkPins(tx, ctx.orgId, document.datasets);
        }
        if (Object.keys(changes).length === 0) return toPolicy(before);
        const row = await write(tx, ctx, before, { name, document });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'policy.updated',
          entityType: 'policy',
          entityId: id,
          payload: { changes },
        });
        return toPolicy(row);
      });
    },

    /**
     * Deletes a draft that was never published (a published or retired version is kept for ever: assessments
     * cite it). Such a draft has no assessment and no job (both need a published policy), so nothing refers
     * to it; drafts copied from it keep its id in `basedOnId`, as the audit trail does. `expected` (If-Match)
     * deletes only the draft as the admin last saw it (stale → 409).
     */
    async deleteDraft(ctx: RequestCtx, id: string, expected?: number): Promise<void> {
      requireRole(ctx, 'admin');
      await withTenant(db, ctx.orgId, async (tx) => {
        const row = await loadForUpdate(tx, ctx, id, expected);
        if (row.status !== 'draft' || row.publishedAt !== null) {
          throw unprocessable(
            `Version ${row.version} is ${row.status}: only a draft that was never published can be deleted`,
          );
        }
        await notAwaitingApproval(tx, ctx, row, 'withdraw the request before deleting it');
        if (!(await repo.deleteDraft(tx, ctx.orgId, id, row.revision))) {
          await written(undefined, 'policy', async () => {
            const now = await repo.findPolicy(tx, ctx.orgId, id);
            return now && toPolicy(now);
          });
        }
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'policy.deleted',
          entityType: 'policy',
          entityId: id,
          payload: { name: row.name, basedOnId: row.basedOnId, revision: row.revision },
        });
      });
    },

    /**
     * Publishes a draft as the next version (frozen from then on), retires the previous one, and queues the
     * rescore of the whole portfolio under it; the answer carries the job to poll for progress. With
     * `expected` (If-Match), only the draft as the admin reviewed it is published, not one edited since.
     */
    async publish(ctx: RequestCtx, id: string, expected?: number): Promise<PublishResult> {
      requireRole(ctx, 'admin');
      const result = await withTenant(db, ctx.orgId, async (tx) => {
        const draft = await load(tx, ctx, id);
        draftOnly(draft);
        await notAwaitingApproval(tx, ctx, draft, 'approve, reject or withdraw that request instead');
        if ((await publishApproval(tx, ctx.orgId, users)).required) {
          throw unprocessable(
            "Your organisation requires a second administrator's approval to publish a policy: request approval instead",
          );
        }
        return publishInTx(tx, ctx, id, expected);
      });
      kickJobs();
      return result;
    },

    /**
     * The portfolio under this policy next to the published one; writes nothing. It scores the whole
     * portfolio twice in memory, hence officers and admins only, and one at a time per organisation: on
     * PostgreSQL a second one, from any API instance, answers 429 at once rather than queueing; on PGlite
     * (one connection) requests already run one transaction at a time, so a second one waits its turn.
     */
    async whatIf(ctx: RequestCtx, id: string): Promise<WhatIf> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        if (!(await repo.tryWhatIfLock(tx, ctx.orgId))) throw whatIfBusy();
        const row = await load(tx, ctx, id);
        const published = await repo.findPublishedPolicy(tx, ctx.orgId);
        const draftRef = await references.forDocument(tx, ctx.orgId, row.document);
        const publishedRef = published
          ? await references.forDocument(tx, ctx.orgId, published.document)
          : draftRef;
        return computeWhatIf(
          await suppliers.listCurrentProfiles(tx, ctx.orgId),
          { id: row.id, document: row.document },
          published && published.id !== row.id
            ? { id: published.id, version: published.version!, document: published.document }
            : undefined,
          { draft: draftRef, published: publishedRef },
          acceptedAnswers ? await acceptedAnswers(tx, ctx.orgId) : undefined,
        );
      });
    },
  };
};

export type PoliciesService = ReturnType<typeof createPoliciesService>;
