import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../test/app.js';
import type { Tx } from './client.js';
import { rowsOf, withTenant } from './tenant.js';

// On PostgreSQL, the statements drizzle sends are prepared once per connection (prepared.ts): a statement
// with parameters then runs in one round trip instead of two. Long lists stay unprepared.

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

/** Statements prepared on the transaction's connection whose text contains `marker`. */
const preparedWith = async (tx: Tx, marker: string) =>
  rowsOf<{ n: number }>(
    await tx.execute(
      sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and not from_sql`,
    ),
  )[0]!.n;

describe.skipIf(!process.env.DATABASE_URL)('prepared statements (PostgreSQL)', () => {
  it('prepares a statement with parameters once on its connection, inside transactions too', async () => {
    await withTenant(t.db, t.orgA.id, async (tx) => {
      for (const n of [1, 2, 3]) {
        const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select ${n}::int + 0 as n /* prep-one */`));
        expect(row?.n).toBe(n);
      }
      expect(await preparedWith(tx, 'prep-one')).toBe(1);
    });
  });

  it('leaves a statement with a long list of parameters unprepared', async () => {
    await withTenant(t.db, t.orgA.id, async (tx) => {
      const many = Array.from({ length: 100 }, (_, i) => i);
      const list = sql.join(
        many.map((i) => sql`${i}::int`),
        sql`, `,
      );
      const [row] = rowsOf<{ n: number }>(
        await tx.execute(sql`select array_length(array[${list}], 1) as n /* prep-many */`),
      );
      expect(row?.n).toBe(100);
      expect(await preparedWith(tx, 'prep-many')).toBe(0);
    });
  });
});
