import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.js';

/**
 * Serves the built dashboard (dist/web). Hashed assets are cached for a year; index.html never, so a new
 * release is picked up on the next navigation. Unknown non-API paths answer index.html (client routing).
 */
export const webPlugin = fp(async (app: FastifyInstance, { distDir }: { distDir: string }) => {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'dashboard not built: run `npm run build`');
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    setHeaders: (res, file) => {
      res.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // Re-read when the file changes: a rebuilt dashboard names new asset files, and serving the old page
  // would point browsers at files that no longer exist.
  let cached = { mtimeMs: -1, html: Buffer.alloc(0) };
  const currentIndex = () => {
    const { mtimeMs } = fs.statSync(index);
    if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, html: fs.readFileSync(index) };
    return cached.html;
  };
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(currentIndex());
  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true }, config: { public: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/'))
      throw new AppError('not_found', `No endpoint GET ${req.url.split('?')[0]}`);
    return sendIndex(req, reply);
  });
});
