import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '#shared/errors.js';
import { IdParamsSchema } from '#shared/schemas/common.js';
import { IfMatchHeadersSchema } from '#shared/schemas/revision.js';
import {
  TaskBulkResultSchema,
  TaskBulkUpdateSchema,
  TaskCommentCreateSchema,
  TaskCommentSchema,
  TaskCreateSchema,
  TaskDetailSchema,
  TaskEvidenceFileSchema,
  TaskEvidenceParamsSchema,
  TaskPageSchema,
  TaskSchema,
  TasksQuerySchema,
  TaskTransitionSchema,
  TaskUpdateSchema,
} from '#shared/schemas/tasks.js';
import { AppError } from '../../lib/app-error.js';
import { expectedRevision } from '../../lib/revision.js';
import { ctxOf } from '../../plugins/auth.js';
import { sendEvidence } from '../assignments/evidence.download.js';
import type { TasksService } from './tasks.service.js';
import type { TaskActions } from './tasks-actions.service.js';

const tags = ['tasks'];
const errors = { 404: ErrorBodySchema, 409: ErrorBodySchema };

/** The one file of a multipart upload (field "file"), as the upload intake takes it. */
export const uploadedFile = async (req: FastifyRequest) => {
  if (!req.isMultipart())
    throw new AppError('bad_request', 'Upload the file as multipart/form-data in a field named "file"');
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file();
  } catch (err) {
    // The parser's own errors (no boundary, a body cut short) are the request's fault; its limits keep 413.
    if ((err as { statusCode?: number }).statusCode) throw err;
    throw new AppError('bad_request', 'The upload is not a complete multipart/form-data body: send it again');
  }
  if (!part)
    throw new AppError('validation_failed', 'Attach a file', [{ path: 'file', message: 'Attach a file' }]);
  return { stream: part.file, fileName: part.filename };
};

/** Remediation tasks for staff (issue 10): the board, a task, its moves, thread, evidence and bulk actions. */
export const tasksRoutes = async (
  app: FastifyInstance,
  opts: { tasks: TasksService; actions: TaskActions; maxBytes: number },
) => {
  await app.register(multipart, {
    limits: { fileSize: opts.maxBytes, files: 1, fields: 2, parts: 3 },
    throwFileSizeLimit: true,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { tasks, actions } = opts;

  r.get(
    '/api/tasks',
    {
      schema: {
        tags,
        operationId: 'listTasks',
        summary:
          'The remediation board: filter by supplier, finding, severity, owner (`none`: unassigned), status, overdue, the week a task was opened or closed (the dashboard burn-down’s weeks, by their Monday); overdue first, then by due date',
        querystring: TasksQuerySchema,
        response: { 200: TaskPageSchema },
      },
    },
    async (req) => tasks.list(ctxOf(req), req.query),
  );

  r.post(
    '/api/tasks',
    {
      schema: {
        tags,
        operationId: 'createTask',
        summary:
          'Make a task by hand, or from a finding (`findingId`: supplier, criterion and severity are the finding’s; one task per finding, a second answers 409 with the first as `current`)',
        body: TaskCreateSchema,
        response: { 201: TaskSchema, ...errors },
      },
      config: { role: 'officer' },
    },
    async (req, reply) => reply.status(201).send(await tasks.create(ctxOf(req), req.body)),
  );

  r.post(
    '/api/tasks/bulk',
    {
      schema: {
        tags,
        operationId: 'bulkUpdateTasks',
        summary:
          'Assign an owner and/or set a due date on a selection: all tasks or none, one audit event per task',
        body: TaskBulkUpdateSchema,
        response: { 200: TaskBulkResultSchema, ...errors },
      },
      config: { role: 'officer' },
    },
    async (req) => tasks.bulkUpdate(ctxOf(req), req.body),
  );

  r.get(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        operationId: 'getTask',
        summary: 'One task with its thread (oldest first) and its evidence',
        params: IdParamsSchema,
        response: { 200: TaskDetailSchema, ...errors },
      },
    },
    async (req) => tasks.get(ctxOf(req), req.params.id),
  );

  r.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        operationId: 'updateTask',
        summary:
          'Change a task’s fields (not its status: see transition); If-Match or `revision` refuses a stale change (409)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: TaskUpdateSchema,
        response: { 200: TaskSchema, ...errors },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      tasks.update(
        ctxOf(req),
        req.params.id,
        req.body,
        expectedRevision(req.headers['if-match'], req.body.revision),
      ),
  );

  r.post(
    '/api/tasks/:id/transition',
    {
      schema: {
        tags,
        operationId: 'transitionTask',
        summary:
          'Move a task (shared/src/domain/tasks/transitions.ts decides who may): closing needs someone other than who marked it done, accepting a risk an administrator with a justification and an expiry, reopening a reason',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: TaskTransitionSchema,
        response: { 200: TaskDetailSchema, ...errors },
      },
      config: { role: 'officer' },
    },
    async (req) =>
      actions.transition(
        ctxOf(req),
        req.params.id,
        req.body,
        expectedRevision(req.headers['if-match'], req.body.revision),
      ),
  );

  r.post(
    '/api/tasks/:id/comments',
    {
      schema: {
        tags,
        operationId: 'commentOnTask',
        summary: 'Add a comment to a task’s thread',
        params: IdParamsSchema,
        body: TaskCommentCreateSchema,
        response: { 201: TaskCommentSchema, ...errors },
      },
      config: { role: 'officer' },
    },
    async (req, reply) =>
      reply.status(201).send(await actions.comment(ctxOf(req), req.params.id, req.body.body)),
  );

  r.post(
    '/api/tasks/:id/evidence',
    {
      schema: {
        tags,
        operationId: 'uploadTaskEvidence',
        summary:
          'Upload one evidence file (multipart, field "file"): its type judged from its content, its SHA-256 recorded',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { 201: TaskEvidenceFileSchema, ...errors },
      },
      config: { role: 'officer' },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const file = await uploadedFile(req);
      return reply.status(201).send(await actions.uploadEvidence(ctx, req.params.id, file));
    },
  );

  r.get(
    '/api/tasks/:id/evidence/:fileId',
    {
      schema: {
        tags,
        operationId: 'downloadTaskEvidence',
        summary: 'Download a task’s evidence file (always as an attachment)',
        params: TaskEvidenceParamsSchema,
        response: { 404: ErrorBodySchema },
      },
    },
    async (req, reply) =>
      sendEvidence(reply, await actions.downloadEvidence(ctxOf(req), req.params.id, req.params.fileId)),
  );
};
