import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { EvidenceFile } from '#shared/schemas/portal.js';

/**
 * Sends an evidence file as a download, never as a page: a text file that holds HTML must not run in the
 * product's origin. The name is the sanitised one, quoted for old clients and UTF-8 encoded for the rest.
 */
export const sendEvidence = (
  reply: FastifyReply,
  { file, body }: { file: Pick<EvidenceFile, 'fileName' | 'mediaType' | 'size' | 'sha256'>; body: Readable },
) => {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', String(file.size))
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('x-evidence-sha256', file.sha256)
    .send(body);
};
