// Writes the OpenAPI document of the API, built from a real app on a throwaway in-memory database (no server,
// no network), to the path given (default: stdout). `npm run lint:openapi` lints what this writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { openDb } from '../server/src/db/client.js';
import { runMigrations } from '../server/src/db/migrate.js';

const out = process.argv[2];
const config = loadConfig({ DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' });
// In memory (no dataDir, no DATABASE_URL); migrated, because the app's ready hook requeues stale jobs.
const database = await openDb({});
try {
  await runMigrations(database, config.migrationsDir);
  const app = await buildApp({ config, database, serveWeb: false, logger: false });
  try {
    await app.ready();
    const json = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    if (out) {
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.writeFileSync(out, json);
    } else process.stdout.write(json);
  } finally {
    await app.close();
  }
} finally {
  await database.close();
}
