import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable, SKIP_MESSAGE } from './support/chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server under test listens, e.g. http://127.0.0.1:41234; empty when the suite is skipped. */
    e2eBaseUrl: string;
    /** The password of every demo login in this run's fresh database. */
    e2eDemoPassword: string;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_INDEX = path.join(ROOT, 'dist/web/index.html');
/** The first start migrates and seeds 60 assessed suppliers: slow on a small machine. */
const STARTUP_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
};

/**
 * The server serves dist/web. Build it when it is missing, or older than the dashboard's sources: a stale
 * build would test yesterday's screens.
 */
async function buildDashboardIfNeeded() {
  const builtAt = fs.existsSync(DIST_INDEX) ? fs.statSync(DIST_INDEX).mtimeMs : 0;
  const sourcesAt = Math.max(newestMtime(path.join(ROOT, 'web')), newestMtime(path.join(ROOT, 'shared/src')));
  if (builtAt >= sourcesAt) return;
  console.log(builtAt === 0 ? 'Building the dashboard…' : 'Rebuilding the dashboard (sources changed)…');
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which Vite keeps and React reads as "not production": without this the
  // journeys would test (and leave in dist/web for `npm start`) React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** A port nobody listens on right now (the server cannot report one it picked itself). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`The server exited during start-up:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `The server did not answer /api/health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`,
  );
}

async function stop(child: ChildProcess) {
  if (exited(child) || child.pid === undefined) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (!exited(child) && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, STOP_TIMEOUT_MS);
  await done;
  clearTimeout(timer);
}

/** Starts the real server (embedded PGlite in a fresh directory, demo data seeded) for the browser journeys. */
export default async function setup(project: TestProject) {
  if (!chromiumAvailable) {
    console.warn(SKIP_MESSAGE);
    project.provide('e2eBaseUrl', '');
    project.provide('e2eDemoPassword', '');
    return;
  }
  await buildDashboardIfNeeded();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-'));
  const password = `E2e-${randomBytes(12).toString('base64url')}`;
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_PASSWORD: password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n'));
    lines.splice(0, Math.max(0, lines.length - 200));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const teardown = async () => {
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => lines.join('\n'));
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('e2eBaseUrl', baseUrl);
  project.provide('e2eDemoPassword', password);
  return teardown;
}
