import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, OkSchema, unsafeTextReason } from '#shared/schemas/common.js';
import {
  DatasetEditionSchema,
  DatasetsOverviewSchema,
  EditionDiffSchema,
  EditionUploadFieldsSchema,
  EditionUploadResultSchema,
} from '#shared/schemas/datasets.js';
import { AppError } from '../../lib/app-error.js';
import { ctxOf } from '../../plugins/auth.js';
import type { DatasetsService } from './datasets.service.js';

const FIELDS = Object.keys(EditionUploadFieldsSchema.shape);

/** The multipart form: the provenance fields and the file (buffered: at most EDITION_MAX_BYTES). */
const formOf = async (req: FastifyRequest) => {
  if (!req.isMultipart()) {
    throw new AppError('bad_request', 'Upload the file as multipart/form-data in a field named "file"');
  }
  const fields: Record<string, string> = {};
  let file: { buffer: Buffer; fileName: string } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = { buffer: await part.toBuffer(), fileName: part.filename };
      } else if (FIELDS.includes(part.fieldname) && typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    // The size limit keeps its 413; the parser's own errors (no boundary, a body cut short) are the request's.
    if ((err as { statusCode?: number }).statusCode) throw err;
    throw new AppError('bad_request', 'The upload is not a complete multipart/form-data body: send it again');
  }
  const parsed = EditionUploadFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message }));
    throw new AppError('validation_failed', 'Some fields of the upload are not valid', issues);
  }
  if (!file) {
    throw new AppError('validation_failed', 'Attach the CSV or XLSX file', [
      { path: 'file', message: 'Attach the CSV or XLSX file' },
    ]);
  }
  // The name is kept in citations and the audit trail: bounded and safe like any text.
  const name = file.fileName.slice(0, 200);
  const reason = unsafeTextReason(name);
  if (reason) {
    throw new AppError('validation_failed', `Rename the file: ${reason}`, [
      { path: 'file', message: reason },
    ]);
  }
  return { fields: parsed.data, file: { buffer: file.buffer, fileName: name || 'upload' } };
};

/** Dataset editions: the shipped ones and those this organisation loaded. */
export const datasetsRoutes = async (
  app: FastifyInstance,
  opts: { datasets: DatasetsService; maxBytes: number },
) => {
  await app.register(multipart, {
    limits: { fileSize: opts.maxBytes, files: 1, fields: 10, parts: 12 },
    throwFileSizeLimit: true,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['datasets'];

  r.get(
    '/api/datasets',
    {
      schema: {
        tags,
        summary: 'The shipped dataset editions and the editions this organisation loaded, with provenance',
        response: { 200: DatasetsOverviewSchema },
      },
    },
    async (req) => opts.datasets.overview(ctxOf(req)),
  );

  r.post(
    '/api/datasets/editions',
    {
      schema: {
        tags,
        summary:
          'Load a new edition (multipart: kind, edition, publisher, url, publishedOn, file as CSV in the shipped format or XLSX). 201 stored with its diff; 200 refused with row errors, nothing stored',
        consumes: ['multipart/form-data'],
        response: { 200: EditionUploadResultSchema, 201: EditionUploadResultSchema },
      },
      config: { role: 'admin' },
    },
    async (req, reply) => {
      // The role (config.role) was checked in the preParsing hook, before any of the upload was read.
      const ctx = ctxOf(req);
      const { fields, file } = await formOf(req);
      const result = await opts.datasets.upload(ctx, fields, file);
      return reply.status(result.accepted ? 201 : 200).send(result);
    },
  );

  r.get(
    '/api/datasets/editions/:id',
    {
      schema: {
        tags,
        summary: 'One loaded edition with its provenance and the policies that pin it',
        params: IdParamsSchema,
        response: { 200: DatasetEditionSchema },
      },
    },
    async (req) => opts.datasets.get(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/datasets/editions/:id/diff',
    {
      schema: {
        tags,
        summary: 'Rows added, removed and changed against the edition the published policy uses, in words',
        params: IdParamsSchema,
        response: { 200: EditionDiffSchema },
      },
    },
    async (req) => opts.datasets.diff(ctxOf(req), req.params.id),
  );

  r.delete(
    '/api/datasets/editions/:id',
    {
      schema: {
        tags,
        summary: 'Delete a loaded edition that no policy pins',
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
      config: { role: 'admin' },
    },
    async (req) => {
      await opts.datasets.delete(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};
