import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL here; the server applies migrations itself (server/src/db/migrate.ts),
// identically on PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema/index.ts',
  out: './migrations',
});
