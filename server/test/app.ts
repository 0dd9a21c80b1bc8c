import os from 'node:os';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { SessionInfo } from '#shared/schemas/auth.js';
import { type BuildAppOptions, buildApp } from '../src/app.js';
import { type AppConfig, loadConfig } from '../src/config.js';
import type { Db, DbDriver } from '../src/db/client.js';
import { createOrganization } from '../src/modules/orgs/orgs.service.js';
import { openTestDb, type TestDatabase } from './db.js';

export const PASSWORD = 'Correct-Horse-Battery-9';

export interface TestOrg {
  id: string;
  admin: string;
  officer: string;
  executive: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
/** `Reply` would pick inject's chain overload, not the promise. */
type Reply = Promise<LightMyRequestResponse>;

/** A signed-in browser: sends the session cookie and, on state-changing requests, the CSRF header. */
export interface Client {
  info: SessionInfo;
  cookie: string;
  request(method: Method, url: string, payload?: unknown, headers?: Record<string, string>): Reply;
  get(url: string): Reply;
  post(url: string, payload?: unknown): Reply;
  patch(url: string, payload?: unknown): Reply;
  delete(url: string): Reply;
}

export interface TestContext {
  app: FastifyInstance;
  /**
   * The app's own handle: the request role (on PostgreSQL the login cs_app, with neither superuser nor
   * BYPASSRLS). Outside withTenant it sees no tenant's rows: read or tamper through `owner` instead.
   */
  db: Db;
  /** The owner of the tables, a superuser: for reading every tenant's rows and for tampering. */
  owner: Db;
  driver: DbDriver;
  config: AppConfig;
  orgA: TestOrg;
  orgB: TestOrg;
  login(email: string, password?: string): Promise<Client>;
  /** Another API process on the same database and config (as behind a load balancer); closed with the rest. */
  anotherInstance(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

const seedOrg = async (database: TestDatabase, key: 'a' | 'b'): Promise<TestOrg> => {
  const email = (role: string) => `${role}@${key}.test`;
  const id = await createOrganization(database.db, {
    name: `Org ${key.toUpperCase()}`,
    slug: `org-${key}`,
    members: (['admin', 'officer', 'executive'] as const).map((role) => ({
      email: email(role),
      name: `${role} ${key}`,
      role,
      password: PASSWORD,
    })),
  });
  return { id, admin: email('admin'), officer: email('officer'), executive: email('executive') };
};

/** A fresh database and app for one test file, with two organisations (A and B), each with three roles. */
export const setupTestApp = async (
  overrides: Partial<AppConfig> = {},
  options: Pick<BuildAppOptions, 'reportGenerators'> = {},
): Promise<TestContext> => {
  const database = await openTestDb();
  const config: AppConfig = {
    ...loadConfig({ DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' }),
    loginMaxAttempts: 1000,
    loginMaxAttemptsPerAddress: 1000,
    ...overrides,
  };
  const app = await buildApp({ config, database, serveWeb: false, logger: false, ...options });
  await app.ready();
  const orgA = await seedOrg(database, 'a');
  const orgB = await seedOrg(database, 'b');

  const login = async (email: string, password = PASSWORD): Promise<Client> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const info = res.json() as SessionInfo;
    const cookie = `cs_session=${res.cookies.find((c) => c.name === 'cs_session')!.value}`;
    const request: Client['request'] = (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': info.csrfToken }), ...headers },
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      });
    return {
      info,
      cookie,
      request,
      get: (url) => request('GET', url),
      post: (url, payload) => request('POST', url, payload ?? {}),
      patch: (url, payload) => request('PATCH', url, payload ?? {}),
      delete: (url) => request('DELETE', url),
    };
  };

  const others: FastifyInstance[] = [];
  const anotherInstance = async () => {
    const other = await buildApp({ config, database, serveWeb: false, logger: false, ...options });
    others.push(other);
    await other.ready();
    return other;
  };

  return {
    app,
    db: database.db,
    owner: database.owner,
    driver: database.driver,
    config,
    orgA,
    orgB,
    login,
    anotherInstance,
    close: async () => {
      for (const other of others) await other.close();
      await app.close();
      await database.close();
    },
  };
};
