import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { SYSTEM_ACTOR } from '../../lib/context.js';
import { isDatabaseUnavailable } from '../../lib/pg-errors.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import * as repo from './jobs.repo.js';

export interface JobContext {
  job: repo.JobRow;
  /** Reports progress; written to the job row so any process can answer GET /api/jobs/:id. */
  progress(done: number, total: number): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown>>;

const IDLE_POLL_MS = 1000;
/** Waits between attempts to write a job's outcome while the database is unreachable (doubling up to the max). */
const OUTAGE_RETRY_FIRST_MS = 250;
const OUTAGE_RETRY_MAX_MS = 5000;

/**
 * Runs queued jobs in this process, one at a time. `kick()` after enqueueing starts work at once; the poll
 * picks up jobs queued by other processes. Each job's outcome is audited in its organisation's trail.
 */
export const createJobRunner = ({
  db,
  log,
  handlers,
}: {
  db: Db;
  log: FastifyBaseLogger;
  handlers: Record<string, JobHandler>;
}) => {
  let stopped = true;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /**
   * Runs `write` until it gets through: while the database is unreachable (a restart, a failover) it waits and
   * tries again, for as long as the runner runs. Other errors are thrown. Stopped first, the job stays
   * `running`, and a later start requeues it (jobs_requeue_stale).
   */
  const untilWritten = async (write: () => Promise<unknown>) => {
    for (let waitMs = OUTAGE_RETRY_FIRST_MS; ; waitMs = Math.min(waitMs * 2, OUTAGE_RETRY_MAX_MS)) {
      try {
        return await write();
      } catch (err) {
        if (!isDatabaseUnavailable(err) || stopped) throw err;
        log.warn({ err }, 'job runner: database unavailable, retrying');
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  };

  const runOne = async (job: repo.JobRow) => {
    const handler = handlers[job.kind];
    let status: 'succeeded' | 'failed' = 'succeeded';
    let result: Record<string, unknown> | null = null;
    let error: string | null = null;
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      result = await handler({
        job,
        progress: (done, total) =>
          withTenant(db, job.orgId, (tx) => repo.setJobProgress(tx, job.orgId, job.id, done, total)).then(
            () => {},
          ),
      });
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        // Not the job's fault: it goes back in the queue, to run again (from the start) once the database is
        // back. Handlers commit their work in transactions of their own, so a rerun redoes what was lost.
        log.warn({ err, jobId: job.id, kind: job.kind }, 'job interrupted by a database outage: requeued');
        await untilWritten(() => withTenant(db, job.orgId, (tx) => repo.requeueJob(tx, job.orgId, job.id)));
        return;
      }
      status = 'failed';
      error = 'The job failed; the log has the details (search for the job id).';
      log.error({ err, jobId: job.id, kind: job.kind }, 'job failed');
    }
    await untilWritten(() =>
      withTenant(db, job.orgId, async (tx) => {
        // A retry after an outage may follow a COMMIT that got through unanswered: finish (and audit) once.
        if ((await repo.findJob(tx, job.orgId, job.id))?.status !== 'running') return;
        const row = await repo.finishJob(tx, job.orgId, job.id, { status, result, error });
        await appendAuditEvent(tx, job.orgId, SYSTEM_ACTOR, {
          action: 'job.finished',
          entityType: 'job',
          entityId: job.id,
          payload: { kind: job.kind, status, done: row.progressDone, total: row.progressTotal },
        });
      }),
    );
  };

  const drain = async () => {
    for (;;) {
      if (stopped) return;
      const claimed = await repo.claimNextJob(db);
      if (!claimed) return;
      const job = await withTenant(db, claimed.orgId, (tx) =>
        repo.findJobToRun(tx, claimed.orgId, claimed.id),
      );
      if (job) await runOne(job);
    }
  };

  const kick = () => {
    if (stopped || running) return;
    // A failed claim (the database unreachable) ends this drain; the next poll tries again.
    running = drain()
      .catch((err) =>
        isDatabaseUnavailable(err)
          ? log.warn({ err }, 'job runner: database unavailable')
          : log.error({ err }, 'job runner error'),
      )
      .finally(() => {
        running = undefined;
      });
  };

  return {
    kick,
    async start() {
      stopped = false;
      await repo.requeueStaleJobs(db);
      timer = setInterval(kick, IDLE_POLL_MS);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
};

export type JobRunner = ReturnType<typeof createJobRunner>;
