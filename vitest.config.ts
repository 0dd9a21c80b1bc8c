import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = { '#shared': `${root}shared/src` };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'shared',
          include: ['shared/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          // Projects run one group after another (their worker limits differ); the database-heavy ones last.
          sequence: { groupOrder: 2 },
          environment: 'node',
          globalSetup: ['server/test/global-setup.ts'],
          // Each file gets its own database; two workers fit the 2-core machines this runs on.
          pool: 'forks',
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'web',
          include: ['web/**/*.test.tsx', 'web/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          environment: 'jsdom',
          setupFiles: ['web/test/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          // Browser journeys against the real server (built dashboard, fresh embedded database, demo data).
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          sequence: { groupOrder: 3 },
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          // One server and a browser per file: run the files one after another.
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 60_000,
          // The first start migrates and seeds the demo register; the build may run first.
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
