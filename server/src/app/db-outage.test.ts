import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/app.js';
import { openTestDb, SERVING_PASSWORD, SERVING_ROLE } from '../../test/db.js';
import { expectUnavailable } from '../../test/unavailable.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { type Database, openDb } from '../db/client.js';
import { rowsOf } from '../db/tenant.js';
import { createOrganization } from '../modules/orgs/orgs.service.js';

/**
 * Issue 7, defect 5: while the database cannot be reached, requests answer 503 with Retry-After and the
 * standard error body (never 500), and /api/health says the database is down.
 */

const expectHealthDown = (res: LightMyRequestResponse, driver: string) => {
  expect(res.statusCode).toBe(503);
  expect(res.json()).toMatchObject({ status: 'degraded', database: { ok: false, driver } });
};

/** An app on a database of its own (a migrated clone), with one administrator signed in. */
const appOn = async (database: Database) => {
  const config = { ...loadConfig({ DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' }), loginMaxAttempts: 1000 };
  const app = await buildApp({ config, database, serveWeb: false, logger: false });
  await app.ready();
  await createOrganization(database.db, {
    name: 'Outage Ltd',
    slug: 'outage',
    members: [{ email: 'admin@outage.test', name: 'Admin', role: 'admin', password: PASSWORD }],
  });
  const login = () =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@outage.test', password: PASSWORD },
    });
  const res = await login();
  expect(res.statusCode, res.body).toBe(200);
  const cookie = `cs_session=${res.cookies.find((c) => c.name === 'cs_session')!.value}`;
  const csrf = res.json().csrfToken as string;
  return {
    app,
    login,
    list: () => app.inject({ method: 'GET', url: '/api/suppliers', headers: { cookie } }),
    create: () =>
      app.inject({
        method: 'POST',
        url: '/api/suppliers',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: { name: 'x', country: 'BD', tier: 1 },
      }),
    health: () => app.inject({ method: 'GET', url: '/api/health' }),
  };
};

describe('the database handle closed (PGlite closed; on PostgreSQL, the pool ended)', () => {
  it('answers 503 with Retry-After on every kind of request, and health says the database is down', async () => {
    const database = await openTestDb();
    const a = await appOn(database);
    try {
      expect((await a.list()).statusCode).toBe(200);
      await database.close();
      expectUnavailable(await a.list());
      expectUnavailable(await a.create());
      expectUnavailable(await a.login());
      expectHealthDown(await a.health(), database.driver);
    } finally {
      await a.app.close();
    }
  });
});

/** A TCP proxy in front of PostgreSQL that can be taken down (connections cut, port refused) and brought back. */
const startProxy = async (target: { host: string; port: number }) => {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const up = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => {});
          s.on('close', () => {
            client.destroy();
            upstream.destroy();
            sockets.delete(s);
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const down = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
  };
  await up();
  return { port: () => port, up, down };
};

describe.skipIf(!process.env.DATABASE_URL)(
  'PostgreSQL going away and coming back (needs DATABASE_URL)',
  () => {
    const cleanup: (() => Promise<unknown>)[] = [];
    afterAll(async () => {
      for (const fn of cleanup.reverse()) await fn();
    });

    it('answers 503 while the server is unreachable and recovers by itself when it is back', async () => {
      // A migrated database of our own, reached through the proxy by the app (as the serving role).
      const direct = await openTestDb();
      cleanup.push(() => direct.close());
      const name = rowsOf<{ name: string }>(
        await direct.owner.execute(sql`select current_database() as name`),
      )[0]!.name;
      const server = new URL(process.env.DATABASE_URL!);
      const proxy = await startProxy({ host: server.hostname, port: Number(server.port || 5432) });
      const url = new URL(server);
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port());
      url.pathname = `/${name}`;
      url.username = SERVING_ROLE;
      url.password = SERVING_PASSWORD;
      const database = await openDb({ databaseUrl: url.toString(), maxConnections: 3 });
      const a = await appOn(database);
      cleanup.push(async () => {
        await a.app.close();
        await database.close();
        await proxy.down().catch(() => {});
      });
      expect((await a.list()).statusCode).toBe(200);

      await proxy.down(); // open connections are cut (ECONNRESET / CONNECTION_CLOSED), new ones refused
      for (let i = 0; i < 3; i++) expectUnavailable(await a.list());
      expectUnavailable(await a.create());
      expectUnavailable(await a.login());
      expectHealthDown(await a.health(), 'postgres');

      await proxy.up();
      // postgres.js reconnects on the next query; allow a few attempts (bounded, no timing asserted).
      let res = await a.list();
      for (let i = 0; i < 20 && res.statusCode !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        res = await a.list();
      }
      expect(res.statusCode, res.body).toBe(200);
      expect((await a.health()).statusCode).toBe(200);
    });
  },
);
