import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DashboardQuerySchema, DashboardSummarySchema } from '#shared/schemas/dashboard.js';
import { ctxOf } from '../../plugins/auth.js';
import type { DashboardService } from './dashboard.service.js';

export const dashboardRoutes = async (
  app: FastifyInstance,
  { dashboard }: { dashboard: DashboardService },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/dashboard/summary',
    {
      schema: {
        tags: ['dashboard'],
        operationId: 'getDashboardSummary',
        summary:
          'The executive dashboard (every signed-in role): suppliers and spend by rating, coverage, questionnaires outstanding, remediation by severity, red flags, risk acceptances, a country × good heat map, the monthly risk trend and the weekly remediation burn-down, over the suppliers the filters (tag, country, tier, good) select',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSummarySchema },
      },
    },
    async (req) => dashboard.summary(ctxOf(req), req.query),
  );
};
