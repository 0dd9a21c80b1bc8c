import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApiKeyCreatedSchema,
  ApiKeyCreateSchema,
  ApiKeyPageSchema,
  ApiKeySchema,
  ApiKeysQuerySchema,
} from '#shared/schemas/api-keys.js';
import { IdParamsSchema } from '#shared/schemas/common.js';
import { ctxOf } from '../../plugins/auth.js';
import type { ApiKeysService } from './api-keys.service.js';

export const apiKeysRoutes = async (app: FastifyInstance, { apiKeys }: { apiKeys: ApiKeysService }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Integration keys (admins)',
        querystring: ApiKeysQuerySchema,
        response: { 200: ApiKeyPageSchema },
      },
      config: { role: 'admin' },
    },
    async (req) => apiKeys.list(ctxOf(req), req.query),
  );

  r.post(
    '/api/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Create a key; the key is shown in this answer only (admins)',
        body: ApiKeyCreateSchema,
        response: { 201: ApiKeyCreatedSchema },
      },
      config: { role: 'admin' },
    },
    async (req, reply) => reply.status(201).send(await apiKeys.create(ctxOf(req), req.body)),
  );

  r.delete(
    '/api/api-keys/:id',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke a key (admins)',
        params: IdParamsSchema,
        response: { 200: ApiKeySchema },
      },
      config: { role: 'admin' },
    },
    async (req) => apiKeys.revoke(ctxOf(req), req.params.id),
  );
};
