import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, OkSchema } from '#shared/schemas/common.js';
import { IfMatchHeadersSchema } from '#shared/schemas/revision.js';
import {
  TemplateCreateSchema,
  TemplatePageSchema,
  TemplatePublishSchema,
  TemplateSchema,
  TemplatesQuerySchema,
  TemplateUpdateSchema,
} from '#shared/schemas/templates.js';
import { expectedRevision } from '../../lib/revision.js';
import { ctxOf } from '../../plugins/auth.js';
import type { TemplatesService } from './templates.service.js';

const tags = ['templates'];

export const templatesRoutes = async (
  app: FastifyInstance,
  { templates }: { templates: TemplatesService },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/templates',
    {
      schema: {
        tags,
        operationId: 'listTemplates',
        summary: 'Questionnaire template versions, most recently changed first (drafts, published, retired)',
        querystring: TemplatesQuerySchema,
        response: { 200: TemplatePageSchema },
      },
    },
    async (req) => templates.list(ctxOf(req), req.query),
  );

  r.post(
    '/api/templates',
    {
      schema: {
        tags,
        operationId: 'createTemplate',
        summary:
          'New template draft: from a definition (import), from the shipped default questionnaire, or a new version of a published one (officers)',
        body: TemplateCreateSchema,
        response: { 201: TemplateSchema },
      },
      config: { role: 'officer' },
    },
    async (req, reply) => reply.status(201).send(await templates.create(ctxOf(req), req.body)),
  );

  r.get(
    '/api/templates/:id',
    {
      schema: {
        tags,
        operationId: 'getTemplate',
        summary: 'One template version with its definition and what would stop it being published',
        params: IdParamsSchema,
        response: { 200: TemplateSchema },
      },
    },
    async (req) => templates.get(ctxOf(req), req.params.id),
  );

  r.patch(
    '/api/templates/:id',
    {
      schema: {
        tags,
        operationId: 'updateTemplate',
        summary:
          'Edit a draft (officers); published versions are immutable (422). If-Match or `revision` refuses a stale edit (409)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: TemplateUpdateSchema,
        response: { 200: TemplateSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      templates.update(
        ctxOf(req),
        req.params.id,
        req.body,
        expectedRevision(req.headers['if-match'], req.body.revision),
      ),
  );

  r.delete(
    '/api/templates/:id',
    {
      schema: {
        tags,
        operationId: 'deleteTemplate',
        summary: 'Delete a draft that was never published (officers); If-Match refuses a stale delete (409)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: OkSchema },
      },
      config: { role: 'officer' },
    },
    async (req) => {
      await templates.remove(ctxOf(req), req.params.id, expectedRevision(req.headers['if-match']));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/templates/:id/publish',
    {
      schema: {
        tags,
        operationId: 'publishTemplate',
        summary:
          'Freeze a draft as the next numbered version (officers); the version it replaces is retired. If-Match or `revision` publishes only the revision reviewed',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: TemplatePublishSchema.optional(),
        response: { 200: TemplateSchema },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      templates.publish(
        ctxOf(req),
        req.params.id,
        expectedRevision(req.headers['if-match'], req.body?.revision),
      ),
  );
};
