import { AppError } from '../../lib/app-error.js';
import { megabytes } from '../../lib/storage/intake.js';

/** What one questionnaire's evidence may add up to (EVIDENCE_MAX_FILES_PER_QUESTIONNAIRE, …_TOTAL_BYTES_…). */
export interface EvidenceQuota {
  maxFiles: number;
  maxTotalBytes: number;
}

/** MB as the limits are usually set; KB for what is smaller (a small limit would otherwise read "0 MB"). */
const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? megabytes(bytes) : `${Number((bytes / 1024).toFixed(1))} KB`;

const refused = (message: string, issue: string) =>
  new AppError('unprocessable', message, [{ path: 'file', message: issue }]);

/**
 * Refuses a file the questionnaire has no room for (422, issue path `file`, the limit named). Asked twice:
 * before a byte is stored (`size` 0: is there room for any file?), and under the assignment's lock once the
 * file's size is known, so concurrent uploads cannot pass the limit together. Suppliers cannot delete evidence
 * (it is what an assessment may rest on), so the messages suggest fewer, smaller files.
 */
export const assertEvidenceRoom = (
  quota: EvidenceQuota,
  used: { files: number; bytes: number },
  size: number,
) => {
  if (used.files + 1 > quota.maxFiles) {
    throw refused(
      `This questionnaire already holds ${used.files} evidence files, the most one questionnaire may hold (${quota.maxFiles}): combine documents into fewer files, e.g. one PDF per topic`,
      `At most ${quota.maxFiles} files per questionnaire`,
    );
  }
  if (used.bytes + Math.max(size, 1) > quota.maxTotalBytes) {
    const room = Math.max(0, quota.maxTotalBytes - used.bytes);
    throw refused(
      `${size > 0 ? `This file (${sizeText(size)}) does not fit` : 'No room is left'}: one questionnaire may hold ${sizeText(quota.maxTotalBytes)} of evidence in all, and ${sizeText(used.bytes)} is used (${sizeText(room)} left). Upload a smaller file, e.g. a compressed PDF or a scan at a lower resolution`,
      `At most ${sizeText(quota.maxTotalBytes)} of files per questionnaire`,
    );
  }
};
