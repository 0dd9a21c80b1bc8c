import { randomBytes } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '#shared/roles.js';
import type { Job } from '#shared/schemas/jobs.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { apiKeys } from '../src/db/schema/api-keys.js';
import { auditEvents } from '../src/db/schema/audit.js';
import { assessments, jobs, policies } from '../src/db/schema/scoring.js';
import { suppliers } from '../src/db/schema/suppliers.js';
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
  const id = await createOrganization(t.db, {
    name: `Org ${key.toUpperCase()}`,
    slug: `org-${key}`,
    members: list.map((m) => ({ ...m, password: PASSWORD })),
  });
  const first = (role: Role) => list.find((m) => m.role === role)?.email ?? '';
  return { id, admin: first('admin'), officer: first('officer'), executive: first('executive') };
};

/**
 * Links every organisation's queued audit events into its chain (migration 0042), as the readers of the
 * trail do before they read: the events of every change that has committed, and no more, are then in
 * audit_events, whether or not the app's own drain after the commit has run yet.
 */
export const settleAudit = async (t: Pick<TestContext, 'owner'>) => {
  await t.owner.execute(sql`select audit_pending_drain(o.org_id) from audit_pending_orgs() o`);
};

/** Rows per table, read as the owner: "nothing was written" means these did not move. */
export const rowCounts = async (t: TestContext) => {
  await settleAudit(t);
  const n = async (table: typeof users | typeof memberships | typeof apiKeys | typeof auditEvents) =>
    (await t.owner.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await n(users),
    memberships: await n(memberships),
    apiKeys: await n(apiKeys),
    audit: await n(auditEvents),
  };
};

/** An organisation's audit events, oldest first, read as the owner. */
export const auditOf = async (t: TestContext, orgId: string) => {
  await settleAudit(t);
  return t.owner.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(auditEvents.seq);
};

export const userIdOf = async (t: TestContext, email: string): Promise<string> => {
  const [row] = await t.owner.select({ id: users.id }).from(users).where(eq(users.email, email));
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
  await t.owner.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
  try {
    await fn();
  } finally {
    await t.owner.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
  }
};

// ---- Supplier register, imports, scoring ----------------------------------------------------------------

/** A valid POST /api/suppliers body; `overrides` win. Below a parent the tier is left to the server. */
export const supplierInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Dhaka Knitwear Ltd',
  country: 'BD',
  ...(overrides.parentId ? {} : { tier: 1 }),
  goods: ['garments'],
  ...overrides,
});

/** Creates a supplier through the API and answers the created body. */
export const createSupplier = async (client: Client, overrides: Record<string, unknown> = {}) => {
  const res = await client.post('/api/suppliers', supplierInput(overrides));
  if (res.statusCode !== 201) throw new Error(`create supplier failed: ${res.statusCode} ${res.body}`);
  return res.json() as Supplier;
};

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A CSV text: the header (the keys of the first row unless `columns` is given) and one line per row. */
export const csv = (rows: Record<string, string | number>[], columns?: string[]): string => {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const lines = [cols, ...rows.map((r) => cols.map((c) => String(r[c] ?? '')))];
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
};

/** A multipart/form-data body with one file part, built by hand (bytes kept as given). */
export const multipartBody = (content: string | Buffer, fileName = 'suppliers.csv', field = 'file') => {
  const boundary = `----clearsource${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

/** POSTs a CSV as multipart field "file" to an import endpoint. */
export const uploadCsv = (
  client: Client,
  url: string,
  content: string | Buffer,
  fileName = 'suppliers.csv',
) => {
  const { payload, headers } = multipartBody(content, fileName);
  return client.request('POST', url, payload, headers);
};

/** Rows of the register and scoring tables, read as the owner (all organisations). */
export const scoringCounts = async (t: TestContext) => {
  await settleAudit(t);
  const n = async (table: typeof suppliers | typeof assessments | typeof policies | typeof jobs) =>
    (await t.owner.select({ n: count() }).from(table))[0]!.n;
  return {
    suppliers: await n(suppliers),
    assessments: await n(assessments),
    policies: await n(policies),
    jobs: await n(jobs),
    audit: (await t.owner.select({ n: count() }).from(auditEvents))[0]!.n,
  };
};

/** Polls GET /api/jobs/:id until the job is finished (a bounded loop, no timing asserted) and answers it. */
export const waitForJob = async (client: Client, id: string) => {
  for (let i = 0; i < 600; i++) {
    const res = await client.get(`/api/jobs/${id}`);
    if (res.statusCode !== 200) throw new Error(`job ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json() as Job;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish`);
};
