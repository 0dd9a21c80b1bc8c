import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '#shared/errors.js';
import {
  EvidenceFileSchema,
  PortalEvidenceParamsSchema,
  PortalEvidenceQuerySchema,
  PortalTokenParamsSchema,
} from '#shared/schemas/portal.js';
import { AppError } from '../../lib/app-error.js';
import { sendEvidence } from './evidence.download.js';
import type { PortalEvidence } from './portal-evidence.service.js';

const tags = ['portal'];

/** Evidence through the supplier's link: upload (multipart, one file) and download of its own files. */
export const portalEvidenceRoutes = async (
  app: FastifyInstance,
  { evidence, maxBytes }: { evidence: PortalEvidence; maxBytes: number },
) => {
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3 },
    throwFileSizeLimit: true,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { public: true, rateLimit: { max: 60, timeWindow: 60_000 } };

  r.post(
    '/api/portal/:token/evidence',
    {
      schema: {
        tags,
        operationId: 'uploadPortalEvidence',
        summary:
          'Upload one evidence file for a question (multipart, field "file"): its type is judged from its content (PDF, image, Word, Excel, text/CSV), its SHA-256 recorded; a file answer then lists its id',
        consumes: ['multipart/form-data'],
        params: PortalTokenParamsSchema,
        querystring: PortalEvidenceQuerySchema,
        response: { 201: EvidenceFileSchema, 404: ErrorBodySchema, 410: ErrorBodySchema },
      },
      config,
    },
    async (req, reply) => {
      if (!req.isMultipart()) {
        throw new AppError('bad_request', 'Upload the file as multipart/form-data in a field named "file"');
      }
      const part = await req.file();
      if (!part)
        throw new AppError('validation_failed', 'Attach a file', [
          { path: 'file', message: 'Attach a file' },
        ]);
      const file = await evidence.upload(req.params.token, req.query.questionId, {
        stream: part.file,
        fileName: part.filename,
      });
      return reply.status(201).send(file);
    },
  );

  r.get(
    '/api/portal/:token/evidence/:fileId',
    {
      schema: {
        tags,
        operationId: 'downloadPortalEvidence',
        summary: 'Download a file this questionnaire’s supplier uploaded (always as an attachment)',
        params: PortalEvidenceParamsSchema,
        response: { 404: ErrorBodySchema, 410: ErrorBodySchema },
      },
      config,
    },
    async (req, reply) => sendEvidence(reply, await evidence.download(req.params.token, req.params.fileId)),
  );
};
