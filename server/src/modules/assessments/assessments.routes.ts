import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssessmentPageSchema,
  AssessmentSchema,
  AssessmentsQuerySchema,
} from '#shared/schemas/assessments.js';
import { IdParamsSchema } from '#shared/schemas/common.js';
import { ctxOf } from '../../plugins/auth.js';
import type { AssessmentsService } from './assessments.service.js';

export const assessmentsRoutes = async (
  app: FastifyInstance,
  { assessments }: { assessments: AssessmentsService },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessments'];

  r.get(
    '/api/suppliers/:id/assessments',
    {
      schema: {
        tags,
        summary: "A supplier's assessment history, newest first (each with its inputs and breakdown)",
        params: IdParamsSchema,
        querystring: AssessmentsQuerySchema,
        response: { 200: AssessmentPageSchema },
      },
    },
    async (req) => assessments.list(ctxOf(req), req.params.id, req.query),
  );

  r.post(
    '/api/suppliers/:id/assess',
    {
      schema: {
        tags,
        summary: 'Score the supplier now under the published policy (officers, admins)',
        params: IdParamsSchema,
        response: { 201: AssessmentSchema },
      },
      config: { role: 'officer' },
    },
    async (req, reply) => reply.status(201).send(await assessments.assess(ctxOf(req), req.params.id)),
  );
};
