import type { TaskActor, TaskState } from '#shared/domain/tasks/transitions.js';
import {
  isActiveTaskStatus,
  type Task,
  type TaskActorRef,
  type TaskComment,
  type TaskEvidenceFile,
  todayUtc,
} from '#shared/schemas/tasks.js';
import type { Actor, RequestCtx } from '../../lib/context.js';
import type { TaskRow } from './tasks.repo.js';
import type { ActorColumns, CommentRow, EvidenceRow } from './tasks-thread.repo.js';

// Rows to the contract (shared/src/schemas/tasks.ts), and the actor in its three forms: the request's, the
// transitions table's, and the three nullable columns the tables keep.

/** What a supplier acting through its link is called in a task's thread. */
export const supplierLabel = (supplierName: string) => `${supplierName} (supplier)`;

/** The actor as the transitions table reads it. */
export const taskActorOf = (ctx: RequestCtx): TaskActor =>
  ctx.actor.type === 'api_key'
    ? { type: 'api_key', id: ctx.actor.id!, role: ctx.role }
    : { type: 'user', id: ctx.userId!, role: ctx.role };

/** The actor as the tables record it: one of three columns, all null for the platform. */
export const actorColumns = (actor: Actor): ActorColumns => ({
  userId: actor.type === 'user' ? actor.id : null,
  apiKeyId: actor.type === 'api_key' ? actor.id : null,
  linkId: actor.type === 'supplier_link' ? actor.id : null,
});

const refOf = (cols: ActorColumns, name: string | null, supplierName: string): TaskActorRef => {
  if (cols.userId) return { type: 'user', id: cols.userId, label: name };
  if (cols.apiKeyId) return { type: 'api_key', id: cols.apiKeyId, label: name };
  if (cols.linkId) return { type: 'supplier_link', id: cols.linkId, label: supplierLabel(supplierName) };
  return { type: 'system', id: null, label: 'Clearsource' };
};

const submitterCols = (r: TaskRow): ActorColumns => ({
  userId: r.submittedByUserId,
  apiKeyId: r.submittedByApiKeyId,
  linkId: r.submittedByLinkId,
});

/** What the transitions table reads of a stored task. */
export const stateOf = (r: TaskRow): TaskState => {
  const by = submitterCols(r);
  const key = by.userId
    ? { type: 'user' as const, id: by.userId }
    : by.apiKeyId
      ? { type: 'api_key' as const, id: by.apiKeyId }
      : by.linkId
        ? { type: 'supplier_link' as const, id: by.linkId }
        : null;
  return {
    status: r.status,
    supplierVisible: r.supplierVisible,
    submittedForVerificationBy: r.status === 'pending_verification' ? key : null,
    riskAcceptedUntil: r.riskAcceptedUntil,
  };
};

export const isOverdue = (r: Pick<TaskRow, 'status' | 'dueDate'>, today = todayUtc()) =>
  isActiveTaskStatus(r.status) && r.dueDate < today;

export const toTask = (r: TaskRow, today = todayUtc()): Task => ({
  id: r.id,
  supplierId: r.supplierId,
  supplierName: r.supplierName,
  findingId: r.findingId,
  criterion: r.criterion,
  title: r.title,
  description: r.description,
  severity: r.severity,
  ownerId: r.ownerId,
  ownerName: r.ownerName,
  dueDate: r.dueDate,
  overdue: isOverdue(r, today),
  supplierVisible: r.supplierVisible,
  status: r.status,
  submittedForVerification: r.submittedAt
    ? { by: refOf(submitterCols(r), r.submittedByName, r.supplierName), at: r.submittedAt.toISOString() }
    : null,
  riskAcceptance:
    r.status === 'risk_accepted' && r.riskAcceptedBy && r.riskAcceptedAt
      ? {
          justification: r.riskAcceptanceJustification ?? '',
          until: r.riskAcceptedUntil ?? '',
          acceptedBy: { type: 'user', id: r.riskAcceptedBy, label: r.riskAcceptedByName },
          acceptedAt: r.riskAcceptedAt.toISOString(),
        }
      : null,
  closed:
    r.closedBy && r.closedAt
      ? { by: { type: 'user', id: r.closedBy, label: r.closedByName }, at: r.closedAt.toISOString() }
      : null,
  createdBy: r.createdBy ? { type: 'user', id: r.createdBy, label: r.createdByName } : null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  revision: r.revision,
});

export const toComment = (r: CommentRow, supplierName: string): TaskComment => ({
  id: r.id,
  taskId: r.taskId,
  author: refOf(
    { userId: r.authorUserId, apiKeyId: r.authorApiKeyId, linkId: r.authorLinkId },
    r.authorName,
    supplierName,
  ),
  body: r.body,
  createdAt: r.createdAt.toISOString(),
});

export const toEvidenceFile = (r: EvidenceRow, supplierName: string): TaskEvidenceFile => ({
  id: r.id,
  taskId: r.taskId,
  fileName: r.fileName,
  mediaType: r.mediaType,
  size: r.size,
  sha256: r.sha256,
  createdAt: r.createdAt.toISOString(),
  uploadedBy: refOf(
    { userId: r.uploadedByUserId, apiKeyId: r.uploadedByApiKeyId, linkId: r.uploadedByLinkId },
    r.uploaderName,
    supplierName,
  ),
});
