import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthSchema } from '#shared/schemas/health.js';
import type { Database } from '../../db/client.js';
import { RETRY_AFTER_SECONDS } from '../../plugins/error-handler.js';

/** A probe must answer quickly even when the database host swallows packets (connect would wait 30 s). */
const PROBE_TIMEOUT_MS = 3000;

const databaseReachable = async (database: Database): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  const probe = database.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

export const healthRoutes = async (
  app: FastifyInstance,
  { database, version }: { database: Database; version: string },
) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability (503 with database.ok false while it is down)',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
      config: { public: true },
    },
    async (_req, reply) => {
      const ok = await databaseReachable(database);
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { ok, driver: database.driver },
        version,
      };
      if (!ok) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
};
