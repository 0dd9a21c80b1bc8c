import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { preparing } from './prepared.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/**
 * The root handle, for both drivers (repositories never know which backend is behind them). It acts as the
 * request role: outside withTenant it sees no tenant's rows, and reaches what comes before a tenant only
 * through the SECURITY DEFINER functions of migration 0007.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction on the root handle, before (or without) a tenant. */
export type RawTx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

declare const tenantOnly: unique symbol;
/**
 * A transaction inside one tenant (role app_user, app.org_id set). Only withTenant and enterTenant produce
 * it, and repositories accept nothing else: handing them the root handle does not compile.
 */
export type Tx = RawTx & { readonly [tenantOnly]: true };

/** The role every request statement runs as (created by migration 0001; row-level security applies to it). */
export const REQUEST_ROLE = 'app_user';

export type DbDriver = 'pglite' | 'postgres';

export interface Database {
  /** Serves requests, as REQUEST_ROLE. */
  db: Db;
  driver: DbDriver;
  /**
   * The PGlite instance when embedded: its one connection is a superuser's, so only migrations (and tests'
   * dumps) use it directly. Undefined on a PostgreSQL server.
   */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** The connection that serves requests (see README: a role with neither superuser nor BYPASSRLS). */
  databaseUrl?: string;
  /** PGlite data directory (file-backed); ignored with databaseUrl. */
  dataDir?: string;
  /** A PGlite dump (from dumpDataDir) to start from: tests load a migrated database this way (~1 s, not ~5 s). */
  loadDataDir?: Blob;
  maxConnections?: number;
}

/**
 * PGlite has one connection, and it is a superuser's. Serving through it as is would skip every privilege
 * check, so each statement and transaction of the serving handle runs in a transaction that first switches
 * to the request role: the same privileges and definer functions as on PostgreSQL.
 */
const asRequestRole = (pg: PGlite) => {
  const enter = async (t: Transaction) => {
    await t.exec(`set local role ${REQUEST_ROLE}`);
    return t;
  };
  return {
    query: (text: string, params?: unknown[], options?: object) =>
      pg.transaction(async (t) => (await enter(t)).query(text, params, options)),
    transaction: <T>(fn: (t: Transaction) => Promise<T>) => pg.transaction(async (t) => fn(await enter(t))),
  };
};

/**
 * Seconds a connection waits before connecting again after its last one failed, by the count of failures in a
 * row (shared by the pool; a success resets it). postgres.js's default grows by 3× a failure up to 20 s: after
 * a restart's few seconds of refused connections, the server would take up to 20 s more to serve again (and
 * every request in that time waits). Doubling up to 2 s still spares a database that is down, and serves
 * within ~2 s of its return. Randomised by half, so the pool's connections do not all knock at once.
 */
const reconnectDelaySeconds = (failures: number) =>
  (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failures, 2);

export const openDb = async (opts: OpenDbOptions): Promise<Database> => {
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, {
      max: opts.maxConnections ?? 10,
      onnotice: () => {},
      // Every connection acts as the request role from its start, whatever the login: a single-role set-up
      // (a superuser in DATABASE_URL) still serves under row-level security and the definer functions.
      connection: { role: REQUEST_ROLE },
      backoff: reconnectDelaySeconds,
    });
    const db = drizzlePostgres(preparing(client), { schema }) as unknown as Db;
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  let dataDir: string | undefined;
  if (opts.dataDir) {
    dataDir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const pglite = new PGlite({ dataDir, loadDataDir: opts.loadDataDir });
  await pglite.waitReady;
  const db = drizzlePglite({ client: asRequestRole(pglite) as unknown as PGlite, schema }) as unknown as Db;
  return { db, driver: 'pglite', pglite, close: () => pglite.close() };
};
