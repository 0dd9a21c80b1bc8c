import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthSchema } from '#shared/schemas/health.js';
import type { Database } from '../../db/client.js';

export const healthRoutes = async (
  app: FastifyInstance,
  { database, version }: { database: Database; version: string },
) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
      config: { public: true },
    },
    async (_req, reply) => {
      const ok = await database.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      );
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { ok, driver: database.driver },
        version,
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
};
