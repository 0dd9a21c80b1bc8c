import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../test/app.js';
import type { RawTx } from './client.js';
import { rowsOf } from './tenant.js';

// On PostgreSQL a transaction's statements sent together are written together, behind BEGIN, and answered in
// order (scripts/patch-postgres.mjs, TX_PIPELINED). What must hold whatever the driver does: they run in the
// order sent, a failure among them fails the transaction with its own error and keeps nothing, and the
// connection then serves the next transactions. The rows are rate-limit counters: a table the serving role
// writes outside any tenant.

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

const insertCounter = (tx: RawTx, key: string) =>
  tx.execute(sql`insert into rate_limits (key, window_start, count, expires_at)
    values (${key}, now(), 1, now() + interval '1 minute')`);
const selectCount = (tx: RawTx, key: string) =>
  tx.execute(sql`select count from rate_limits where key = ${key}`);
const countIn = (result: unknown) => rowsOf<{ count: number }>(result)[0]?.count ?? null;
/** Starts a statement now (drizzle sends a statement when it is awaited): the order of these calls is the order sent. */
const sent = <T>(statement: PromiseLike<T>): Promise<T> => Promise.resolve(statement.then((r) => r));
const messageOf = (e: unknown): string => {
  const err = e as { message?: string; cause?: { message?: string } };
  return `${err.message ?? ''} ${err.cause?.message ?? ''}`;
};

describe('statements of a transaction sent together', () => {
  it('run in the order sent, each seeing the ones before it', async () => {
    const key = `probe:${randomUUID()}`;
    const seen = await t.db.transaction(async (tx) => {
      const [, before, , after] = await Promise.all([
        sent(insertCounter(tx, key)),
        sent(selectCount(tx, key)),
        sent(tx.execute(sql`update rate_limits set count = count + 1 where key = ${key}`)),
        sent(selectCount(tx, key)),
      ]);
      return [countIn(before), countIn(after)];
    });
    expect(seen).toEqual([1, 2]);
  });

  it('a failure among them fails the transaction with its own error, keeps nothing, and the connections serve on', async () => {
    const first = `probe:${randomUUID()}`;
    const last = `probe:${randomUUID()}`;
    const err = await t.db
      .transaction(async (tx) => {
        await Promise.all([
          sent(insertCounter(tx, first)),
          sent(tx.execute(sql`select 1 / ${0}::int`)),
          sent(insertCounter(tx, last)),
        ]);
      })
      .then(
        () => 'committed',
        (e: unknown) => e,
      );
    // The division's error, not the "transaction is aborted" of the statement sent after it.
    expect(messageOf(err)).toMatch(/division by zero/);
    const kept = rowsOf<{ key: string }>(
      await t.owner.execute(sql`select key from rate_limits where key in (${first}, ${last})`),
    );
    expect(kept).toEqual([]);
    // More transactions than the pool has connections: none is left reserved or in an aborted transaction.
    const answers = await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const key = `probe:${randomUUID()}`;
        return t.db.transaction(async (tx) => {
          const [, count] = await Promise.all([sent(insertCounter(tx, key)), sent(selectCount(tx, key))]);
          return countIn(count) === 1 ? i : -1;
        });
      }),
    );
    expect(answers).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });
});
