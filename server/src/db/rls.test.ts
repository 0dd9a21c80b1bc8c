import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../test/app.js';
import { createApiKey, failureOf, rowCounts, userIdOf } from '../../test/factories.js';
import type { Db, Tx } from './client.js';
import { apiKeys } from './schema/api-keys.js';
import { auditEvents } from './schema/audit.js';
import { organizations } from './schema/orgs.js';
import { memberships, sessions, users } from './schema/users.js';
import { rowsOf, withTenant } from './tenant.js';

// Row-level security is the second wall: these queries deliberately carry NO org filter, as a buggy
// repository would, and must still see only the tenant's own rows. Runs on PGlite and on PostgreSQL.

let t: TestContext;
/** Serves requests: the request role. */
let db: Db;
/** The owner (a superuser in tests): what is really in the tables. */
let owner: Db;
let keyA: string;
let keyB: string;
let officerA: string;
beforeAll(async () => {
  t = await setupTestApp();
  db = t.db;
  owner = t.owner;
  keyA = (await createApiKey(await t.login(t.orgA.admin), 'officer')).id;
  keyB = (await createApiKey(await t.login(t.orgB.admin), 'officer')).id;
  // Looked up here, not inside a tenant transaction: PGlite has one connection, so a second query from
  // outside the open transaction would wait for it forever.
  officerA = await userIdOf(t, t.orgA.officer);
});
afterAll(() => t?.close());

const tenantTables = [
  ['memberships', memberships],
  ['api_keys', apiKeys],
  ['audit_events', auditEvents],
] as const;

/** The serving handle outside withTenant: what a query that skipped withTenant sees. */
const asAppUserWithoutTenant = <T>(fn: (db: Db) => Promise<T>) => fn(db);

describe('a tenant transaction sees only its own rows, with no org filter in the query', () => {
  it.each(tenantTables)('%s', async (_name, table) => {
    const seen = await withTenant(db, t.orgA.id, (tx) => tx.select().from(table));
    const mine = await owner.select().from(table).where(eq(table.orgId, t.orgA.id));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.orgId === t.orgA.id)).toBe(true);
    expect(seen.length).toBe(mine.length);
  });

  it('users: only the members of the organisation', async () => {
    const seen = await withTenant(db, t.orgA.id, (tx) => tx.select({ email: users.email }).from(users));
    expect(seen.map((u) => u.email).sort()).toEqual([t.orgA.admin, t.orgA.executive, t.orgA.officer].sort());
  });

  it('organizations: only itself', async () => {
    const seen = await withTenant(db, t.orgA.id, (tx) => tx.select().from(organizations));
    expect(seen.map((o) => o.id)).toEqual([t.orgA.id]);
  });

  it("a lookup by another tenant's id finds nothing", async () => {
    const found = await withTenant(db, t.orgA.id, (tx) =>
      tx.select().from(apiKeys).where(eq(apiKeys.id, keyB)),
    );
    expect(found).toEqual([]);
  });
});

