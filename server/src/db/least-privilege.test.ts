import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../test/app.js';
import { createApiKey, createSupplier, failureOf, withKey } from '../../test/factories.js';
import { REQUEST_ROLE } from './client.js';
import { suppliers } from './schema/suppliers.js';
import { sessions, users } from './schema/users.js';
import { rowsOf } from './tenant.js';

// Defect 14: requests are served by a role that can step over neither wall. Sessions, API keys and the
// other pre-tenant steps are resolved through SECURITY DEFINER functions, which the rest of the suite
// exercises on every sign-in and request; this file checks the privileges themselves.

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
  await createSupplier(await t.login(t.orgA.officer), { name: 'Visible To Org A Only' });
});
afterAll(() => t?.close());

interface RoleRow {
  rolname: string;
  rolsuper: boolean;
  rolbypassrls: boolean;
}

const roleOf = async (who: 'current_user' | 'session_user') =>
  rowsOf<RoleRow>(
    await t.db.execute(
      sql`select rolname, rolsuper, rolbypassrls from pg_roles where rolname = ${sql.raw(who)}`,
    ),
  )[0]!;

describe('the serving role', () => {
  it('is neither superuser nor BYPASSRLS', async () => {
    expect(await roleOf('current_user')).toEqual({
      rolname: REQUEST_ROLE,
      rolsuper: false,
      rolbypassrls: false,
    });
    // On PostgreSQL the login itself is least-privileged. PGlite has one login, a superuser's; there the
    // serving handle runs every statement as the request role instead (checked above).
    if (t.driver === 'postgres') {
      const login = await roleOf('session_user');
      expect(login.rolname).not.toBe('postgres');
      expect(login).toMatchObject({ rolsuper: false, rolbypassrls: false });
    }
  });

  it('sees no supplier with a raw query outside a tenant, though the table has rows', async () => {
    expect((await t.owner.select().from(suppliers)).length).toBeGreaterThan(0);
    expect(rowsOf(await t.db.execute(sql`select * from suppliers`))).toEqual([]);
  });

  it('reads no session, account or password hash directly: only through the definer functions', async () => {
    expect(await t.db.select().from(sessions)).toEqual([]);
    expect(await t.db.select().from(users)).toEqual([]);
    // PGlite's one login is a superuser, which may take any role back: only PostgreSQL can refuse this.
    if (t.driver === 'postgres') {
      expect(await failureOf(t.db.execute(sql`set role postgres`))).toMatch(/permission denied/);
    }
  });

  it('cannot switch the row-level security off', async () => {
    expect(await failureOf(t.db.execute(sql`alter table suppliers disable row level security`))).toMatch(
      /must be owner/,
    );
  });
});

describe('the SECURITY DEFINER functions', () => {
  it('pin their search_path and may be called by the request role only', async () => {
    const fns = rowsOf<{ name: string; config: string[] | null; public_can: boolean; app_can: boolean }>(
      await t.owner.execute(sql`
        select p.proname as name, p.proconfig as config,
               exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                       where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_can,
               has_function_privilege(${REQUEST_ROLE}, p.oid, 'EXECUTE') as app_can
        from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prosecdef
        order by p.proname`),
    );
    expect(fns.map((f) => f.name)).toEqual(
      expect.arrayContaining(['auth_api_key', 'auth_session', 'auth_start_session', 'jobs_claim_next']),
    );
    for (const f of fns) {
      expect(f, f.name).toMatchObject({ public_can: false, app_can: true });
      expect(
        f.config?.some((c) => c.startsWith('search_path=')),
        f.name,
      ).toBe(true);
    }
  });

  it('resolve an API key and a session for a request, and a revoked key no longer', async () => {
    const admin = await t.login(t.orgA.admin);
    expect((await admin.get('/api/me')).statusCode).toBe(200);
    const key = await createApiKey(admin, 'officer');
    expect((await withKey(t, key.key)('GET', '/api/suppliers')).json().items).toHaveLength(1);
    expect((await admin.delete(`/api/api-keys/${key.id}`)).statusCode).toBe(200);
    expect((await withKey(t, key.key)('GET', '/api/suppliers')).statusCode).toBe(401);
  });
});
