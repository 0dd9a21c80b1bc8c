import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SupplierFindingsQuerySchema, SupplierFindingsSchema } from '#shared/schemas/assignment-review.js';
import { IdParamsSchema } from '#shared/schemas/common.js';
import { ctxOf } from '../../plugins/auth.js';
import type { FindingsService } from './findings.service.js';

export const findingsRoutes = async (app: FastifyInstance, { findings }: { findings: FindingsService }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/suppliers/:id/findings',
    {
      schema: {
        tags: ['findings'],
        operationId: 'listSupplierFindings',
        summary:
          'A supplier’s findings, most severe first, then newest: open ones unless status says otherwise (each with its severity, citation and the questionnaire it came from)',
        params: IdParamsSchema,
        querystring: SupplierFindingsQuerySchema,
        response: { 200: SupplierFindingsSchema },
      },
    },
    async (req) => findings.forSupplier(ctxOf(req), req.params.id, req.query),
  );
};
