import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../test/app.js';
import { PERMISSIONS_POLICY } from '../plugins/headers.js';

/** Issue 7, defects 9 and 10: security and caching headers, and one error body from every layer. */

let t: TestContext;
let proxied: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
});
afterAll(async () => {
  await t?.close();
  await proxied?.close();
});

const expectErrorBody = (res: LightMyRequestResponse, status: number, code: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const requestId = res.headers['x-request-id'];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.json()).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String), requestId }),
  });
  expect(Object.keys(res.json())).toEqual(['error']);
};

describe('error body from every layer', () => {
  it('a 5,000-character path id answers 414 with our error body, the URL not echoed whole', async () => {
    const res = await admin.get(`/api/suppliers/${'a'.repeat(5000)}`);
    expectErrorBody(res, 414, 'uri_too_long');
    expect(res.json().error.message.length).toBeLessThan(400);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a malformed percent-encoding in the path answers 400 with our error body', async () => {
    expectErrorBody(await admin.get('/api/suppliers/%E0%A4%A'), 400, 'bad_request');
  });

  it('an unknown endpoint or method answers 404 with our error body, signed in or not', async () => {
    expectErrorBody(await admin.request('PUT', '/api/suppliers', {}), 404, 'not_found');
    expectErrorBody(await t.app.inject({ method: 'GET', url: '/api/nothing' }), 404, 'not_found');
    const long = await t.app.inject({ method: 'GET', url: `/api/${'x'.repeat(5000)}` });
    expectErrorBody(long, 404, 'not_found');
    expect(long.json().error.message.length).toBeLessThan(400);
  });

  it('bad JSON, an empty JSON body, a prototype-poisoning body and a wrong content type', async () => {
    const json = { 'content-type': 'application/json' };
    expectErrorBody(await admin.request('POST', '/api/suppliers', '{bad', json), 400, 'bad_request');
    expectErrorBody(await admin.request('POST', '/api/suppliers', '', json), 400, 'bad_request');
    expectErrorBody(
      await admin.request('POST', '/api/suppliers', '{"__proto__":{"admin":true}}', json),
      400,
      'bad_request',
    );
    expectErrorBody(
      await admin.request('POST', '/api/suppliers', '<x/>', { 'content-type': 'application/xml' }),
      400,
      'bad_request',
    );
  });

  it('a body over the limit answers 413', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(t.config.bodyLimitBytes) });
    expectErrorBody(
      await admin.request('POST', '/api/suppliers', body, { 'content-type': 'application/json' }),
      413,
      'payload_too_large',
    );
  });

  it('no session answers 401, a missing CSRF header 403, with our error body', async () => {
    expectErrorBody(await t.app.inject({ method: 'GET', url: '/api/suppliers' }), 401, 'unauthenticated');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/suppliers',
      headers: { cookie: admin.cookie },
      payload: {},
    });
    expectErrorBody(res, 403, 'csrf_failed');
  });
});

describe('headers', () => {
  it('every answer carries x-request-id and Permissions-Policy; /api answers are not stored', async () => {
    for (const res of [
      await admin.get('/api/me'),
      await admin.get('/api/suppliers'),
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({ method: 'GET', url: '/api/suppliers' }),
      await admin.get('/api/suppliers/export.csv'),
    ]) {
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect(PERMISSIONS_POLICY).toMatch(/camera=\(\), .*geolocation=\(\), .*microphone=\(\)/);
  });

  it('each request gets its own id, the one quoted in its error body', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/api/nothing' });
    const b = await t.app.inject({ method: 'GET', url: '/api/nothing' });
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    expect(a.json().error.requestId).toBe(a.headers['x-request-id']);
  });

  it('no HSTS over plain HTTP, nor from a client claiming https without TRUST_PROXY', async () => {
    expect((await admin.get('/api/me')).headers['strict-transport-security']).toBeUndefined();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('with TRUST_PROXY, a request that came over https gets HSTS; one over http does not', async () => {
    proxied = await setupTestApp({ trustProxy: true });
    const over = (proto: string) =>
      proxied.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': proto } });
    expect((await over('https')).headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect((await over('http')).headers['strict-transport-security']).toBeUndefined();
  });
});
