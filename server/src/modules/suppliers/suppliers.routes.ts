import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, unsafeTextReason } from '#shared/schemas/common.js';
import { IfMatchHeadersSchema } from '#shared/schemas/revision.js';
import {
  ImportPreviewSchema,
  ImportResultSchema,
  SupplierChainRiskSchema,
  SupplierCreateSchema,
  SupplierFilterSchema,
  SupplierPageSchema,
  SupplierSchema,
  SuppliersQuerySchema,
  SupplierTreeNodeSchema,
  SupplierUpdateSchema,
} from '#shared/schemas/suppliers.js';
import { AppError } from '../../lib/app-error.js';
import { expectedRevision } from '../../lib/revision.js';
import { ctxOf } from '../../plugins/auth.js';
import type { SuppliersService } from './suppliers.service.js';
import { templateCsv } from './suppliers-export.js';
import type { SupplierImportService } from './suppliers-import.service.js';

interface Opts {
  suppliers: SuppliersService;
  imports: SupplierImportService;
  importMaxBytes: number;
}

const malformedUpload = () =>
  new AppError(
    'bad_request',
    'The upload is not a complete multipart/form-data body: choose the file and send it again',
  );

/** The uploaded CSV (multipart field "file"); the stream is read by the import, never buffered whole. */
const uploadOf = async (req: FastifyRequest) => {
  if (!req.isMultipart())
    throw new AppError('bad_request', 'Upload the CSV as multipart/form-data in a field named "file"');
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    file = await req.file();
  } catch (err) {
    // The multipart parser's own errors (no boundary, a malformed part header, a body cut short) are plain
    // Errors without a status: the request is at fault, not the server. Its limits (413) keep their status.
    if ((err as { statusCode?: number }).statusCode) throw err;
    throw malformedUpload();
  }
  if (!file)
    throw new AppError('validation_failed', 'Attach a CSV file', [
      { path: 'file', message: 'Attach a CSV file' },
    ]);
  // The name is kept in the audit trail: bounded (never cutting a surrogate pair) and safe like any text.
  const cut = file.filename.slice(0, 255);
  const name = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  const reason = unsafeTextReason(name);
  if (reason) {
    file.file.resume(); // drain the part so the answer goes out at once
    throw new AppError('validation_failed', `Rename the file: its name is not valid. ${reason}`, [
      { path: 'file', message: `The file name: ${reason}` },
    ]);
  }
  return { stream: file.file, fileName: name || 'upload.csv' };
};

export const suppliersRoutes = async (app: FastifyInstance, opts: Opts) => {
  await app.register(multipart, {
    limits: { fileSize: opts.importMaxBytes, files: 1, fields: 10, parts: 12 },
    throwFileSizeLimit: true,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['suppliers'];

  r.get(
    '/api/suppliers',
    {
      schema: {
        tags,
        summary: 'The supplier register: filter, sort, page',
        querystring: SuppliersQuerySchema,
        response: { 200: SupplierPageSchema },
      },
    },
    async (req) => opts.suppliers.list(ctxOf(req), req.query),
  );

  r.post(
    '/api/suppliers',
    {
      schema: {
        tags,
        summary: 'Add a supplier (officers, admins)',
        body: SupplierCreateSchema,
        response: { 201: SupplierSchema },
      },
      config: { role: 'officer' },
    },
    async (req, reply) => reply.status(201).send(await opts.suppliers.create(ctxOf(req), req.body)),
  );

  r.get(
    '/api/suppliers/export.csv',
    {
      schema: {
        tags,
        summary: 'The filtered register as CSV (formula cells neutralised)',
        querystring: SupplierFilterSchema,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const stream = opts.suppliers.exportCsv(ctxOf(req), req.query);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="suppliers-${day}.csv"`)
        .send(stream);
    },
  );

  r.get(
    '/api/suppliers/import/template.csv',
    { schema: { tags, summary: 'A CSV template with example rows', produces: ['text/csv'] } },
    async (req, reply) => {
      ctxOf(req);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="clearsource-suppliers-template.csv"')
        .send(await templateCsv());
    },
  );

  r.post(
    '/api/suppliers/import/preview',
    {
      schema: {
        tags,
        summary: 'Validate a CSV and show what committing it would do (writes nothing)',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreviewSchema },
      },
      config: { role: 'officer' },
    },
    async (req) => {
      // The role (config.role) was checked in the preParsing hook: a refused role never streams 32 MB.
      const ctx = ctxOf(req);
      const { stream, fileName } = await uploadOf(req);
      return opts.imports.preview(ctx, stream, fileName);
    },
  );

  r.post(
    '/api/suppliers/import/commit',
    {
      schema: {
        tags,
        summary:
          'Import a CSV: all rows or none; upserts by external_ref, so the same file twice changes nothing',
        consumes: ['multipart/form-data'],
        response: { 200: ImportResultSchema },
      },
      config: { role: 'officer' },
    },
    async (req) => {
      // The role (config.role) was checked in the preParsing hook: a refused role never streams 32 MB.
      const ctx = ctxOf(req);
      const { stream, fileName } = await uploadOf(req);
      return opts.imports.commit(ctx, stream, fileName);
    },
  );

  r.get(
    '/api/suppliers/:id',
    {
      schema: {
        tags,
        summary: 'One supplier with its current risk',
        params: IdParamsSchema,
        response: { 200: SupplierSchema },
      },
    },
    async (req) => opts.suppliers.get(ctxOf(req), req.params.id),
  );

  r.patch(
    '/api/suppliers/:id',
    {
      schema: {
        tags,
        summary: 'Change a supplier (officers, admins); If-Match or `revision` refuses a stale change (409)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: SupplierUpdateSchema,
        response: { 200: SupplierSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      opts.suppliers.update(
        ctxOf(req),
        req.params.id,
        req.body,
        expectedRevision(req.headers['if-match'], req.body.revision),
      ),
  );

  r.delete(
    '/api/suppliers/:id',
    {
      schema: {
        tags,
        summary: 'Archive a supplier (kept with its history)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: SupplierSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      opts.suppliers.archive(ctxOf(req), req.params.id, expectedRevision(req.headers['if-match'])),
  );

  r.post(
    '/api/suppliers/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived supplier (officers, admins)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: SupplierSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      opts.suppliers.restore(ctxOf(req), req.params.id, expectedRevision(req.headers['if-match'])),
  );

  r.get(
    '/api/suppliers/:id/tree',
    {
      schema: {
        tags,
        summary: 'The sub-supplier tree below a supplier',
        params: IdParamsSchema,
        response: { 200: SupplierTreeNodeSchema },
      },
    },
    async (req) => opts.suppliers.tree(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/suppliers/:id/chain-risk',
    {
      schema: {
        tags,
        summary: 'Chain risk: the riskiest supplier in the sub-tree, and the path down to it',
        description:
          'The highest residual risk among this supplier and every current supplier below it (worst rating, then highest residual score), with the suppliers from this one down to it.',
        params: IdParamsSchema,
        response: { 200: SupplierChainRiskSchema },
      },
    },
    async (req) => opts.suppliers.chainRisk(ctxOf(req), req.params.id),
  );
};
