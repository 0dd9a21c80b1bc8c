import type { Readable } from 'node:stream';
import { canComment } from '#shared/domain/tasks/transitions.js';
import {
  type TaskComment,
  type TaskDetail,
  type TaskEvidenceFile,
  type TaskTransition,
  todayUtc,
} from '#shared/schemas/tasks.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { forbidden, notFound } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import type { IncomingFile } from '../../lib/storage/intake.js';
import type { ReassessSuppliers } from '../assessments/assessments.reassess.js';
import { stateOf, taskActorOf, toComment, toEvidenceFile } from './tasks.mapping.js';
import * as repo from './tasks.repo.js';
import { loadDetail } from './tasks.service.js';
import { moveTask } from './tasks.workflow.js';
import { addComment, type TaskEvidence } from './tasks-evidence.js';
import { findEvidence, listComments } from './tasks-thread.repo.js';

/** What staff do to one task besides editing it: move it, comment on it, give and fetch its evidence. */
interface Deps {
  db: Db;
  evidence: TaskEvidence;
  /** Scores suppliers in the caller's transaction (the assessments module's reassessSuppliers). */
  reassess?: ReassessSuppliers;
}

export const createTaskActions = ({ db, evidence, reassess }: Deps) => {
  const locked = async (tx: Tx, orgId: string, id: string) => {
    const row = await repo.findTask(tx, orgId, id, { lock: true });
    if (!row) throw notFound('Task', id);
    return row;
  };

  const mayComment = (ctx: RequestCtx, row: repo.TaskRow) => {
    if (!canComment(stateOf(row), taskActorOf(ctx)))
      throw forbidden('Your role is read-only: executives change no task');
  };

  return {
    /** One move through the workflow (the transitions table decides); answers the task with its thread. */
    async transition(
      ctx: RequestCtx,
      id: string,
      input: TaskTransition,
      expected: number | undefined,
    ): Promise<TaskDetail> {
      requireRole(ctx, 'officer');
      const today = todayUtc();
      return withTenant(db, ctx.orgId, async (tx) => {
        const row = await locked(tx, ctx.orgId, id);
        await moveTask(tx, row, {
          orgId: ctx.orgId,
          actor: ctx.actor,
          taskActor: taskActorOf(ctx),
          input,
          expected,
          today,
          rescore:
            reassess &&
            ((tx2, supplierId, detail) => reassess(tx2, ctx, [supplierId], 'remediation', detail)),
        });
        return loadDetail(tx, ctx.orgId, id, today);
      });
    },

    async comment(ctx: RequestCtx, id: string, body: string): Promise<TaskComment> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        const row = await locked(tx, ctx.orgId, id);
        mayComment(ctx, row);
        const commentId = await addComment(tx, ctx.orgId, row, ctx.actor, body);
        const saved = (await listComments(tx, ctx.orgId, id)).find((c) => c.id === commentId)!;
        return toComment(saved, row.supplierName);
      });
    },

    async uploadEvidence(ctx: RequestCtx, id: string, file: IncomingFile): Promise<TaskEvidenceFile> {
      requireRole(ctx, 'officer');
      return evidence.upload(
        file,
        () =>
          withTenant(db, ctx.orgId, async (tx) => {
            const row = await repo.findTask(tx, ctx.orgId, id);
            if (!row) throw notFound('Task', id);
            mayComment(ctx, row);
            await evidence.checkRoom(tx, ctx.orgId, id, 0);
            return { orgId: ctx.orgId, taskId: id };
          }),
        (stored, fileId) =>
          withTenant(db, ctx.orgId, async (tx) => {
            const row = await locked(tx, ctx.orgId, id);
            return evidence.recordFile(tx, ctx.orgId, row, ctx.actor, stored, fileId);
          }),
      );
    },

    async downloadEvidence(
      ctx: RequestCtx,
      id: string,
      fileId: string,
    ): Promise<{ file: TaskEvidenceFile; body: Readable }> {
      requireRole(ctx, 'executive');
      const found = await withTenant(db, ctx.orgId, async (tx) => {
        const row = await repo.findTask(tx, ctx.orgId, id);
        if (!row) throw notFound('Task', id);
        const file = await findEvidence(tx, ctx.orgId, id, fileId);
        return file && { file: toEvidenceFile(file, row.supplierName), key: file.storageKey };
      });
      if (!found) throw notFound('File', fileId);
      return { file: found.file, body: await evidence.body(found.key) };
    },
  };
};

export type TaskActions = ReturnType<typeof createTaskActions>;
