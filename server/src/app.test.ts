import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../test/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('GET /api/health', () => {
  it('answers 200 with the database reachable, without signing in', async () => {
    const res = await get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: { ok: true, driver: t.driver },
      version: expect.any(String),
    });
  });
});

describe('API documentation', () => {
  const CONTRACT: [string, string[]][] = [
    ['/api/health', ['get']],
    ['/api/auth/login', ['post']],
    ['/api/auth/logout', ['post']],
    ['/api/me', ['get']],
    ['/api/auth/switch-org', ['post']],
    ['/api/users', ['get', 'post']],
    ['/api/users/{id}', ['patch']],
    ['/api/api-keys', ['get', 'post']],
    ['/api/api-keys/{id}', ['delete']],
    ['/api/audit-events', ['get']],
    ['/api/audit-events/verify', ['get']],
  ];

  it('/api/openapi.json is OpenAPI 3 and lists every path of the contract with its methods', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Clearsource API');
    for (const [path, methods] of CONTRACT) {
      expect(doc.paths, path).toHaveProperty([path]);
      for (const m of methods) expect(doc.paths[path], `${m} ${path}`).toHaveProperty(m);
    }
    expect(doc.components.securitySchemes).toHaveProperty('apiKey');
  });

  it('documents request bodies from the same schemas the routes validate with', async () => {
    const doc = (await get('/api/openapi.json')).json();
    const body = doc.paths['/api/users'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['email', 'name', 'role']));
    expect(body.properties.role.enum).toEqual(['admin', 'officer', 'executive']);
    expect(body.properties.name.maxLength).toBe(200);
  });

  it('/docs answers an HTML page', async () => {
    let res = await get('/docs');
    if (res.statusCode >= 300 && res.statusCode < 400) res = await get(String(res.headers.location));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});

describe('errors', () => {
  it.each([
    ['GET', '/api/nothing-here'],
    ['POST', '/api/users/extra/segments'],
    ['DELETE', '/api/users'],
  ] as const)(
    'an unknown endpoint %s %s answers 404 with the error shape, signed in or not',
    async (method, url) => {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json()).toEqual({
        error: {
          code: 'not_found',
          message: expect.stringContaining(url),
          requestId: expect.stringMatching(UUID),
        },
      });
    },
  );

  it.each(['/%61pi/users', '/api/%75sers'])(
    'a percent-encoded path (%s) cannot skip authentication',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    },
  );

  it('every error body carries a request id, different for each request', async () => {
    const bodies = await Promise.all([
      get('/api/me'),
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} }),
      get('/api/nope'),
      get('/api/users'),
    ]);
    expect(bodies.map((r) => r.statusCode)).toEqual([401, 400, 404, 401]);
    const ids = bodies.map((r) => r.json().error.requestId);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a 500 answers a generic message with the request id, and no SQL or driver text', async () => {
    // A database fault injected by the superuser: the audit insert of the next change fails.
    await t.owner.execute(sql`create function test_fail() returns trigger language plpgsql as
      $$ begin raise exception 'relation "secret_table" violates check: insert into audit_events'; end $$`);
    await t.owner.execute(
      sql`create trigger test_fail before insert on audit_events for each row execute function test_fail()`,
    );
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: t.orgA.admin, password: 'Correct-Horse-Battery-9' },
      });
      expect(res.statusCode).toBe(500);
      const { error } = res.json();
      expect(error).toEqual({
        code: 'internal',
        message: expect.any(String),
        requestId: expect.stringMatching(UUID),
      });
      expect(res.body).not.toMatch(/secret_table|audit_events|insert|select|query|postgres|pglite|stack/i);
    } finally {
      await t.owner.execute(sql`drop trigger test_fail on audit_events`);
      await t.owner.execute(sql`drop function test_fail()`);
    }
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/nothing-here', '/api/me'])('%s carries the CSP and nosniff', async (url) => {
    const res = await get(url);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers).not.toHaveProperty('x-powered-by');
  });
});
