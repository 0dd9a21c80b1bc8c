import { allowedTransitions } from '#shared/domain/tasks/transitions.js';
import {
  type PortalTask,
  type PortalTaskComment,
  type PortalTasks,
  type TaskEvidenceFile,
  todayUtc,
} from '#shared/schemas/tasks.js';
import type { Tx } from '../../db/client.js';
import { notFound } from '../../lib/app-error.js';
import type { IncomingFile } from '../../lib/storage/intake.js';
import type { PortalService, Session } from '../assignments/portal.service.js';
import { isOverdue, stateOf, toEvidenceFile } from './tasks.mapping.js';
import * as repo from './tasks.repo.js';
import { moveTask } from './tasks.workflow.js';
import { addComment, type TaskEvidence } from './tasks-evidence.js';
import { listComments, listEvidence } from './tasks-thread.repo.js';

// A supplier's remediation tasks through its portal link (any live link of the supplier: the link names an
// assignment, the assignment its supplier). It sees and acts on its supplier-visible tasks only; any other
// task, of this supplier or another, does not exist for it (404). See PortalTaskSchema for what is withheld.

/** The most a supplier sees at once (the board's page size); a supplier has a handful of tasks. */
const MAX_TASKS = 200;

/** Moves whose reasons stay inside the organisation (a risk acceptance's comment). */
const INTERNAL_MOVES = new Set(['risk_accepted']);

export const createTaskPortal = ({
  portal,
  evidence,
}: {
  portal: Pick<PortalService, 'open'>;
  evidence: TaskEvidence;
}) => {
  const supplierActor = (s: Session) => ({ type: 'supplier_link' as const, id: s.row.id });

  /** The task, if it is this supplier's and shown to it (otherwise 404, whatever the reason). */
  const visibleTask = async (tx: Tx, s: Session, id: string, { lock = false } = {}) => {
    const row = await repo.findTask(tx, s.orgId, id, { lock });
    if (!row || row.supplierId !== s.row.supplierId || !row.supplierVisible) throw notFound('Task', id);
    return row;
  };

  const present = async (tx: Tx, s: Session, row: repo.TaskRow, today: string): Promise<PortalTask> => {
    const [comments, files] = await Promise.all([
      listComments(tx, s.orgId, row.id),
      listEvidence(tx, s.orgId, row.id),
    ]);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      severity: row.severity,
      dueDate: row.dueDate,
      overdue: isOverdue(row, today),
      status: row.status,
      canMarkDone: allowedTransitions(stateOf(row), supplierActor(s), today).some(
        (m) => m.to === 'pending_verification',
      ),
      comments: comments
        .filter((c) => !(c.toStatus && INTERNAL_MOVES.has(c.toStatus)))
        .map(
          (c): PortalTaskComment => ({
            id: c.id,
            author: c.authorLinkId ? 'supplier' : 'organisation',
            authorLabel: c.authorLinkId ? row.supplierName : s.organisation,
            body: c.body,
            createdAt: c.createdAt.toISOString(),
          }),
        ),
      evidence: files
        .filter((f) => f.uploadedByLinkId !== null)
        .map((f) => {
          const { uploadedBy: _by, taskId: _task, ...file } = toEvidenceFile(f, row.supplierName);
          return file;
        }),
      updatedAt: row.updatedAt.toISOString(),
    };
  };

  return {
    async list(token: string): Promise<PortalTasks> {
      return portal.open(token, async (tx, s) => {
        const today = todayUtc();
        const page = await repo.listTasks(
          tx,
          { orgId: s.orgId, supplierId: s.row.supplierId, supplierVisible: true },
          { limit: MAX_TASKS, offset: 0 },
          today,
        );
        const items: PortalTask[] = [];
        for (const row of page.items) items.push(await present(tx, s, row, today));
        return { organisation: s.organisation, supplierName: s.row.supplierName, items };
      });
    },

    async comment(token: string, id: string, body: string): Promise<PortalTask> {
      return portal.open(
        token,
        async (tx, s) => {
          const row = await visibleTask(tx, s, id, { lock: true });
          await addComment(tx, s.orgId, row, s.actor, body);
          return present(tx, s, row, todayUtc());
        },
        { write: true },
      );
    },

    /** Marks the task done (→ pending_verification): someone at the organisation then verifies it. */
    async markDone(token: string, id: string): Promise<PortalTask> {
      return portal.open(
        token,
        async (tx, s) => {
          const today = todayUtc();
          const row = await visibleTask(tx, s, id, { lock: true });
          await moveTask(tx, row, {
            orgId: s.orgId,
            actor: s.actor,
            taskActor: supplierActor(s),
            input: { to: 'pending_verification' },
            expected: undefined,
            today,
          });
          return present(tx, s, (await repo.findTask(tx, s.orgId, id))!, today);
        },
        { write: true },
      );
    },

    async uploadEvidence(
      token: string,
      id: string,
      file: IncomingFile,
    ): Promise<Omit<TaskEvidenceFile, 'uploadedBy' | 'taskId'>> {
      const saved = await evidence.upload(
        file,
        () =>
          portal.open(token, async (tx, s) => {
            await visibleTask(tx, s, id);
            await evidence.checkRoom(tx, s.orgId, id, 0);
            return { orgId: s.orgId, taskId: id };
          }),
        (stored, fileId) =>
          portal.open(
            token,
            async (tx, s) => {
              const row = await visibleTask(tx, s, id, { lock: true });
              return evidence.recordFile(tx, s.orgId, row, s.actor, stored, fileId);
            },
            { write: true },
          ),
      );
      const { uploadedBy: _by, taskId: _task, ...shown } = saved;
      return shown;
    },
  };
};

export type TaskPortal = ReturnType<typeof createTaskPortal>;
