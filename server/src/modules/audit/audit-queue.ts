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
 * after their changes commit, outside the request that made them: `kick(orgId)` once the change has
 * committed. At most one drain per organisation runs in this process; kicks that arrive meanwhile are
 * answered by one more drain when it ends (a row committed after the running drain read the queue waits for
 * that one), so 200 suppliers autosaving cost a few drains, not 200. A sweep every `sweepMs` drains whatever
 * is left (a kick lost to a database outage, a process that stopped before its kick, the demo seed), and
 * the readers of the trail drain before they read (drainAuditQueue), so nothing ever waits on this for
 * correctness; only the events' chain times do.
 */
export const createAuditQueue = ({
  db,
  log,
  sweepMs = 10_000,
}: {
  db: Db;
  log: Pick<FastifyBaseLogger, 'warn' | 'error'>;
  sweepMs?: number;
}) => {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
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

  const kick = (orgId: string): Promise<void> => {
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

  const sweeper = periodic(
    async () => {
      await Promise.all((await queuedOrgs(db)).map(kick));
    },
    log,
    'audit queue sweep',
  );

  return {
    kick: (orgId: string): void => {
      void kick(orgId);
    },
    /** Drains every organisation's queue now (the sweep's pass), for scripts and tests. */
    drainAll: async (): Promise<void> => {
      await Promise.all((await queuedOrgs(db)).map(kick));
    },
    start: () => sweeper.start(sweepMs),
    /** Stops the sweep and waits for the drains in progress and those kicked meanwhile; later kicks are ignored. */
    async stop() {
      stopped = true;
      await sweeper.stop();
      await Promise.all(running.values());
    },
  };
};

export type AuditQueue = ReturnType<typeof createAuditQueue>;
