import type {
  PublishApprovalSetting,
  PublishApprovalSettingUpdate,
  PublishApprove,
  PublishApproved,
  PublishReject,
  PublishRequest,
  PublishRequestCreate,
  PublishRequestsQuery,
  PublishWithdraw,
} from '#shared/schemas/publish-requests.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { conflict, forbidden, notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { checkRevision } from '../../lib/revision.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import { toPolicy } from './policies.mapping.js';
import * as policiesRepo from './policies.repo.js';
import type { PoliciesService } from './policies.service.js';
import { type AdminCounter, publishApproval } from './publish-approval.js';
import * as repo from './publish-requests.repo.js';

interface Deps {
  db: Db;
  /** The publish itself (retire, version, rescore job, audit), in this service's transaction. */
  policies: Pick<PoliciesService, 'publishInTx'>;
  users: AdminCounter;
  nameOf: repo.NameById;
  kickJobs: () => void;
}

const toRequest = (r: repo.PublishRequestRow): PublishRequest => ({
  id: r.id,
  policyId: r.policyId,
  policyRevision: r.policyRevision,
  status: r.status,
  requestedBy: { id: r.requestedBy, name: r.requestedByName },
  comment: r.comment,
  createdAt: r.createdAt.toISOString(),
  decidedBy: r.decidedAt ? { id: r.decidedBy, name: r.decidedByName } : null,
  decisionComment: r.decisionComment,
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

/** Four-eyes steps are a person's: an API key cannot ask for, nor give, the second pair of eyes. */
const personOf = (ctx: RequestCtx): string => {
  if (!ctx.userId)
    throw forbidden('Publication requests and approvals are made by a signed-in administrator');
  return ctx.userId;
};

/**
 * Four-eyes publishing: an admin asks for a draft to be published, another admin approves (the publish
 * happens in the same transaction) or rejects it, each with a comment, and the requester may withdraw it.
 * Every step is audited on the policy; changing the organisation's rule is audited on the organisation.
 */
export const createPublishRequestsService = ({ db, policies, users, nameOf, kickJobs }: Deps) => {
  const load = async (tx: Tx, ctx: RequestCtx, id: string) => {
    const row = await repo.findRequest(tx, ctx.orgId, id, nameOf);
    if (!row) throw notFound('Publication request', id);
    return row;
  };
  const reload = async (tx: Tx, ctx: RequestCtx, id: string) => toRequest(await load(tx, ctx, id));
  const pendingOnly = (row: repo.PublishRequestRow) => {
    if (row.status !== 'pending') throw unprocessable(`This request was already ${row.status}`);
  };
  /** The guarded decision: another admin who decided first wins, this one gets a 409. */
  const decide = async (
    tx: Tx,
    ctx: RequestCtx,
    row: repo.PublishRequestRow,
    values: Parameters<typeof repo.decideRequest>[3],
  ) => {
    if (!(await repo.decideRequest(tx, ctx.orgId, row.id, values))) {
      throw conflict('Another administrator decided this request first: reload it');
    }
  };

  return {
    async list(ctx: RequestCtx, q: PublishRequestsQuery): Promise<PublishRequest[]> {
      requireRole(ctx, 'executive');
      const rows = await withTenant(db, ctx.orgId, (tx) => repo.listRequests(tx, ctx.orgId, q, nameOf));
      return rows.map(toRequest);
    },

    async create(ctx: RequestCtx, policyId: string, input: PublishRequestCreate): Promise<PublishRequest> {
      requireRole(ctx, 'admin');
      const userId = personOf(ctx);
      return withTenant(db, ctx.orgId, async (tx) => {
        const draft = await policiesRepo.findPolicy(tx, ctx.orgId, policyId);
        if (!draft) throw notFound('Policy', policyId);
        if (draft.status !== 'draft') {
          throw unprocessable(`Version ${draft.version} is ${draft.status}: only a draft can be published`);
        }
        checkRevision('policy', input.revision, toPolicy(draft));
        if (await repo.findPendingRequest(tx, ctx.orgId, policyId)) {
          throw unprocessable(
            `"${draft.name}" already awaits approval: decide or withdraw that request first`,
          );
        }
        if (!(await publishApproval(tx, ctx.orgId, users)).required) {
          throw unprocessable(
            "Your organisation does not require a second administrator's approval: publish the draft directly",
          );
        }
        const { id } = await repo.insertRequest(tx, {
          orgId: ctx.orgId,
          policyId,
          policyRevision: draft.revision,
          requestedBy: userId,
          comment: input.comment,
        });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'policy.publish_requested',
          entityType: 'policy',
          entityId: policyId,
          payload: { requestId: id, revision: draft.revision, comment: input.comment },
        });
        return reload(tx, ctx, id);
      });
    },

    /** Another admin approves: the draft, exactly at the revision requested, is published and rescored. */
    async approve(ctx: RequestCtx, id: string, input: PublishApprove): Promise<PublishApproved> {
      requireRole(ctx, 'admin');
      const userId = personOf(ctx);
      const result = await withTenant(db, ctx.orgId, async (tx) => {
        const row = await load(tx, ctx, id);
        pendingOnly(row);
        if (row.requestedBy === userId) {
          throw forbidden('You asked for this publication: another administrator must approve it');
        }
        const comment = input.comment || null;
        await decide(tx, ctx, row, { status: 'approved', decidedBy: userId, decisionComment: comment });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'policy.publish_approved',
          entityType: 'policy',
          entityId: row.policyId,
          payload: { requestId: id, comment },
        });
        const publish = await policies.publishInTx(tx, ctx, row.policyId, row.policyRevision, id);
        return { request: await reload(tx, ctx, id), publish };
      });
      kickJobs();
      return result;
    },

    async reject(ctx: RequestCtx, id: string, input: PublishReject): Promise<PublishRequest> {
      requireRole(ctx, 'admin');
      const userId = personOf(ctx);
      return withTenant(db, ctx.orgId, async (tx) => {
        const row = await load(tx, ctx, id);
        pendingOnly(row);
        if (row.requestedBy === userId) {
          throw forbidden('You asked for this publication: withdraw it instead of rejecting it');
        }
        await decide(tx, ctx, row, { status: 'rejected', decidedBy: userId, decisionComment: input.comment });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'policy.publish_rejected',
          entityType: 'policy',
          entityId: row.policyId,
          payload: { requestId: id, comment: input.comment },
        });
        return reload(tx, ctx, id);
      });
    },

    async withdraw(ctx: RequestCtx, id: string, input: PublishWithdraw): Promise<PublishRequest> {
      requireRole(ctx, 'admin');
      const userId = personOf(ctx);
      return withTenant(db, ctx.orgId, async (tx) => {
        const row = await load(tx, ctx, id);
        pendingOnly(row);
        if (row.requestedBy !== userId) {
          throw forbidden('Only the administrator who asked can withdraw this request: approve or reject it');
        }
        const comment = input.comment || null;
        await decide(tx, ctx, row, { status: 'withdrawn', decidedBy: userId, decisionComment: comment });
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'policy.publish_withdrawn',
          entityType: 'policy',
          entityId: row.policyId,
          payload: { requestId: id, comment },
        });
        return reload(tx, ctx, id);
      });
    },

    async getSetting(ctx: RequestCtx): Promise<PublishApprovalSetting> {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, (tx) => publishApproval(tx, ctx.orgId, users));
    },

    async setSetting(ctx: RequestCtx, input: PublishApprovalSettingUpdate): Promise<PublishApprovalSetting> {
      requireRole(ctx, 'admin');
      return withTenant(db, ctx.orgId, async (tx) => {
        const previous = (await repo.findApprovalSetting(tx, ctx.orgId)) ?? null;
        if (previous === input.required) return publishApproval(tx, ctx.orgId, users);
        await repo.saveApprovalSetting(tx, ctx.orgId, input.required, ctx.userId);
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'org.publish_approval_set',
          entityType: 'organization',
          entityId: ctx.orgId,
          payload: { required: input.required, previous },
        });
        return publishApproval(tx, ctx.orgId, users);
      });
    },
  };
};

export type PublishRequestsService = ReturnType<typeof createPublishRequestsService>;
