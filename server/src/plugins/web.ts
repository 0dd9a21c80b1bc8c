import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.js';

/** Served as the build's .br/.gz twin when the browser accepts it; a source map never. */
const shared = {
  index: false as const,
  preCompressed: true,
  allowedPath: (pathName: string) => !pathName.endsWith('.map'),
};

/**
 * Serves the built dashboard (dist/web). Hashed assets are cached for a year; index.html never, so a new
 * release is picked up on the next navigation. Assets go out as the build's `.br` or `.gz` twin when the
 * browser accepts it (see scripts/vite-precompress.ts). Source maps stay on disk: they would hand anyone the
 * dashboard's full source. Unknown non-API paths answer index.html (client routing); under /assets/ a missing
 * file is a 404 (an HTML page in place of a script only produces a confusing MIME error).
 */
export const webPlugin = fp(async (app: FastifyInstance, { distDir }: { distDir: string }) => {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'dashboard not built: run `npm run build`');
    return;
  }
  // Looked up per request, so the files of a dashboard rebuilt while the server runs are found too.
  await app.register(fastifyStatic, {
    ...shared,
    root: path.join(distDir, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    setHeaders: (res) => res.header('cache-control', 'public, max-age=31536000, immutable'),
  });
  // The few unhashed files beside index.html (the favicon), listed once at start.
  await app.register(fastifyStatic, {
    ...shared,
    root: distDir,
    wildcard: false,
    decorateReply: false,
    globIgnore: ['assets/**', '**/*.map', '**/*.br', '**/*.gz', 'index.html'],
    setHeaders: (res) => res.header('cache-control', 'no-cache'),
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
