import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database } from './client.js';

// Any number that is the same in every process: several API processes starting together on one PostgreSQL
// must not apply the same migration twice.
const MIGRATION_LOCK_KEY = 7_231_004_551;

/**
 * Applies the SQL files in migrations/ (drizzle-kit's journal), the same way on PGlite and PostgreSQL, as the
 * owner of the tables: on PostgreSQL through `ownerUrl` (DATABASE_OWNER_URL, else DATABASE_URL), on PGlite
 * through its own (superuser) connection rather than the serving handle.
 */
export const runMigrations = async (
  database: Database,
  migrationsFolder: string,
  ownerUrl?: string,
): Promise<void> => {
  if (database.pglite) {
    await migratePglite(drizzlePglite(database.pglite), { migrationsFolder });
    return;
  }
  if (!ownerUrl) throw new Error('runMigrations: the owner URL is required for PostgreSQL');
  // One connection, so that the session-level advisory lock covers every migration statement.
  const client = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzle(client), { migrationsFolder });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
};
