import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** One type for both drivers: repositories never know which backend is behind them. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DbDriver = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  driver: DbDriver;
  /** The PGlite instance when embedded (tests dump it); undefined on a PostgreSQL server. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  databaseUrl?: string;
  /** PGlite data directory (file-backed); ignored with databaseUrl. */
  dataDir?: string;
  /** A PGlite dump (from dumpDataDir) to start from: tests load a migrated database this way (~1 s, not ~5 s). */
  loadDataDir?: Blob;
  maxConnections?: number;
}

export const openDb = async (opts: OpenDbOptions): Promise<Database> => {
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, {
      max: opts.maxConnections ?? 10,
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  let dataDir: string | undefined;
  if (opts.dataDir) {
    dataDir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = new PGlite({ dataDir, loadDataDir: opts.loadDataDir });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, driver: 'pglite', pglite: client, close: () => client.close() };
};
