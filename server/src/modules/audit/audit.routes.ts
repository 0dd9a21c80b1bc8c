import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema, AuditVerifySchema } from '#shared/schemas/audit.js';
import { ctxOf } from '../../plugins/auth.js';
import type { AuditService } from './audit.service.js';

export const auditRoutes = async (app: FastifyInstance, { audit }: { audit: AuditService }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first (admins, officers)',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (req) => audit.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/audit-events/verify',
    {
      schema: {
        tags: ['audit'],
        summary: "Walk this organisation's hash chain and report the first broken link",
        response: { 200: AuditVerifySchema },
      },
    },
    async (req) => audit.verify(ctxOf(req)),
  );
};
