import type { Readable } from 'node:stream';
import { findQuestion } from '#shared/domain/questionnaires/questions.js';
import type { EvidenceFile } from '#shared/schemas/portal.js';
import { notFound, unprocessable } from '../../lib/app-error.js';
import type { FileStorage } from '../../lib/storage/file-storage.js';
import type { createUploadIntake, IncomingFile } from '../../lib/storage/intake.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import { assertEvidenceRoom, type EvidenceQuota } from './evidence.quota.js';
import { evidenceUsage, findEvidence, insertEvidence, toEvidenceFile } from './evidence.repo.js';
import type { PortalService } from './portal.service.js';

interface Deps {
  portal: Pick<PortalService, 'open' | 'editableOnly'>;
  intake: ReturnType<typeof createUploadIntake>;
  storage: Pick<FileStorage, 'get' | 'delete'>;
  /** Files and bytes one questionnaire may hold. */
  quota: EvidenceQuota;
}

/**
 * Evidence through the portal: a supplier uploads a file for a question of its own questionnaire (checked,
 * hashed and stored by the intake under a key made from ids), and downloads what it uploaded.
 */
export const createPortalEvidence = ({ portal, intake, storage, quota }: Deps) => ({
  async upload(token: string, questionId: string, file: IncomingFile): Promise<EvidenceFile> {
    // The link, the question and the room left are checked before a byte is stored.
    const target = await portal.open(token, async (tx, s) => {
      portal.editableOnly(s);
      const q = findQuestion(s.definition, questionId);
      if (!q) throw notFound('Question', questionId);
      if (q.type !== 'file' && !q.evidenceRequested) {
        throw unprocessable('This question does not ask for files', 'questionId');
      }
      assertEvidenceRoom(quota, await evidenceUsage(tx, s.orgId, s.row.id), 0);
      return { orgId: s.orgId, assignmentId: s.row.id };
    });
    const id = crypto.randomUUID();
    const stored = await intake.store(`org/${target.orgId}/evidence/${id}`, file);
    try {
      return await portal.open(
        token,
        async (tx, s) => {
          // Checked again under the lock: the questionnaire may have been submitted while the file uploaded.
          portal.editableOnly(s);
          assertEvidenceRoom(quota, await evidenceUsage(tx, s.orgId, s.row.id), stored.size);
          const row = await insertEvidence(tx, {
            id,
            orgId: s.orgId,
            assignmentId: s.row.id,
            questionId,
            storageKey: stored.key,
            fileName: stored.originalName || `evidence.${stored.detectedExtension}`,
            mediaType: stored.mediaType,
            size: stored.size,
            sha256: stored.sha256,
          });
          await appendAuditEvent(tx, s.orgId, s.actor, {
            action: 'assignment.evidence_uploaded',
            entityType: 'assignment',
            entityId: s.row.id,
            payload: {
              fileId: id,
              questionId,
              sha256: stored.sha256,
              size: stored.size,
              mediaType: stored.mediaType,
            },
          });
          return toEvidenceFile(row);
        },
        { write: true },
      );
    } catch (err) {
      // Nothing half-written: a file whose row could not be recorded is removed again.
      await storage.delete(stored.key).catch(() => {});
      throw err;
    }
  },

  async download(token: string, fileId: string): Promise<{ file: EvidenceFile; body: Readable }> {
    const row = await portal.open(token, async (tx, s) => findEvidence(tx, s.orgId, s.row.id, fileId));
    if (!row) throw notFound('File', fileId);
    return { file: toEvidenceFile(row), body: await storage.get(row.storageKey) };
  },
});

export type PortalEvidence = ReturnType<typeof createPortalEvidence>;
