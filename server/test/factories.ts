import { count, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '#shared/roles.js';
import { apiKeys } from '../src/db/schema/api-keys.js';
import { auditEvents } from '../src/db/schema/audit.js';
import { memberships, users } from '../src/db/schema/users.js';
import { createOrganization } from '../src/modules/orgs/orgs.service.js';
import { type Client, PASSWORD, type TestContext, type TestOrg } from './app.js';

export interface Member {
  email: string;
  name: string;
  role: Role;
}

/**
 * One more organisation (slug `org-<key>`), with admin/officer/executive at `<role>@<key>.test` unless
 * `members` says otherwise. Tests that need a state of their own (a chain to tamper with, a list to page)
 * use one of these instead of sharing org A with the rest of the file.
 */
export const createTestOrg = async (t: TestContext, key: string, members?: Member[]): Promise<TestOrg> => {
  const email = (role: string) => `${role}@${key}.test`;
  const list =
    members ??
    (['admin', 'officer', 'executive'] as const).map((role) => ({
      email: email(role),
      name: `${role} ${key}`,
      role,
    }));
  const id = await createOrganization(t.database.db, {
    name: `Org ${key.toUpperCase()}`,
    slug: `org-${key}`,
    members: list.map((m) => ({ ...m, password: PASSWORD })),
  });
  const first = (role: Role) => list.find((m) => m.role === role)?.email ?? '';
  return { id, admin: first('admin'), officer: first('officer'), executive: first('executive') };
};

/** Rows per table, read on the system connection: "nothing was written" means these did not move. */
export const rowCounts = async (t: TestContext) => {
  const n = async (table: typeof users | typeof memberships | typeof apiKeys | typeof auditEvents) =>
    (await t.database.db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await n(users),
    memberships: await n(memberships),
    apiKeys: await n(apiKeys),
    audit: await n(auditEvents),
  };
};

/** An organisation's audit events, oldest first, read on the system connection. */
export const auditOf = (t: TestContext, orgId: string) =>
  t.database.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(auditEvents.seq);

export const userIdOf = async (t: TestContext, email: string): Promise<string> => {
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
};

/** The field paths a 400 names. */
export const issuePaths = (res: LightMyRequestResponse): string[] =>
  (res.json().error.issues ?? []).map((i: { path: string }) => i.path);

/** Creates an API key through the API and answers the created body (with the one-time `key`). */
export const createApiKey = async (admin: Client, role: Role, name = `${role} key`) => {
  const res = await admin.post('/api/api-keys', { name, role });
  if (res.statusCode !== 201) throw new Error(`create key failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; key: string; prefix: string; name: string; role: Role };
};

/** A request authenticated by `Authorization: Bearer <key>` only: no cookie, no CSRF header. */
export const withKey =
  (t: TestContext, key: string) =>
  (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });

/**
 * The message of a failed query, cause included: drizzle wraps driver errors ("Failed query: …"), and the
 * reason (RLS, permission, trigger) lives in the cause.
 */
export const failureOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (err) {
    const parts: string[] = [];
    for (let e: unknown = err; e instanceof Error; e = e.cause) parts.push(e.message);
    return parts.join(' | ');
  }
  throw new Error('expected the query to fail, but it succeeded');
};

/** Runs `fn` with the audit_events row trigger off (superuser only): the way an attacker with DB access would. */
export const withAuditTriggerOff = async (t: TestContext, fn: () => Promise<unknown>) => {
  await t.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
  try {
    await fn();
  } finally {
    await t.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
  }
};
