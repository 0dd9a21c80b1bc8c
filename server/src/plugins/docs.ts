import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE } from './auth.js';
import { documentTransform } from './docs-document.js';
import { operationTransform } from './docs-operation.js';

/**
 * OpenAPI 3 generated from the same zod schemas the routes validate with, at /api/openapi.json and /docs.
 * Every route gets an operationId, its security and the standard error responses without saying anything
 * (docs-operation.ts, docs-document.ts); `npm run lint:openapi` and docs.test.ts keep the document one that a
 * client can be generated from.
 */
export const docsPlugin = fp(async (app: FastifyInstance, { version }: { version: string }) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Clearsource API',
        version,
        description:
          'Supply-chain due diligence against forced labour and human trafficking: the supplier register, risk ' +
          'scoring under published policies, and the audit trail.\n\n' +
          '**Authentication.** Browser sessions sign in with `POST /api/auth/login` (an HttpOnly cookie) and ' +
          'send the `x-csrf-token` header (the `csrfToken` of `/api/me`) on every state-changing request. ' +
          'Integrations send `Authorization: Bearer <API key>`; an API key acts with the role it was created with.\n\n' +
          '**Errors.** Every error answers `{ error: { code, message, requestId, issues? } }` (the `ErrorBody` ' +
          'schema); `issues` names each field at fault. Records of another organisation answer 404.',
        contact: { name: 'Clearsource support' },
        license: { name: 'Proprietary' },
      },
      // Relative: the document describes the server that serves it, wherever it is deployed.
      servers: [{ url: '/', description: 'The server this document is served from' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'The session cookie set by `POST /api/auth/login`',
          },
          csrfToken: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: 'With the session cookie on state-changing requests: the `csrfToken` of `/api/me`',
          },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An organisation API key (cs_live_…)' },
        },
      },
    },
    transform: operationTransform,
    transformObject: documentTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Served over plain HTTP on localhost too: upgrading requests would break the page there.
    transformStaticCSP: (header) => header.replace('upgrade-insecure-requests;', ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
  // Build the document at start-up: a route that breaks it (two operations with one operationId) stops the app
  // and every test, rather than the first integrator who downloads it.
  app.addHook('onReady', async () => {
    app.swagger();
  });
});
