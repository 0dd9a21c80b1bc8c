import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rateLimits } from '../../db/schema/rate-limits.js';

// Fixed-window counters shared by every API process on the database. Time is the database's now(), never a
// process clock, so instances whose clocks disagree still agree on when a window ends.

export interface Counter {
  /** Hits in the current window (after this one, for `hitCounter`). */
  count: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

const windowOf = (windowMs: number) => sql`make_interval(secs => ${windowMs}::float8 / 1000)`;
const ttlMs = sql<number>`greatest(0, ceil(extract(epoch from (${rateLimits.expiresAt} - now())) * 1000))::int`;

const hitStatement = (db: Db) => {
  const expired = sql`${rateLimits.expiresAt} <= now()`;
  const windowMs = windowOf(sql.placeholder('windowMs') as unknown as number);
  return db
    .insert(rateLimits)
    .values({
      key: sql.placeholder('key'),
      windowStart: sql`now()`,
      count: 1,
      expiresAt: sql`now() + ${windowMs}`,
    })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
        expiresAt: sql`case when ${expired} then now() + ${windowMs} else ${rateLimits.expiresAt} end`,
      },
    })
    .returning({ count: rateLimits.count, ttlMs })
    .prepare('rate_limit_hit');
};
// Built once per database handle: every API request counts a hit, and building this upsert again each time
// cost about as much CPU as PostgreSQL spent running it (issue 10's bench).
const hitStatements = new WeakMap<Db, ReturnType<typeof hitStatement>>();

/**
 * Counts one hit on `key` and answers the window's count, in one statement: concurrent hits from any number
 * of processes each see a distinct count (the row lock serialises them), so a burst cannot slip past a limit.
 * An expired window starts again at 1.
 */
export const hitCounter = async (db: Db, key: string, windowMs: number): Promise<Counter> => {
  let statement = hitStatements.get(db);
  if (!statement) {
    statement = hitStatement(db);
    hitStatements.set(db, statement);
  }
  const [row] = await statement.execute({ key, windowMs });
  return row!;
};

/** The live window of `key` without counting (count 0 when there is none). */
export const readCounter = async (db: Db, key: string): Promise<Counter> => {
  const [row] = await db
    .select({ count: rateLimits.count, ttlMs })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.expiresAt, sql`now()`)));
  return row ?? { count: 0, ttlMs: 0 };
};

/** Forgets `key` (a successful sign-in clears that person's failures). */
export const clearCounter = (db: Db, key: string) => db.delete(rateLimits).where(eq(rateLimits.key, key));

/** Takes back one hit of a live window: an attempt counted up front that turned out not to count. */
export const uncountHit = (db: Db, key: string) =>
  db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(and(eq(rateLimits.key, key), gt(rateLimits.expiresAt, sql`now()`)));

/** Deletes every expired window; answers how many. */
export const deleteExpiredCounters = async (db: Db): Promise<number> => {
  const rows = await db
    .delete(rateLimits)
    .where(lte(rateLimits.expiresAt, sql`now()`))
    .returning({ key: rateLimits.key });
  return rows.length;
};
