import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Text assets worth compressing; images and fonts are compressed formats already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;
/** Below this, the headers cost more than the bytes saved (the same threshold the server uses). */
const MIN_BYTES = 1024;

/**
 * Writes `.br` and `.gz` beside every compressible asset at build time, at the highest levels (too slow to do
 * per request): the server sends them to browsers that accept them (@fastify/static `preCompressed`).
 * Source maps are skipped: they are never served.
 */
export function precompress(): Plugin {
  return {
    name: 'clearsource-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? '';
      await Promise.all(
        Object.keys(bundle)
          .filter((file) => COMPRESSIBLE.test(file))
          .map(async (file) => {
            const full = path.join(outDir, file);
            const content = await fs.readFile(full);
            if (content.length < MIN_BYTES) return;
            const [gz, br] = await Promise.all([
              gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
              brotli(content, {
                params: {
                  [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
            ]);
            await Promise.all([fs.writeFile(`${full}.gz`, gz), fs.writeFile(`${full}.br`, br)]);
          }),
      );
    },
  };
}
