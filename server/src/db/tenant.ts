import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

/**
 * Runs `fn` in a transaction as the non-superuser role `app_user` with the tenant set, so PostgreSQL
 * row-level security applies even to a query that forgets its org_id filter. Every tenant request goes
 * through here; `SET LOCAL` and `set_config(…, true)` end with the transaction, so pooled connections
 * never leak a tenant into the next request.
 */
export const withTenant = <T>(db: Db, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  db.transaction(async (tx) => {
    await enterTenant(tx, orgId);
    return fn(tx);
  });

/** Switches an open transaction to the request role and tenant (for work that began as the system). */
export const enterTenant = async (tx: Db, orgId: string): Promise<void> => {
  await tx.execute(sql`set local role app_user`);
  await tx.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
};

/** Rows of a raw `execute()`: postgres.js answers an array, PGlite `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
