import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.js';

/** Source maps and the precompressed variants are not files of their own to the outside. */
const NOT_ROUTED = ['**/*.map', '**/*.br', '**/*.gz'];

/**
 * Serves the built dashboard (dist/web). Hashed assets are cached for a year; index.html never, so a new
 * release is picked up on the next navigation. Assets go out as the build's `.br` or `.gz` twin when the
 * browser accepts it (see scripts/vite-precompress.ts). Source maps stay on disk: they would hand anyone the
 * dashboard's full source. Unknown non-API paths answer index.html (client routing), except under /assets/,
 * where a missing file is a 404 (an HTML page in place of a script only produces a confusing MIME error).
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
    preCompressed: true,
    globIgnore: NOT_ROUTED,
    // Also refused if routing ever becomes a wildcard (which would reach files not listed at start-up).
    allowedPath: (pathName) => !pathName.endsWith('.map'),
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
    const pathname = req.url.split('?')[0];
    if (req.url.startsWith('/api/')) throw new AppError('not_found', `No endpoint GET ${pathname}`);
    if (req.url.startsWith('/assets/')) throw new AppError('not_found', `No file ${pathname}`);
    return sendIndex(req, reply);
  });
});
