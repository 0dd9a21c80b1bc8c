import { createHash } from 'node:crypto';
import type { TaskEvidenceFile } from '#shared/schemas/tasks.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Actor } from '../../lib/context.js';
import type { FileStorage } from '../../lib/storage/file-storage.js';
import { type createUploadIntake, type IncomingFile, megabytes } from '../../lib/storage/intake.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import { actorColumns, toEvidenceFile } from './tasks.mapping.js';
import type { TaskRow } from './tasks.repo.js';
import { evidenceUsage, findEvidence, insertComment, insertEvidence } from './tasks-thread.repo.js';

// Evidence and comments on a task, for staff and the supplier's link alike. Files go through the questionnaire
// evidence's upload intake (type judged from the content, size limit, SHA-256) and file storage (local disk or
// S3), under a key made from ids; each task has a quota of its own (the per-questionnaire figures).

/** What one task's evidence may add up to (EVIDENCE_MAX_FILES_PER_QUESTIONNAIRE, …_TOTAL_BYTES_…). */
export interface TaskEvidenceQuota {
  maxFiles: number;
  maxTotalBytes: number;
}

const refused = (message: string, issue: string) =>
  new AppError('unprocessable', message, [{ path: 'file', message: issue }]);

/** Refuses a file the task has no room for (422 naming `file`); asked before storing and again under the lock. */
const assertRoom = (quota: TaskEvidenceQuota, used: { files: number; bytes: number }, size: number) => {
  if (used.files + 1 > quota.maxFiles)
    throw refused(
      `This task already holds ${used.files} evidence files, the most one task may hold (${quota.maxFiles}): combine documents into fewer files`,
      `At most ${quota.maxFiles} files per task`,
    );
  if (used.bytes + Math.max(size, 1) > quota.maxTotalBytes)
    throw refused(
      `No room for this file: one task may hold ${megabytes(quota.maxTotalBytes)} of evidence in all, and ${megabytes(used.bytes)} is used. Upload a smaller file`,
      `At most ${megabytes(quota.maxTotalBytes)} of files per task`,
    );
};

export interface EvidenceDeps {
  intake: ReturnType<typeof createUploadIntake>;
  storage: Pick<FileStorage, 'get' | 'delete'>;
  quota: TaskEvidenceQuota;
}

export const createTaskEvidence = ({ intake, storage, quota }: EvidenceDeps) => ({
  /** Room for one more file on `taskId` (size 0: before it is stored). */
  async checkRoom(tx: Tx, orgId: string, taskId: string, size: number) {
    assertRoom(quota, await evidenceUsage(tx, orgId, taskId), size);
  },

  /**
   * Stores `file` for a task: `before` checks what may be checked before a byte is stored (and answers the
   * organisation); `record` is given the stored file and writes its row in a transaction with the task
   * locked. A file whose row could not be recorded is removed again: nothing half-written.
   */
  async upload(
    file: IncomingFile,
    before: () => Promise<{ orgId: string; taskId: string }>,
    record: (
      stored: Awaited<ReturnType<ReturnType<typeof createUploadIntake>['store']>>,
      id: string,
    ) => Promise<TaskEvidenceFile>,
  ): Promise<TaskEvidenceFile> {
    const { orgId } = await before();
    const id = crypto.randomUUID();
    const stored = await intake.store(`org/${orgId}/task-evidence/${id}`, file);
    try {
      return await record(stored, id);
    } catch (err) {
      await storage.delete(stored.key).catch(() => {});
      throw err;
    }
  },

  /** Writes the evidence row (room checked again under the task's lock) and its audit event. */
  async recordFile(
    tx: Tx,
    orgId: string,
    row: TaskRow,
    actor: Actor,
    stored: Awaited<ReturnType<ReturnType<typeof createUploadIntake>['store']>>,
    id: string,
  ): Promise<TaskEvidenceFile> {
    assertRoom(quota, await evidenceUsage(tx, orgId, row.id), stored.size);
    await insertEvidence(tx, {
      id,
      orgId,
      taskId: row.id,
      storageKey: stored.key,
      fileName: stored.originalName || `evidence.${stored.detectedExtension}`,
      mediaType: stored.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      by: actorColumns(actor),
    });
    await appendAuditEvent(tx, orgId, actor, {
      action: 'task.evidence_uploaded',
      entityType: 'task',
      entityId: row.id,
      payload: { fileId: id, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType },
    });
    const saved = await findEvidence(tx, orgId, row.id, id);
    return toEvidenceFile(saved!, row.supplierName);
  },

  /** The bytes of a stored file. */
  body: (key: string) => storage.get(key),
});

export type TaskEvidence = ReturnType<typeof createTaskEvidence>;

/** Adds a comment to a task's thread and audits it (the text stays in the thread; the trail keeps its hash). */
export const addComment = async (tx: Tx, orgId: string, row: TaskRow, actor: Actor, body: string) => {
  const id = await insertComment(tx, { orgId, taskId: row.id, by: actorColumns(actor), body });
  await appendAuditEvent(tx, orgId, actor, {
    action: 'task.commented',
    entityType: 'task',
    entityId: row.id,
    payload: { commentId: id, bodySha256: createHash('sha256').update(body, 'utf8').digest('hex') },
  });
  return id;
};
