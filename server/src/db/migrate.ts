import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { refreshGoodKeys } from '../modules/suppliers/suppliers-goods.js';
import type { Database } from './client.js';

// Any number that is the same in every process: several API processes starting together on one PostgreSQL
// must not apply the same migration twice.
const MIGRATION_LOCK_KEY = 7_231_004_551;

/**
 * Applies the SQL files in migrations/ (drizzle-kit's journal), the same way on PGlite and PostgreSQL, as the
 * owner of the tables: on PostgreSQL through `ownerUrl` (DATABASE_OWNER_URL, else DATABASE_URL), on PGlite
 * through its own (superuser) connection rather than the serving handle. Then, on the same connection, the
 * data that follows code rather than schema: suppliers' good_keys computed under an older goods synonym table.
 */
export const runMigrations = async (
  database: Database,
  migrationsFolder: string,
  ownerUrl?: string,
): Promise<void> => {
  if (database.pglite) {
    const owner = drizzlePglite(database.pglite);
    await migratePglite(owner, { migrationsFolder });
    await refreshGoodKeys((query) => owner.execute(query));
    return;
  }
  if (!ownerUrl) throw new Error('runMigrations: the owner URL is required for PostgreSQL');
  // One connection, so that the session-level advisory lock covers every migration statement.
  const client = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    const owner = drizzle(client);
    await migratePostgres(owner, { migrationsFolder });
    await refreshGoodKeys((query) => owner.execute(query));
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
};
