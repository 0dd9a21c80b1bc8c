import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '#shared/schemas/common.js';
import { OutboxMessageSchema, OutboxPageSchema, OutboxQuerySchema } from '#shared/schemas/mail.js';
import { ctxOf } from '../../plugins/auth.js';
import type { MailService } from './mail.service.js';

export const mailRoutes = async (app: FastifyInstance, { mail }: { mail: MailService }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/outbox',
    {
      schema: {
        tags: ['mail'],
        operationId: 'listOutbox',
        summary:
          'E-mail the organisation sent or is sending, newest first, with each delivery state (officers)',
        querystring: OutboxQuerySchema,
        response: { 200: OutboxPageSchema },
      },
      config: { role: 'officer' },
    },
    async (req) => mail.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/outbox/:id',
    {
      schema: {
        tags: ['mail'],
        operationId: 'getOutboxMessage',
        summary:
          "One message's delivery: attempts, the mail server's last answer, when it was sent (officers)",
        params: IdParamsSchema,
        response: { 200: OutboxMessageSchema },
      },
      config: { role: 'officer' },
    },
    async (req) => mail.get(ctxOf(req), req.params.id),
  );
};
