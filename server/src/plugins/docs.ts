import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3 generated from the same zod schemas the routes validate with, at /api/openapi.json and /docs. */
export const docsPlugin = fp(async (app: FastifyInstance, { version }: { version: string }) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Clearsource API',
        version,
        description:
          'Supply-chain due diligence against forced labour and human trafficking. Browser sessions send the ' +
          '`x-csrf-token` header (from /api/me) on every state-changing request; integrations use ' +
          '`Authorization: Bearer <API key>`. Errors: `{ error: { code, message, requestId, issues? } }`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An organisation API key (cs_live_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'cs_session' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    // Adds schemas registered with an id (recursive ones such as SupplierTreeNode) as components.
    transformObject: jsonSchemaTransformObject,
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
});
