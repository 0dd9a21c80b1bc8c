import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { rowsOf, withTenant } from '../../db/tenant.js';
import { periodic } from '../../lib/periodic.js';
import { drainAuditQueue } from './audit-deferred.js';

/** Which organisations have queued audit events (a definer function: the only read across organisations). */
const queuedOrgs = async (db: Db) =>
  rowsOf<{ org_id: string }>(await db.execute(sql`select org_id from audit_pending_orgs()`)).map(
    (r) => r.org_id,
  );

/**
 * Links queued audit events (queueAuditEvents, portal_save_answer()) into their organisations' chains soon
 * after their changes commit, outside the requests that made them: `kick(orgId)` once the change has
 * committed. The drain runs `delayMs` after the first kick, and at most one per organisation runs in this
 * process at a time; kicks that arrive meanwhile are answered by one more drain when it ends (a row committed
 * after the running drain read the queue waits for that one). So a burst of changes (200 suppliers
 * autosaving, an officer accepting one questionnaire after another) costs a few drains, each chaining many
 * events under one lock, instead of one drain per change competing with the next change for the same two
 * cores (measured: a drain right after each acceptance made the next one ~2.5 ms slower).
 *
 * A sweep every `sweepMs` drains whatever is left (a kick lost to a database outage, a process that stopped
 * before its kick, the demo seed), and the readers of the trail drain before they read (drainAuditQueue), so
 * nothing waits on this for correctness; only the events' chain times do (a fraction of a second after the
 * change, normally).
 */
export const createAuditQueue = ({
  db,
  log,
  delayMs = 200,
  sweepMs = 10_000,
}: {
  db: Db;
  log: Pick<FastifyBaseLogger, 'warn' | 'error'>;
  delayMs?: number;
  sweepMs?: number;
}) => {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const waiting = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const drainLoop = async (orgId: string) => {
    try {
      do {
        again.delete(orgId);
        await withTenant(db, orgId, (tx) => drainAuditQueue(tx, orgId));
      } while (again.has(orgId));
    } catch (err) {
      // The rows stay queued, whole; the sweep or the next kick links them.
      log.warn({ err, orgId }, 'audit queue drain failed; it will be retried');
    } finally {
      again.delete(orgId);
      running.delete(orgId);
    }
  };

  /** Drains now, or once more after the drain running now. */
  const drain = (orgId: string): Promise<void> => {
    const current = running.get(orgId);
    if (current) {
      again.add(orgId);
      return current;
    }
    if (stopped) return Promise.resolve();
    const run = drainLoop(orgId);
    running.set(orgId, run);
    return run;
  };

  const drainNow = (orgId: string) => {
    const timer = waiting.get(orgId);
    if (timer) clearTimeout(timer);
    waiting.delete(orgId);
    return drain(orgId);
  };

  /** Every organisation's queue, now: the sweep's pass. */
  const drainAll = async (): Promise<void> => {
    await Promise.all((await queuedOrgs(db)).map(drainNow));
  };
  const sweeper = periodic(drainAll, log, 'audit queue sweep');

  return {
    kick: (orgId: string): void => {
      if (stopped || waiting.has(orgId)) return;
      if (running.has(orgId)) {
        again.add(orgId);
        return;
      }
      const timer = setTimeout(() => {
        waiting.delete(orgId);
        void drain(orgId);
      }, delayMs);
      timer.unref();
      waiting.set(orgId, timer);
    },
    /** Drains every organisation's queue now (the sweep's pass), for scripts and tests. */
    drainAll,
    start: () => sweeper.start(sweepMs),
    /**
     * Stops the sweep, drains what was kicked, and waits for the drains in progress; later kicks are ignored.
     */
    async stop() {
      await sweeper.stop();
      // The kicks still waiting for their delay drain now: nothing kicked is left to the next start.
      await Promise.all([...waiting.keys()].map(drainNow));
      stopped = true;
      await Promise.all(running.values());
    },
  };
};

export type AuditQueue = ReturnType<typeof createAuditQueue>;
