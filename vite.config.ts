import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiPort = process.env.API_PORT ?? '3000';

// The dashboard lives in web/; production builds go to dist/web, which the API server serves. Source maps are
// written without a sourceMappingURL ('hidden'), for reading a production stack trace locally; the server
// never serves them.
export default defineConfig({
  root: `${root}web`,
  plugins: [react(), precompress()],
  resolve: { alias: { '#shared': `${root}shared/src` } },
  build: { outDir: `${root}dist/web`, emptyOutDir: true, sourcemap: 'hidden' },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/docs': `http://127.0.0.1:${apiPort}`,
    },
  },
});
