import { sql } from 'drizzle-orm';
import { type Db, type RawTx, REQUEST_ROLE, type Tx } from './client.js';

export interface TenantOptions {
  /**
   * The transaction's prepared statements run on generic plans (plan_cache_mode force_generic_plan, until it
   * ends): each is planned once per connection, then only executed. By default PostgreSQL plans a prepared
   * statement again on every run for its first five runs on a connection, before it considers its generic
   * plan. With row-level security that planning costs more than running a lookup (measured on a supplier's
   * tasks: 1.4 ms planning vs 0.4 ms executing), and with ten pooled connections, replaced every 30–60
   * minutes, many requests are among those first five. Only for work whose best plans do not depend on the
   * values: lookups by key. Not for ranges or selective filters (the overdue board on a generic plan took
   * 200 ms instead of 75 ms).
   */
  genericPlans?: boolean;
}

/**
 * Runs `fn` in a transaction as the non-superuser role `app_user` with the tenant set, so PostgreSQL
 * row-level security applies even to a query that forgets its org_id filter. Every tenant request goes
 * through here; `SET LOCAL` and `set_config(…, true)` end with the transaction, so pooled connections
 * never leak a tenant into the next request.
 */
export const withTenant = <T>(
  db: Db,
  orgId: string,
  fn: (tx: Tx) => Promise<T>,
  opts: TenantOptions = {},
): Promise<T> =>
  db.transaction(async (raw) => {
    // Sent now and awaited with the work, not before it: the work's first statement follows it on the same
    // connection without waiting for its answer (one round trip fewer per request). A transaction's
    // statements run in the order they are sent (each is sent when awaited; both drivers queue them), so
    // nothing runs before the tenant is set; if setting it failed, what follows fails too and this error is
    // the one reported.
    const entering = tenantSet(raw, orgId, opts).then(() => undefined);
    const [, result] = await Promise.all([entering, fn(raw as Tx)]);
    return result;
  });

/**
 * withTenant in a READ ONLY, REPEATABLE READ transaction: every statement of `fn` reads the one snapshot taken
 * by its first, so what it reads agrees with itself (a report's figures, the policy version and the audit head
 * it prints), and it can write nothing. The mode is set as the transaction's first statement (both drivers'
 * `transaction` config), before the tenant is: PostgreSQL refuses it after a query has run.
 */
export const withTenantSnapshot = <T>(db: Db, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  db.transaction(
    async (raw) => {
      const entering = tenantSet(raw, orgId).then(() => undefined);
      const [, result] = await Promise.all([entering, fn(raw as Tx)]);
      return result;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

/** One statement, not SET LOCAL ROLE then the setting. set_config('role', …, true) is SET LOCAL ROLE (same
 * privilege check); both end with the transaction. */
const tenantSet = (raw: RawTx, orgId: string, { genericPlans = false }: TenantOptions = {}) =>
  raw.execute(
    genericPlans
      ? sql`select set_config('role', ${REQUEST_ROLE}, true), set_config('app.org_id', ${orgId}, true),
              set_config('plan_cache_mode', 'force_generic_plan', true)`
      : sql`select set_config('role', ${REQUEST_ROLE}, true), set_config('app.org_id', ${orgId}, true)`,
  );

/**
 * Switches an open transaction into one tenant, for work that began before the tenant was known (a
 * definer function chose it: a sign-in, a switch of organisation, a new organisation), so that both parts
 * commit together or not at all.
 */
export const enterTenant = async (raw: RawTx, orgId: string): Promise<Tx> => {
  await tenantSet(raw, orgId);
  return raw as Tx;
};

/** Rows of a raw `execute()`: postgres.js answers an array, PGlite `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
