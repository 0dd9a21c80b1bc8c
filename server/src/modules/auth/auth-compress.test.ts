import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';
import { createTestOrg } from '../../../test/factories.js';

// BREACH: an answer that holds a secret (the CSRF token) and text the attacker can influence must not be
// compressed, or the secret leaks through the compressed length. Other answers are compressed as before.
let t: TestContext;
const email = 'many@orgs.test';
beforeAll(async () => {
  t = await setupTestApp();
  // Enough memberships that the session answer is well above the 1 KB compression threshold.
  for (let i = 0; i < 12; i += 1) {
    await createTestOrg(t, `many-${i}`, [{ email, name: 'Member of many', role: 'officer' }]);
  }
});
afterAll(() => t?.close());

const gzip = { 'accept-encoding': 'gzip, br' };

describe('answers carrying the CSRF token', () => {
  it('login, /api/me and switch-org are sent uncompressed to a client that accepts compression', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: gzip,
      payload: { email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['content-encoding']).toBeUndefined();
    expect(login.rawPayload.length).toBeGreaterThan(1024);
    const { csrfToken, memberships } = login.json();
    expect(csrfToken).toBeTruthy();
    const cookie = `cs_session=${login.cookies.find((c) => c.name === 'cs_session')!.value}`;

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { ...gzip, cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json().csrfToken).toBe(csrfToken);

    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/auth/switch-org',
      headers: { ...gzip, cookie, 'x-csrf-token': csrfToken },
      payload: { orgId: memberships[1].org.id },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.headers['content-encoding']).toBeUndefined();
  });

  it('other API answers of that size are still compressed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: gzip });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toMatch(/^(br|gzip)$/);
  });
});
