import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database } from './client.js';

// Any number that is the same in every process: several API processes starting together on one PostgreSQL
// must not apply the same migration twice.
const MIGRATION_LOCK_KEY = 7_231_004_551;

/** Applies the SQL files in migrations/ (drizzle-kit's journal), the same way on PGlite and PostgreSQL. */
export const runMigrations = async (
  database: Database,
  migrationsFolder: string,
  databaseUrl?: string,
): Promise<void> => {
  if (database.driver === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!databaseUrl) throw new Error('runMigrations: databaseUrl is required for PostgreSQL');
  // One connection, so that the session-level advisory lock covers every migration statement.
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzle(client), { migrationsFolder });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
};
