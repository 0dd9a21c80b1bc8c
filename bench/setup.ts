import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { buildApp } from '../server/src/app.js';
import { type AppConfig, loadConfig } from '../server/src/config.js';
import { type Database, openDb } from '../server/src/db/client.js';
import { runMigrations } from '../server/src/db/migrate.js';
import { createOrganization } from '../server/src/modules/orgs/orgs.service.js';

// Must pass the password policy (no name or e-mail in it, not a common password).
export const BENCH_PASSWORD = 'Quartz-Lantern-Orbit-47';

/**
 * A fresh database (a scratch PostgreSQL database, or in-memory PGlite), migrated, with one organisation.
 * `overrides` change the app's configuration (e.g. TRUST_PROXY for a bench that sends from many addresses).
 */
export const setupBench = async (overrides: Partial<AppConfig> = {}) => {
  const config: AppConfig = {
    ...loadConfig({ ...process.env, DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' }),
    loginMaxAttempts: 1000,
    loginMaxAttemptsPerAddress: 1000,
    rateLimitPerMinute: 1_000_000,
    importMaxBytes: 256 * 1024 * 1024,
    bodyLimitBytes: 256 * 1024 * 1024,
    ...overrides,
  };
  let database: Database;
  let dropDb = async () => {};
  let url: string | undefined;
  if (config.databaseUrl) {
    const name = `cs_bench_${process.pid}`;
    const admin = postgres(config.databaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    const u = new URL(config.databaseUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    database = await openDb({ databaseUrl: url, maxConnections: 10 });
    dropDb = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    database = await openDb({});
  }
  await runMigrations(database, config.migrationsDir, url);
  const raw = url ? postgres(url, { max: 1, onnotice: () => {} }) : undefined;
  const orgId = await createOrganization(database.db, {
    name: 'Bench Org',
    slug: 'bench',
    members: [{ email: 'admin@bench.test', name: 'Bench Admin', role: 'admin', password: BENCH_PASSWORD }],
  });
  const app = await buildApp({ config, database, serveWeb: false, logger: false });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'admin@bench.test', password: BENCH_PASSWORD },
  });
  const cookie = `cs_session=${login.cookies.find((c) => c.name === 'cs_session')!.value}`;
  const csrf = login.json().csrfToken as string;
  return {
    app,
    database,
    orgId,
    url,
    headers: { cookie, 'x-csrf-token': csrf },
    raw,
    close: async () => {
      await raw?.end();
      await app.close();
      await database.close();
      await dropDb();
    },
  };
};

export type Bench = Awaited<ReturnType<typeof setupBench>>;

/** Runs a raw SQL string on whichever backend is behind the bench (no tenant context: the baseline). */
export const rawQuery = async (b: Bench, text: string, params: unknown[] = []) => {
  if (b.database.pglite) return (await b.database.pglite.query(text, params)).rows;
  return b.raw!.unsafe(text, params as never[]);
};

/** COPY of CSV text into a table, through each driver's own COPY path. */
export const copyCsv = async (b: Bench, table: string, csv: Buffer) => {
  if (b.database.pglite) {
    await b.database.pglite.query(`copy ${table} from '/dev/blob' with (format csv, header true)`, [], {
      blob: new Blob([new Uint8Array(csv)]),
    });
    return;
  }
  // On a connection of its own, in 1 MB messages, so a large COPY neither shares nor blocks the connection the
  // other baselines use.
  const client = postgres(b.url!, { max: 1, onnotice: () => {} });
  try {
    const writable = await client
      .unsafe(`copy ${table} from stdin with (format csv, header true)`)
      .writable();
    await pipeline(
      Readable.from(
        (function* () {
          for (let i = 0; i < csv.length; i += 1 << 20) yield csv.subarray(i, i + (1 << 20));
        })(),
      ),
      writable,
    );
  } finally {
    await client.end();
  }
};

/** Seconds of `fn`, run `times` times on fresh state (`prepare` before each, untimed): the median and all runs. */
export const medianOf = async (
  times: number,
  prepare: (i: number) => Promise<void>,
  fn: (i: number) => Promise<void>,
) => {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    await prepare(i);
    const t = now();
    await fn(i);
    runs.push(seconds(now() - t));
  }
  return { median: percentile(runs, 50), runs };
};

/** Runs in seconds, as printed beside a median (the spread of a noisy machine). */
export const runsText = (runs: number[]) => runs.map((r) => `${r.toFixed(2)}`).join(' / ');

export const seconds = (ns: bigint) => Number(ns) / 1e9;
export const now = () => process.hrtime.bigint();
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
