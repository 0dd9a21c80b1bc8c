import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../test/app.js';
import { createApiKey, createSupplier, multipartBody, scoringCounts, withKey } from '../../test/factories.js';
import { loadOperations, type Operation, STATE_CHANGING, urlOf } from '../../test/openapi.js';

/**
 * Issue 7, defects 3 and 4: a role that may not make a write is refused (403) before its body is read or
 * validated, on every route; what-if is for officers and admins, one at a time per organisation.
 */

let t: TestContext;
let operations: Operation[];
let admin: Client;
let officer: Client;
let executive: Client;
beforeAll(async () => {
  t = await setupTestApp();
  ({ operations } = await loadOperations(t.app));
  admin = await t.login(t.orgA.admin);
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
});
afterAll(() => t?.close());

/**
 * Routes every signed-in person may call on their own session or account, whatever their role, and the
 * password links and the supplier portal, which need no session at all (the link is the credential).
 */
const SELF_SERVICE = (path: string) =>
  path.startsWith('/api/auth/') ||
  path.startsWith('/api/me') ||
  path.startsWith('/api/account-links/') ||
  path.startsWith('/api/portal/') ||
  // Issuing a report changes no data and is the executive's own use of the product (issue 11); checking a
  // copy is public.
  path === '/api/reports' ||
  path === '/api/reports/verify';

const expectForbidden = (res: { statusCode: number; body: string; json(): unknown }, label: string) => {
  expect(res.statusCode, `${label}: ${res.body}`).toBe(403);
  expect(res.json(), label).toEqual({
    error: { code: 'forbidden', message: expect.any(String), requestId: expect.any(String) },
  });
};

