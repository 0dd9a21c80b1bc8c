import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import { loadConfig, PROJECT_ROOT } from './config.js';
import { openDb } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { ensureDefaultTemplates } from './modules/templates/templates.seed.js';
import { seedDemo } from './seed/demo.js';

const config = loadConfig();

// `npm start` straight after `npm install` must work: build the dashboard once if it is missing.
if (!fs.existsSync(path.join(config.webDistDir, 'index.html'))) {
  console.log('Building the dashboard (first start only)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await runMigrations(database, config.migrationsDir, config.databaseOwnerUrl);
// Organisations from before questionnaires existed get the shipped one (new ones get it at creation).
await ensureDefaultTemplates(database.db);
const demo = config.seedDemo ? await seedDemo(database.db, config.dataDir, config.demoPassword) : undefined;

const app = await buildApp({ config, database });
const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
const lines = [
  '',
  `  Clearsource is running at ${url}`,
  `  API reference: ${url}/docs`,
  `  Database: ${database.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
];
if (demo) {
  lines.push(
    '',
    '  Demo logins (password below):',
    '    admin@demo.test      administrator',
    '    officer@demo.test    compliance officer',
    '    executive@demo.test  executive (read-only)',
    '    admin@other.test     administrator of a second organisation',
    `  Password: ${demo.password}`,
    // Printed here only, like the password: the app logger never sees a token (the access log redacts /portal/).
    demo.portalToken
      ? `  Supplier portal (demo): ${url}/portal/${demo.portalToken}`
      : '  Supplier portal (demo): no demo questionnaire is waiting for its supplier; send one, or re-issue a link (Questionnaires → Sent)',
  );
}
console.log(`${lines.join('\n')}\n`);