describe("a tenant transaction cannot write another tenant's rows", () => {
  const auditRow = (orgId: string) => ({
    orgId,
    seq: 999,
    actorType: 'system' as const,
    action: 'forged',
    entityType: 'x',
    entityId: 'x',
    payload: {},
    createdAt: new Date(),
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  });

  const inserts: [string, (tx: Tx) => Promise<unknown>][] = [
    [
      'memberships',
      (tx) => tx.insert(memberships).values({ orgId: t.orgB.id, userId: officerA, role: 'admin' }),
    ],
    [
      'api_keys',
      (tx) =>
        tx
          .insert(apiKeys)
          .values({ orgId: t.orgB.id, name: 'x', role: 'admin', prefix: 'x', keyHash: 'forged' }),
    ],
    ['audit_events', (tx) => tx.insert(auditEvents).values(auditRow(t.orgB.id))],
  ];

  it.each(inserts)("refuses an insert into %s with org B's org_id inside org A", async (_name, insert) => {
    const before = await rowCounts(t);
    expect(await failureOf(withTenant(db, t.orgA.id, insert))).toMatch(/row-level security/);
    expect(await rowCounts(t)).toEqual(before);
  });

  // A person's account row is shared by every organisation they belong to (and an admin can add any existing
  // e-mail as a member): no organisation may write it, not even for its own members. Their own password goes
  // through auth_set_own_password, keyed by their live session.
  it("no organisation's request role writes a person's account row, its own members' included", async () => {
    for (const email of [t.orgA.admin, t.orgB.admin]) {
      const id = await userIdOf(t, email);
      const hijack = withTenant(db, t.orgA.id, (tx) =>
        tx.update(users).set({ name: 'hijacked', passwordHash: 'x' }).where(eq(users.id, id)),
      );
      expect(await failureOf(hijack)).toMatch(/permission denied/);
      const [row] = await owner.select().from(users).where(eq(users.id, id));
      expect(row!.name).not.toBe('hijacked');
    }
  });

  it("updates of org B's rows touch nothing, and moving a row to org B is refused", async () => {
    const changed = await withTenant(db, t.orgA.id, async (tx) => [
      ...(await tx
        .update(memberships)
        .set({ status: 'deactivated' })
        .where(eq(memberships.orgId, t.orgB.id))
        .returning()),
      ...(await tx.delete(apiKeys).where(eq(apiKeys.id, keyB)).returning()),
    ]);
    expect(changed).toEqual([]);
    expect(await owner.select().from(apiKeys).where(eq(apiKeys.id, keyB))).toHaveLength(1);

    const moved = withTenant(db, t.orgA.id, (tx) =>
      tx.update(apiKeys).set({ orgId: t.orgB.id }).where(eq(apiKeys.id, keyA)),
    );
    expect(await failureOf(moved)).toMatch(/row-level security/);
    const [a] = await owner.select().from(apiKeys).where(eq(apiKeys.id, keyA));
    expect(a!.orgId).toBe(t.orgA.id);
  });
});

describe('without a tenant', () => {
  it.each([...tenantTables, ['users', users], ['organizations', organizations]] as const)(
    'the request role sees no %s',
    async (_name, table) => {
      expect(await asAppUserWithoutTenant((tx) => tx.select().from(table))).toEqual([]);
    },
  );

  it('the tenant of one transaction does not leak into the next', async () => {
    await withTenant(db, t.orgA.id, (tx) => tx.select().from(memberships));
    expect(await asAppUserWithoutTenant((tx) => tx.select().from(memberships))).toEqual([]);
  });

  it("the request role sees only its own organisation's sessions, and cannot change who owns one", async () => {
    await t.login(t.orgA.admin);
    await t.login(t.orgB.admin);
    const seen = await withTenant(db, t.orgA.id, (tx) => tx.select().from(sessions));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.orgId === t.orgA.id)).toBe(true);
    expect(await asAppUserWithoutTenant((tx) => tx.select().from(sessions))).toEqual([]);
    expect(
      await failureOf(withTenant(db, t.orgA.id, (tx) => tx.update(sessions).set({ orgId: t.orgB.id }))),
    ).toMatch(/permission denied/);
  });
});

describe('every tenant-owned table', () => {
  // Read from the catalog, so a table added later without its migration's RLS part fails here, not in
  // production: every table with an org_id column has row-level security enabled, forced (the owner too), and
  // the tenant_isolation policy.
  it('has row-level security enabled, forced, and the tenant_isolation policy', async () => {
    const tables = rowsOf<{ name: string; enabled: boolean; forced: boolean; policy: boolean }>(
      await t.owner.execute(sql`
        select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
               exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policy
        from pg_class c
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        order by c.relname`),
    );
    expect(tables.map((r) => r.name)).toEqual(
      expect.arrayContaining(['suppliers', 'remediation_tasks', 'task_comments', 'task_evidence_files']),
    );
    for (const r of tables)
      expect(r, r.name).toEqual({ name: r.name, enabled: true, forced: true, policy: true });
  });
});
