import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Browser features the dashboard never uses, switched off so an injected script or a framed page cannot ask
 * for them either.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** One year, the value HSTS preload lists expect. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers every answer carries, including those Fastify sends before any hook runs (a malformed URL):
 * - `x-request-id`: the id in the error body and the log line, so a person can quote it to support;
 * - `Permissions-Policy`;
 * - `Strict-Transport-Security` when the request came over HTTPS (directly, or through a proxy trusted with
 *   TRUST_PROXY): over plain HTTP the header is ignored by browsers and would only mislead;
 * - `Cache-Control: no-store` on everything under /api: answers carry tenant data and /api/me the CSRF
 *   token, so no browser or shared cache may keep them.
 */
export const setCommonHeaders = (req: FastifyRequest, reply: FastifyReply) => {
  reply.header('x-request-id', req.id);
  reply.header('permissions-policy', PERMISSIONS_POLICY);
  if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
};

export const headersPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (req, reply) => setCommonHeaders(req, reply));
});
