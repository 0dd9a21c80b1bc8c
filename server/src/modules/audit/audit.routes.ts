import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditExportQuerySchema, AuditPageSchema, AuditQuerySchema } from '#shared/schemas/audit.js';
import {
  AuditCheckpointFileSchema,
  AuditCheckpointSchema,
  AuditErasureCreateSchema,
  AuditErasureResultSchema,
  AuditVerifySchema,
} from '#shared/schemas/audit-anchors.js';
import { ctxOf } from '../../plugins/auth.js';
import type { AuditService } from './audit.service.js';

const tags = ['audit'];

export const auditRoutes = async (app: FastifyInstance, { audit }: { audit: AuditService }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit-events',
    {
      schema: {
        tags,
        summary: 'The audit trail, newest first (admins, officers)',
        description:
          'Payloads are typed by `action`. Personal values are shown where kept, or as `{ erased: true, … }` after an erasure.',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
      config: { role: 'officer' },
    },
    async (req) => audit.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/audit-events/export.csv',
    {
      schema: {
        tags,
        summary: 'The filtered trail as CSV (formula cells neutralised)',
        querystring: AuditExportQuerySchema,
        produces: ['text/csv'],
      },
      config: { role: 'officer' },
    },
    async (req, reply) => {
      const stream = audit.exportCsv(ctxOf(req), req.query);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${day}.csv"`)
        .send(stream);
    },
  );

  r.get(
    '/api/audit-events/verify',
    {
      schema: {
        tags,
        summary: "Walk this organisation's hash chain, hold it against the signed checkpoints",
        response: { 200: AuditVerifySchema },
      },
      config: { role: 'officer' },
    },
    async (req) => audit.verify(ctxOf(req)),
  );

  r.get(
    '/api/audit-events/checkpoints',
    {
      schema: {
        tags,
        summary: 'The signed checkpoints of the chain head, with the public key (admins)',
        response: { 200: AuditCheckpointFileSchema },
      },
      config: { role: 'admin' },
    },
    async (req) => audit.checkpoints(ctxOf(req)),
  );

  r.post(
    '/api/audit-events/checkpoints',
    {
      schema: {
        tags,
        summary: 'Record a signed checkpoint of the chain head now (admins)',
        response: { 201: AuditCheckpointSchema },
      },
      config: { role: 'admin' },
    },
    async (req, reply) => reply.status(201).send(await audit.checkpoint(ctxOf(req))),
  );

  r.post(
    '/api/audit-events/erasures',
    {
      schema: {
        tags,
        summary: "Erase a person's personal values from the trail on a documented request (admins)",
        body: AuditErasureCreateSchema,
        response: { 201: AuditErasureResultSchema },
      },
      config: { role: 'admin' },
    },
    async (req, reply) => reply.status(201).send(await audit.erase(ctxOf(req), req.body)),
  );
};
