import { and, count, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../test/app.js';
import { SERVING_ROLE } from '../../test/db.js';
import { supplierInput } from '../../test/factories.js';
import { expectUnavailable } from '../../test/unavailable.js';
import { auditEvents } from '../db/schema/audit.js';
import { suppliers } from '../db/schema/index.js';
import { rowsOf } from '../db/tenant.js';
import { isDatabaseUnavailable } from '../lib/pg-errors.js';

/**
 * The app's own connections killed under load (pg_terminate_backend, as a PostgreSQL restart or a failover
 * does to every session), while requests and transactions are in flight. postgres.js 3.4.9 crashed the process
 * then ("Cannot read properties of null (reading 'write')", see scripts/patch-postgres.mjs): vitest reports
 * that uncaught exception and fails the run. Only this file's database's serving sessions are killed; the
 * shared server is never restarted.
 */
const pg = process.env.DATABASE_URL;

describe.skipIf(!pg)(
  'PostgreSQL sessions killed under load (needs DATABASE_URL: PGlite is in-process, with no connection to kill)',
  () => {
    let t: TestContext;
    let admin: Client;

    /** Terminates every session of the serving role on this test file's database (the owner's are kept). */
    const killServingSessions = async () =>
      rowsOf<{ n: number }>(
        await t.owner.execute(sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where datname = current_database() and usename = ${SERVING_ROLE} and pid <> pg_backend_pid()`),
      )[0]!.n;

    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    beforeAll(async () => {
      t = await setupTestApp();
      admin = await t.login(t.orgA.admin);
    }, 60_000);
    afterAll(() => t?.close());

    it('a transaction whose session is killed while idle fails as unavailable, and runs nothing afterwards', async () => {
      let leak: unknown = 'not tried';
      let finished!: () => void;
      const callbackDone = new Promise<void>((resolve) => {
        finished = resolve;
      });
      const err = await t.db
        .transaction(async (tx) => {
          try {
            await tx.execute(sql`select 1`);
            expect(await killServingSessions()).toBeGreaterThan(0);
            // Idle in transaction while the session dies; meanwhile other work reconnects the pool's connections.
            await pause(100);
            await Promise.all([t.db.execute(sql`select 2`), t.db.execute(sql`select 3`)]).catch(() => {});
            // Must be refused: neither sent on the dead connection (the crash) nor on a reconnected one
            // (outside any transaction).
            leak = await tx.execute(sql`select set_config('cs.leak', 'yes', false)`).then(
              () => 'ran',
              (e: unknown) => e,
            );
          } finally {
            finished();
          }
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      await callbackDone;
      expect(isDatabaseUnavailable(leak), String(leak)).toBe(true);
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
      await pause(50);
      // No session saw the statement that came after the death (set_config with false lasts for the session).
      for (let i = 0; i < 10; i++) {
        const [row] = rowsOf<{ leak: string | null }>(
          await t.db.execute(sql`select current_setting('cs.leak', true) as leak`),
        );
        expect(row?.leak ?? '').toBe('');
      }
    });

    // Queries sent to a connection between its socket's 'error' and 'close' were once left unanswered: one
    // request in about seven runs never answered, or answered 401 (see scripts/patch-postgres.mjs, closed()).
    it('answers 201 or a clean 503 while sessions are killed, half-writes nothing, and recovers by itself', async () => {
      const answers: LightMyRequestResponse[] = [];
      let killing = true;
      let killed = 0;
      // Bursts: every session killed, then a moment for new ones to serve (and be killed mid-request again).
      const killer = (async () => {
        for (let burst = 0; burst < 8; burst++) {
          await pause(120);
          killed += await killServingSessions();
        }
        killing = false;
      })();
      const load = async (worker: number) => {
        for (let i = 0; killing || i < 3; i++) {
          answers.push(await admin.post('/api/suppliers', supplierInput({ name: `Load ${worker}-${i}` })));
          answers.push(await admin.get('/api/suppliers?limit=5'));
        }
      };
      await Promise.all([killer, ...[0, 1, 2, 3, 4, 5].map(load)]);
      expect(killed).toBeGreaterThan(0);

      const byStatus = new Map<number, number>();
      for (const res of answers) {
        byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode < 300) continue;
        expectUnavailable(res);
      }
      expect(byStatus.get(503) ?? 0, JSON.stringify([...byStatus])).toBeGreaterThan(0);

      // Recovered without a restart: new sessions serve the next requests.
      let res = await admin.get('/api/suppliers?limit=1');
      for (let i = 0; i < 20 && res.statusCode !== 200; i++) {
        await pause(100);
        res = await admin.get('/api/suppliers?limit=1');
      }
      expect(res.statusCode, res.body).toBe(200);
      expect((await admin.post('/api/suppliers', supplierInput({ name: 'After' }))).statusCode).toBe(201);

      // Nothing half-written: every supplier has its audit event, and a 503 left no supplier behind (a create
      // whose COMMIT was lost with its session may have committed: those are counted as either).
      const created = answers.filter((r) => r.statusCode === 201).length + 1;
      const [rows] = await t.owner
        .select({ n: count() })
        .from(suppliers)
        .where(eq(suppliers.orgId, t.orgA.id));
      const [events] = await t.owner
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, t.orgA.id), eq(auditEvents.action, 'supplier.created')));
      expect(events!.n).toBe(rows!.n);
      expect(rows!.n).toBeGreaterThanOrEqual(created);
      expect(rows!.n).toBeLessThanOrEqual(created + (byStatus.get(503) ?? 0));
    }, 60_000);
  },
);
