import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { deleteExpiredCounters } from './rate-limits.repo.js';

/**
 * Deletes expired rate-limit windows now and then, so the table holds only live counters (every client
 * address seen in the last window, at most). Runs in every API process; two sweeping at once is harmless.
 */
export const createCounterSweeper = ({
  db,
  log,
  intervalMs = 60_000,
}: {
  db: Db;
  log: FastifyBaseLogger;
  intervalMs?: number;
}) => {
  let timer: NodeJS.Timeout | undefined;
  const sweep = async () => {
    try {
      const n = await deleteExpiredCounters(db);
      if (n > 0) log.debug({ deleted: n }, 'expired rate-limit counters deleted');
    } catch (err) {
      // A database outage must not crash the process; the next sweep tries again.
      log.warn({ err }, 'rate-limit counter sweep failed');
    }
  };
  return {
    sweep,
    start() {
      timer ??= setInterval(sweep, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
};
