import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../test/app.js';
import { findOrganizationName } from '../modules/orgs/orgs.repo.js';
import { REQUEST_ROLE, type Tx } from './client.js';
import { organizations } from './schema/orgs.js';
import { rowsOf, withTenant } from './tenant.js';

// withTenant sends the tenant setting and does not wait for its answer before the work's first statement
// (one round trip fewer). That is only safe if the setting always runs first, whatever shape the first
// statement has: a statement run before it would run as the connection's login (on PGlite a superuser,
// past row-level security). Each case below is the first statement of its transaction.

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

interface Seen {
  org: string | null;
  role: string;
}
const WHO = sql`current_setting('app.org_id', true) as org, current_user as role`;

const firstStatements: [string, (tx: Tx) => Promise<Seen>][] = [
  ['a raw statement', async (tx) => rowsOf<Seen>(await tx.execute(sql`select ${WHO}`))[0]!],
  // Started the moment the work begins (then() sends at once, where await waits a turn of the microtask
  // queue): the tightest race there can be, since the setting was sent before the work was called.
  ['a statement started at once', (tx) => tx.execute(sql`select ${WHO}`).then((r) => rowsOf<Seen>(r)[0]!)],
  [
    'a select builder',
    async (tx) =>
      (
        await tx
          .select({ org: sql<string>`current_setting('app.org_id', true)`, role: sql<string>`current_user` })
          .from(organizations)
          .limit(1)
      )[0]!,
  ],
  [
    'a locking select',
    async (tx) =>
      (
        await tx
          .select({ org: sql<string>`current_setting('app.org_id', true)`, role: sql<string>`current_user` })
          .from(organizations)
          .where(eq(organizations.id, t.orgA.id))
          .for('no key update')
      )[0]!,
  ],
  [
    'a repository function, then a raw statement',
    async (tx) => {
      expect(await findOrganizationName(tx, t.orgB.id)).toBe('');
      return rowsOf<Seen>(await tx.execute(sql`select ${WHO}`))[0]!;
    },
  ],
  [
    'two statements sent together',
    async (tx) => {
      const [who, orgs] = await Promise.all([
        tx.execute(sql`select ${WHO}`),
        tx.select().from(organizations),
      ]);
      // The second one is past row-level security too: the tenant's own organisation only.
      expect(orgs.map((o) => o.id)).toEqual([t.orgA.id]);
      return rowsOf<Seen>(who)[0]!;
    },
  ],
];

describe('withTenant: the tenant is set before the first statement of the work runs', () => {
  it.each(firstStatements)('%s', async (_name, first) => {
    for (let i = 0; i < 5; i++) {
      const seen = await withTenant(t.db, t.orgA.id, first);
      expect(seen).toEqual({ org: t.orgA.id, role: REQUEST_ROLE });
    }
  });

  it('twenty transactions at once each see their own tenant', async () => {
    const orgs = Array.from({ length: 20 }, (_, i) => (i % 2 ? t.orgA.id : t.orgB.id));
    const seen = await Promise.all(
      orgs.map((org) =>
        withTenant(t.db, org, async (tx) => rowsOf<Seen>(await tx.execute(sql`select ${WHO}`))[0]!),
      ),
    );
    expect(seen).toEqual(orgs.map((org) => ({ org, role: REQUEST_ROLE })));
  });
});

describe('withTenant with generic plans', () => {
  const PLANS = sql`current_setting('plan_cache_mode') as plans, current_setting('app.org_id', true) as org`;
  const plansOf = async (tx: Tx) =>
    rowsOf<{ plans: string; org: string }>(await tx.execute(sql`select ${PLANS}`))[0]!;

  it('runs its statements on generic plans, in its tenant, and leaves the next transaction to the default', async () => {
    expect(await withTenant(t.db, t.orgA.id, plansOf, { genericPlans: true })).toEqual({
      plans: 'force_generic_plan',
      org: t.orgA.id,
    });
    // The setting ended with its transaction: whichever pooled connection serves next plans as usual.
    for (let i = 0; i < 5; i++) {
      expect(await withTenant(t.db, t.orgB.id, plansOf)).toEqual({ plans: 'auto', org: t.orgB.id });
    }
  });
});
