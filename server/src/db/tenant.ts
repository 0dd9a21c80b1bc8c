import { sql } from 'drizzle-orm';
import { type Db, type RawTx, REQUEST_ROLE, type Tx } from './client.js';

/**
 * Runs `fn` in a transaction as the non-superuser role `app_user` with the tenant set, so PostgreSQL
 * row-level security applies even to a query that forgets its org_id filter. Every tenant request goes
 * through here; `SET LOCAL` and `set_config(…, true)` end with the transaction, so pooled connections
 * never leak a tenant into the next request.
 */
export const withTenant = <T>(db: Db, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  db.transaction(async (raw) => fn(await enterTenant(raw, orgId)));

/**
 * Switches an open transaction into one tenant, for work that began before the tenant was known (a
 * definer function chose it: a sign-in, a switch of organisation, a new organisation), so that both parts
 * commit together or not at all.
 */
export const enterTenant = async (raw: RawTx, orgId: string): Promise<Tx> => {
  // One statement, not SET LOCAL ROLE then the setting: every tenant transaction pays each round trip.
  // set_config('role', …, true) is SET LOCAL ROLE (same privilege check), ended with the transaction.
  await raw.execute(
    sql`select set_config('role', ${REQUEST_ROLE}, true), set_config('app.org_id', ${orgId}, true)`,
  );
  return raw as Tx;
};

/** Rows of a raw `execute()`: postgres.js answers an array, PGlite `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
