import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { etagOf } from '#shared/schemas/revision.js';

const isRevisioned = (payload: unknown): payload is { id: string; revision: number } =>
  typeof payload === 'object' &&
  payload !== null &&
  typeof (payload as { id?: unknown }).id === 'string' &&
  typeof (payload as { revision?: unknown }).revision === 'number';

/**
 * `ETag: "<revision>"` on every successful answer that is one editable record (GET one, POST, PATCH, …), set
 * here once so that no route, including those of modules yet to come, can forget it. Lists carry the
 * revision in each item instead.
 */
export const etagPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preSerialization', async (_req, reply, payload) => {
    if (reply.statusCode < 300 && isRevisioned(payload)) reply.header('etag', etagOf(payload.revision));
    return payload;
  });
});
