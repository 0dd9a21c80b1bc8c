import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '#shared/schemas/common.js';
import { JobPageSchema, JobSchema, JobsQuerySchema } from '#shared/schemas/jobs.js';
import { ctxOf } from '../../plugins/auth.js';
import type { JobsService } from './jobs.service.js';

export const jobsRoutes = async (app: FastifyInstance, { jobs }: { jobs: JobsService }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Background work of the organisation, newest first (active=true: queued or running)',
        querystring: JobsQuerySchema,
        response: { 200: JobPageSchema },
      },
    },
    async (req) => jobs.list(ctxOf(req), req.query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Progress of background work (e.g. a rescore)',
        params: IdParamsSchema,
        response: { 200: JobSchema },
      },
    },
    async (req) => jobs.get(ctxOf(req), req.params.id),
  );
};
