// Applies migrations/ to the configured database (DATABASE_URL, or the embedded PGlite in DATA_DIR).
import { loadConfig } from '../server/src/config.js';
import { openDb } from '../server/src/db/client.js';
import { runMigrations } from '../server/src/db/migrate.js';

const config = loadConfig();
const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await runMigrations(database, config.migrationsDir, config.databaseOwnerUrl);
  console.log(
    `Migrations applied (${database.driver === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'}).`,
  );
} finally {
  await database.close();
}
