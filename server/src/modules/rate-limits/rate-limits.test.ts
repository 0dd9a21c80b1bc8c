import { eq, like, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../../../test/app.js';
import { rateLimits } from '../../db/schema/rate-limits.js';
import { rowsOf } from '../../db/tenant.js';
import { createCounterSweeper } from './counter-sweeper.js';
import { hitCounter } from './rate-limits.repo.js';

// Two API processes on one database (as behind a load balancer), with a small request budget.
let t: TestContext;
let second: FastifyInstance;
beforeAll(async () => {
  t = await setupTestApp({ rateLimitPerMinute: 5 });
  second = await t.anotherInstance();
});
afterAll(() => t?.close());

const health = (app: FastifyInstance, address: string) =>
  app.inject({ method: 'GET', url: '/api/health', remoteAddress: address });

describe('the request rate limit', () => {
  it('is one budget per client address across API processes', async () => {
    const ip = '203.0.113.1';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await health(i % 2 ? second : t.app, ip));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((r) => r.headers['x-ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0']);

    for (const app of [t.app, second]) {
      const refused = await health(app, ip);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'rate_limited', requestId: expect.any(String) });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another address has its own budget.
    expect((await health(second, '203.0.113.2')).statusCode).toBe(200);
  });

  it('counts concurrent requests exactly', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => health(i % 2 ? second : t.app, '203.0.113.3')),
    );
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(5);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(7);
  });

  it('starts a new window once the old one has ended', async () => {
    const ip = '203.0.113.4';
    for (let i = 0; i < 6; i++) await health(t.app, ip);
    expect((await health(second, ip)).statusCode).toBe(429);
    await t.owner
      .update(rateLimits)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(like(rateLimits.key, `%${ip}`));
    const again = await health(second, ip);
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-ratelimit-remaining']).toBe('4');
  });
});

describe('failed authentications', () => {
  const suppliers = (address: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/suppliers', remoteAddress: address, headers });

  it('are counted before authentication answers: a guesser of session tokens gets 429, not endless 401s', async () => {
    const guesser = '203.0.113.10';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await suppliers(guesser, { cookie: `cs_session=guess-${i}` }));
    expect(answers.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.map((r) => r.headers['x-ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0']);

    // Over the budget, whatever the credentials: a bad session, a bad API key, none at all.
    const credentials: Record<string, string>[] = [
      { cookie: 'cs_session=guess-x' },
      { authorization: 'Bearer cs_guess' },
      {},
    ];
    for (const headers of credentials) {
      const refused = await suppliers(guesser, headers);
      expect(refused.statusCode, refused.body).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'rate_limited', requestId: expect.any(String) });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }

    // Another user's good session, from another address, is served (the budget is per client address).
    const admin = await t.login(t.orgA.admin);
    const served = await suppliers('203.0.113.11', { cookie: admin.cookie });
    expect(served.statusCode, served.body).toBe(200);
    expect(served.headers['x-ratelimit-remaining']).toBe('4');
  });
});

describe('counters', () => {
  it('concurrent hits on one key each get their own count', async () => {
    const counts = await Promise.all(
      Array.from({ length: 10 }, () => hitCounter(t.db, 'test:concurrent', 60_000)),
    );
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const c of counts) expect(c.ttlMs).toBeGreaterThan(55_000);
  });

  it('expired counters are swept away, live ones stay', async () => {
    await hitCounter(t.db, 'test:live', 60_000);
    await hitCounter(t.db, 'test:expired', 60_000);
    await t.owner
      .update(rateLimits)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(rateLimits.key, 'test:expired'));
    const sweeper = createCounterSweeper({ db: t.db, log: t.app.log });
    await sweeper.sweep();
    const keys = (await t.owner.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys).toContain('test:live');
    expect(keys).not.toContain('test:expired');
  });
});

describe('the counters table', () => {
  // Counted on every request: a logged table made each count wait for a WAL flush (migration 0037).
  it('is unlogged, so a count never waits for the disk', async () => {
    const [row] = rowsOf<{ relpersistence: string }>(
      await t.owner.execute(
        sql`select relpersistence from pg_class where oid = 'public.rate_limits'::regclass`,
      ),
    );
    expect(row?.relpersistence).toBe('u');
  });
});
