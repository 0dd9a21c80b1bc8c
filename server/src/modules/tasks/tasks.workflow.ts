import {
  checkTransition,
  type TaskActor,
  TRANSITION_REFUSAL_ERROR,
} from '#shared/domain/tasks/transitions.js';
import type { TaskStatus, TaskTransition } from '#shared/schemas/tasks.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Actor } from '../../lib/context.js';
import { checkRevision, staleRevision } from '../../lib/revision.js';
import { setFindingStatus } from '../assignments/findings.repo.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import { actorColumns, stateOf, toTask } from './tasks.mapping.js';
import * as repo from './tasks.repo.js';
import { insertComment } from './tasks-thread.repo.js';

// One move of a task through the workflow, for every kind of actor (staff, the supplier's link, the
// platform): the transitions table decides, the row is written under its revision, the reason goes into the
// thread, the finding follows, and each change is audited in the same transaction.

/** The status a finding takes when its task reaches `to`: done, accepted, or (any other move) open. */
const findingStatusFor = (to: TaskStatus) =>
  to === 'closed' ? 'closed' : to === 'risk_accepted' ? 'risk_accepted' : ('open' as const);

const NONE = {
  submittedByUserId: null,
  submittedByApiKeyId: null,
  submittedByLinkId: null,
  submittedAt: null,
};
const NO_ACCEPTANCE = {
  riskAcceptanceJustification: null,
  riskAcceptedUntil: null,
  riskAcceptedBy: null,
  riskAcceptedAt: null,
};
const NOT_CLOSED = { closedBy: null, closedAt: null };

/** The columns a move writes: who and when for the state it enters; what belonged to the state it left is cleared. */
const valuesFor = (to: TaskStatus, actor: Actor, input: Partial<TaskTransition>, now: Date) => {
  const by = actorColumns(actor);
  switch (to) {
    case 'pending_verification':
      return {
        ...NO_ACCEPTANCE,
        ...NOT_CLOSED,
        submittedByUserId: by.userId,
        submittedByApiKeyId: by.apiKeyId,
        submittedByLinkId: by.linkId,
        submittedAt: now,
      };
    // The submitter stays on a closed task: who marked it done, and who verified it, are both the record.
    case 'closed':
      return { ...NO_ACCEPTANCE, closedBy: by.userId, closedAt: now };
    case 'risk_accepted':
      return {
        ...NONE,
        ...NOT_CLOSED,
        riskAcceptanceJustification: input.justification ?? '',
        riskAcceptedUntil: input.riskAcceptedUntil ?? null,
        riskAcceptedBy: by.userId,
        riskAcceptedAt: now,
      };
    default:
      return { ...NONE, ...NO_ACCEPTANCE, ...NOT_CLOSED };
  }
};

export interface Move {
  orgId: string;
  /** Who, as the audit trail and the tables record it. */
  actor: Actor;
  /** Who, as the transitions table reads it. */
  taskActor: TaskActor;
  input: Pick<TaskTransition, 'to'> & Partial<Omit<TaskTransition, 'to'>>;
  /** The revision the move was made from (If-Match or `revision`); undefined: the current one. */
  expected: number | undefined;
  today: string;
  /** The reason written into the thread when the mover gave none (the platform's own moves). */
  systemReason?: string;
  /**
   * Rescores the supplier in this transaction, when its finding is closed or reopened: a verified fix counts
   * as controlled in the next assessment (tasks.scoring.ts). `detail` says which task, in words.
   */
  rescore?: (tx: Tx, supplierId: string, detail: string) => Promise<unknown>;
}

/**
 * Moves the task `row` (read under its lock by the caller) as `move` says, or refuses with the table's reason:
 * a missing reason, justification or expiry is a 400 naming that field; a move the actor may not make is a
 * 403 (404 for a supplier and a task not shown to it); a move that does not exist is a 422.
 */
export const moveTask = async (tx: Tx, row: repo.TaskRow, move: Move) => {
  const { orgId, actor, input, today } = move;
  checkRevision('task', move.expected, toTask(row, today));
  const check = checkTransition(stateOf(row), move.taskActor, input.to, input, today);
  if (!check.ok) {
    const code = TRANSITION_REFUSAL_ERROR[check.code];
    if (code === 'not_found') throw new AppError('not_found', `Task ${row.id} was not found`);
    throw new AppError(
      code,
      check.message,
      check.field ? [{ path: check.field, message: check.message }] : undefined,
    );
  }
  const now = new Date();
  const ok = await repo.updateTask(tx, orgId, row.id, row.revision, {
    status: input.to,
    ...valuesFor(input.to, actor, input, now),
  });
  if (!ok) {
    const current = await repo.findTask(tx, orgId, row.id);
    throw staleRevision('task', toTask(current ?? row, today));
  }
  const comment = input.comment?.trim() || move.systemReason;
  if (comment) {
    await insertComment(tx, {
      orgId,
      taskId: row.id,
      by: actorColumns(actor),
      body: comment,
      toStatus: input.to,
    });
  }
  await appendAuditEvent(tx, orgId, actor, {
    action: 'task.transitioned',
    entityType: 'task',
    entityId: row.id,
    payload: {
      from: row.status,
      to: input.to,
      comment: comment ?? null,
      ...(input.to === 'risk_accepted'
        ? { justification: input.justification ?? null, riskAcceptedUntil: input.riskAcceptedUntil ?? null }
        : {}),
    },
  });
  if (row.findingId) {
    const to = findingStatusFor(input.to);
    const before = await setFindingStatus(tx, orgId, row.findingId, to);
    if (before && before.status !== to) {
      await appendAuditEvent(tx, orgId, actor, {
        action: 'finding.status_changed',
        entityType: 'finding',
        entityId: row.findingId,
        payload: { key: before.key, from: before.status, to, taskId: row.id },
      });
      if (move.rescore && (to === 'closed' || before.status === 'closed')) {
        const what = to === 'closed' ? 'remediation verified' : 'remediation reopened';
        await move.rescore(tx, row.supplierId, `${what}: ${row.title}`);
      }
    }
  }
};
