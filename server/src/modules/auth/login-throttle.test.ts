import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';
import { createTestOrg } from '../../../test/factories.js';

// Limits are small here so a test can spend them; every test uses its own client address, so they do not
// share budgets. `second` is another API process on the same database (as behind a load balancer).
let t: TestContext;
let second: FastifyInstance;
beforeAll(async () => {
  t = await setupTestApp({ loginMaxAttempts: 3, loginMaxAttemptsPerAddress: 5 });
  second = await t.anotherInstance();
});
afterAll(() => t?.close());

const signIn = (app: FastifyInstance, address: string, email: string, password: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    payload: { email, password },
  });

describe('login throttling', () => {
  it('successful sign-ins do not count: ten in a row all succeed', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await signIn(t.app, '198.51.100.1', t.orgA.officer, PASSWORD)).statusCode).toBe(200);
    }
  });

  it('a success clears that person’s failures', async () => {
    const ip = '198.51.100.2';
    for (let i = 0; i < 2; i++)
      expect((await signIn(t.app, ip, t.orgA.admin, 'wrong-guess-1')).statusCode).toBe(401);
    expect((await signIn(t.app, ip, t.orgA.admin, PASSWORD)).statusCode).toBe(200);
    // Three fresh failures are allowed again; the fourth attempt is refused, even with the right password.
    for (let i = 0; i < 3; i++)
      expect((await signIn(t.app, ip, t.orgA.admin, 'wrong-guess-1')).statusCode).toBe(401);
    const locked = await signIn(t.app, ip, t.orgA.admin, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/try again in 15 minutes/),
    });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // The same person from another address is not affected.
    expect((await signIn(t.app, '198.51.100.3', t.orgA.admin, PASSWORD)).statusCode).toBe(200);
  });

  it('one address trying one password on many accounts is stopped (password spraying)', async () => {
    const ip = '198.51.100.4';
    const org = await createTestOrg(t, 'spray', [
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((k) => ({
        email: `${k}@spray.test`,
        name: `Person ${k}`,
        role: 'officer' as const,
      })),
      { email: 'boss@spray.test', name: 'Boss', role: 'admin' },
    ]);
    for (const k of ['a', 'b', 'c', 'd', 'e']) {
      expect((await signIn(t.app, ip, `${k}@spray.test`, 'Summer2024!!')).statusCode).toBe(401);
    }
    // Each account saw one failure only, but the address has spent its budget: every e-mail is refused now.
    expect((await signIn(t.app, ip, 'f@spray.test', 'Summer2024!!')).statusCode).toBe(429);
    expect((await signIn(t.app, ip, org.admin, PASSWORD)).statusCode).toBe(429);
    // Other addresses are not affected.
    expect((await signIn(t.app, '198.51.100.5', org.admin, PASSWORD)).statusCode).toBe(200);
  });

  it('a success does not give the address its budget back (no reset by signing in to one’s own account)', async () => {
    const ip = '198.51.100.6';
    for (const k of ['a', 'b', 'c', 'd']) {
      expect((await signIn(t.app, ip, `${k}@nobody.test`, 'Summer2024!!')).statusCode).toBe(401);
    }
    expect((await signIn(t.app, ip, t.orgB.officer, PASSWORD)).statusCode).toBe(200);
    expect((await signIn(t.app, ip, 'e@nobody.test', 'Summer2024!!')).statusCode).toBe(401);
    expect((await signIn(t.app, ip, 'f@nobody.test', 'Summer2024!!')).statusCode).toBe(429);
  });

  it('two API processes on one database share the counts', async () => {
    const ip = '198.51.100.7';
    expect((await signIn(t.app, ip, t.orgB.admin, 'wrong-guess-1')).statusCode).toBe(401);
    expect((await signIn(second, ip, t.orgB.admin, 'wrong-guess-1')).statusCode).toBe(401);
    expect((await signIn(t.app, ip, t.orgB.admin, 'wrong-guess-1')).statusCode).toBe(401);
    expect((await signIn(second, ip, t.orgB.admin, PASSWORD)).statusCode).toBe(429);
    expect((await signIn(t.app, ip, t.orgB.admin, PASSWORD)).statusCode).toBe(429);
  });

  it('parallel guesses cannot slip past the limit', async () => {
    const ip = '198.51.100.8';
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        signIn(i % 2 ? second : t.app, ip, t.orgB.executive, `wrong-guess-${i}`),
      ),
    );
    const codes = answers.map((r) => r.statusCode);
    // At most 3 reach the password check (every attempt takes its own count, on both processes); which
    // ones depends on how the per-account and per-address counts interleave, so fewer may.
    const checked = codes.filter((c) => c === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(8 - checked);
  });
});
