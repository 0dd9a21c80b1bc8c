import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '#shared/errors.js';
import { PortalTokenParamsSchema } from '#shared/schemas/portal.js';
import {
  PortalTaskParamsSchema,
  PortalTaskSchema,
  PortalTasksSchema,
  TaskCommentCreateSchema,
  TaskEvidenceFileSchema,
} from '#shared/schemas/tasks.js';
import { uploadedFile } from './tasks.routes.js';
import type { TaskPortal } from './tasks-portal.service.js';

const tags = ['portal'];
const errors = { 404: ErrorBodySchema, 410: ErrorBodySchema };

/**
 * The supplier's remediation tasks through its portal link (public routes: the link is the credential; the
 * token is never logged). Expired and revoked links answer 410, unknown ones 404, as the questionnaire does.
 */
export const taskPortalRoutes = async (
  app: FastifyInstance,
  { portal, maxBytes }: { portal: TaskPortal; maxBytes: number },
) => {
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3 },
    throwFileSizeLimit: true,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { public: true, rateLimit: { max: 120, timeWindow: 60_000 } };

  r.get(
    '/api/portal/:token/tasks',
    {
      schema: {
        tags,
        operationId: 'listPortalTasks',
        summary:
          'The supplier’s remediation tasks it is shown (most urgent first), with the thread and the files it uploaded; no owner, staff names or internal reasons',
        params: PortalTokenParamsSchema,
        response: { 200: PortalTasksSchema, ...errors },
      },
      config,
    },
    async (req) => portal.list(req.params.token),
  );

  r.post(
    '/api/portal/:token/tasks/:id/comments',
    {
      schema: {
        tags,
        operationId: 'commentOnPortalTask',
        summary: 'The supplier adds a comment to one of its tasks; answers the task',
        params: PortalTaskParamsSchema,
        body: TaskCommentCreateSchema,
        response: { 201: PortalTaskSchema, ...errors },
      },
      config,
    },
    async (req, reply) =>
      reply.status(201).send(await portal.comment(req.params.token, req.params.id, req.body.body)),
  );

  r.post(
    '/api/portal/:token/tasks/:id/done',
    {
      schema: {
        tags,
        operationId: 'markPortalTaskDone',
        summary: 'The supplier marks its task done: it waits for the organisation to verify it',
        params: PortalTaskParamsSchema,
        response: { 200: PortalTaskSchema, ...errors },
      },
      config,
    },
    async (req) => portal.markDone(req.params.token, req.params.id),
  );

  r.post(
    '/api/portal/:token/tasks/:id/evidence',
    {
      schema: {
        tags,
        operationId: 'uploadPortalTaskEvidence',
        summary:
          'The supplier uploads one evidence file for its task (multipart, field "file"; type judged from the content, SHA-256 recorded)',
        consumes: ['multipart/form-data'],
        params: PortalTaskParamsSchema,
        response: { 201: TaskEvidenceFileSchema.omit({ uploadedBy: true, taskId: true }), ...errors },
      },
      config,
    },
    async (req, reply) => {
      const file = await uploadedFile(req);
      return reply.status(201).send(await portal.uploadEvidence(req.params.token, req.params.id, file));
    },
  );
};