describe('role before validation', () => {
  it("an executive's POST /api/suppliers {name:'x'} answers 403, not 400 about the fields", async () => {
    const res = await executive.post('/api/suppliers', { name: 'x' });
    expectForbidden(res, 'POST /api/suppliers');
    expect(res.body).not.toMatch(/tier|country/);
  });

  it('every state-changing route of the OpenAPI document answers 403 to an executive, whatever the body', async () => {
    const writes = operations.filter((op) => STATE_CHANGING.has(op.method) && !SELF_SERVICE(op.path));
    expect(writes.length).toBeGreaterThanOrEqual(15);
    const before = await scoringCounts(t);
    for (const op of writes) {
      const url = urlOf(
        op,
        Object.fromEntries(op.path.match(/\{\w+\}/g)?.map((p) => [p.slice(1, -1), randomUUID()]) ?? []),
      );
      const label = `${op.method} ${op.path}`;
      expectForbidden(await executive.request(op.method, url), `${label} (no body)`);
      expectForbidden(await executive.request(op.method, url, {}), `${label} ({})`);
      expectForbidden(
        await executive.request(op.method, url, '{"name": garbage', { 'content-type': 'application/json' }),
        `${label} (malformed JSON)`,
      );
      expectForbidden(
        await executive.request(op.method, url, 'not json', { 'content-type': 'text/plain' }),
        `${label} (text)`,
      );
    }
    expect(await scoringCounts(t)).toEqual(before);
  });

  it('an executive API key is refused the same way', async () => {
    const { key } = await createApiKey(admin, 'executive');
    const res = await withKey(t, key)('POST', '/api/suppliers', { name: 'x' });
    expectForbidden(res, 'POST /api/suppliers with an executive key');
  });

  it('an officer gets 403 on admin routes before their body or query is validated', async () => {
    expectForbidden(await officer.post('/api/users', { email: 'not an e-mail' }), 'POST /api/users');
    expectForbidden(await officer.post('/api/api-keys', {}), 'POST /api/api-keys');
    expectForbidden(await officer.get('/api/api-keys?limit=-5'), 'GET /api/api-keys');
    expectForbidden(
      await officer.patch(`/api/policies/${randomUUID()}`, { name: '' }),
      'PATCH /api/policies',
    );
  });

  it('the upload routes refuse a role before reading the file (the role is the route config, checked once)', async () => {
    const file = multipartBody('external_ref,name,country,tier\nV-1,Dhaka Knitwear,BD,1\n');
    // A multipart body whose boundary never comes: reading it would fail with 400, not 403.
    const broken = { 'content-type': 'multipart/form-data; boundary=never-sent' };
    const before = await scoringCounts(t);
    for (const url of ['/api/suppliers/import/preview', '/api/suppliers/import/commit']) {
      expectForbidden(await executive.request('POST', url, file.payload, file.headers), `${url} (CSV)`);
      expectForbidden(await executive.request('POST', url, 'garbage', broken), `${url} (broken)`);
    }
    for (const c of [officer, executive]) {
      const url = '/api/datasets/editions';
      expectForbidden(await c.request('POST', url, file.payload, file.headers), `${url} as ${c.info.role}`);
      expectForbidden(await c.request('POST', url, 'garbage', broken), `${url} (broken) as ${c.info.role}`);
    }
    expect(await scoringCounts(t)).toEqual(before);
    // The roles allowed get past the check to the file itself (the broken one is then a 400).
    const preview = await officer.request(
      'POST',
      '/api/suppliers/import/preview',
      file.payload,
      file.headers,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    const edition = await admin.request('POST', '/api/datasets/editions', 'garbage', broken);
    expect(edition.statusCode, edition.body).toBe(400);
  });

  it('an executive gets 403 on the audit trail before the query is validated', async () => {
    expectForbidden(await executive.get('/api/audit-events?limit=abc'), 'GET /api/audit-events');
  });

  it('the self-service routes still answer an executive', async () => {
    const res = await executive.post('/api/auth/switch-org', { orgId: 'nope' });
    expect(res.statusCode).toBe(400);
  });
});

const BUSY = {
  code: 'rate_limited',
  message: 'A what-if is already running for your organisation: wait for it to finish, then try again',
};

describe('what-if', () => {
  let draftId: string;
  beforeAll(async () => {
    for (let i = 0; i < 30; i++)
      await createSupplier(officer, { name: `What-if ${i}`, country: i % 2 ? 'BD' : 'IS' });
    const published = (await admin.get('/api/policies')).json().items[0];
    draftId = (await admin.post('/api/policies', { basedOn: published.id, name: 'Stricter' })).json().id;
  });

  it('executives get 403; officers and admins get the result', async () => {
    expectForbidden(await executive.post(`/api/policies/${draftId}/what-if`), 'what-if as executive');
    for (const c of [officer, admin]) {
      const res = await c.post(`/api/policies/${draftId}/what-if`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().suppliers).toBe(30);
    }
  });

  it('concurrent what-ifs never overlap: each answers 200, or 429 rate_limited while another runs', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => (i % 2 ? officer : admin).post(`/api/policies/${draftId}/what-if`)),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(
      statuses.every((s) => s === 200 || s === 429),
      statuses.join(),
    ).toBe(true);
    expect(statuses).toContain(200);
    for (const busy of results.filter((r) => r.statusCode === 429))
      expect(busy.json().error).toMatchObject(BUSY);
    // The lock ends with the what-if, whether it succeeded or failed.
    expect((await officer.post(`/api/policies/${randomUUID()}/what-if`)).statusCode).toBe(404);
    expect((await officer.post(`/api/policies/${draftId}/what-if`)).statusCode).toBe(200);
  });

  it('another organisation is not held up by a what-if running here', async () => {
    const otherAdmin = await t.login(t.orgB.admin);
    const otherPolicy = (await otherAdmin.get('/api/policies')).json().items[0];
    const [mine, theirs] = await Promise.all([
      admin.post(`/api/policies/${draftId}/what-if`),
      otherAdmin.post(`/api/policies/${otherPolicy.id}/what-if`),
    ]);
    expect([mine.statusCode, theirs.statusCode]).toEqual([200, 200]);
  });

  // PGlite is one connection: its requests run one transaction at a time, so a second what-if waits there.
  it.skipIf(!process.env.DATABASE_URL)(
    'on PostgreSQL, a what-if while another one runs (in any API instance) answers 429 rate_limited',
    async () => {
      // The lock another instance would hold, taken on a connection of our own to the same database.
      const dbName = rowsName(await t.owner.execute(sql`select current_database() as name`));
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${dbName}`;
      const other = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        await other`select pg_advisory_lock(hashtext('clearsource.what-if'), hashtext(${t.orgA.id}))`;
        const res = await officer.post(`/api/policies/${draftId}/what-if`);
        expect(res.statusCode, res.body).toBe(429);
        expect(res.json().error).toMatchObject(BUSY);
        // Only this organisation waits.
        const otherAdmin = await t.login(t.orgB.admin);
        const otherPolicy = (await otherAdmin.get('/api/policies')).json().items[0];
        expect((await otherAdmin.post(`/api/policies/${otherPolicy.id}/what-if`)).statusCode).toBe(200);
        await other`select pg_advisory_unlock(hashtext('clearsource.what-if'), hashtext(${t.orgA.id}))`;
        expect((await officer.post(`/api/policies/${draftId}/what-if`)).statusCode).toBe(200);
      } finally {
        await other.end();
      }
    },
  );
});

const rowsName = (result: unknown): string => {
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return (rows[0] as { name: string }).name;
};
