import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../../../test/app.js';
import { openTestDb, type TestDatabase } from '../../../test/db.js';
import { auditEvents } from '../../db/schema/audit.js';
import { jobs } from '../../db/schema/scoring.js';
import { createOrganization } from '../orgs/orgs.service.js';
import { createJobRunner } from './jobs.runner.js';

/** A handler cut short by a database outage: the job goes back in the queue and runs again, not `failed`. */

const silent = {
  warn: () => {},
  error: () => {},
  info: () => {},
  debug: () => {},
} as unknown as FastifyBaseLogger;

let database: TestDatabase;
let orgId: string;

beforeAll(async () => {
  database = await openTestDb();
  orgId = await createOrganization(database.db, {
    name: 'Jobs Outage Ltd',
    slug: 'jobs-outage',
    members: [{ email: 'admin@jobs-outage.test', name: 'Admin', role: 'admin', password: PASSWORD }],
  });
}, 60_000);
afterAll(() => database?.close());

describe('the job runner during a database outage', () => {
  it('requeues a job whose run lost the database, and runs it again to success', async () => {
    const [queued] = await database.owner.insert(jobs).values({ orgId, kind: 'flaky' }).returning();
    let runs = 0;
    const runner = createJobRunner({
      db: database.db,
      log: silent,
      handlers: {
        flaky: async () => {
          runs += 1;
          // What postgres.js throws when the session dies mid-job (drizzle wraps it; the cause says why).
          if (runs === 1) throw new Error('Failed query', { cause: { code: 'CONNECTION_CLOSED' } });
          return { ok: true };
        },
      },
    });
    await runner.start();
    try {
      let row = queued!;
      for (let i = 0; i < 100 && row.status !== 'succeeded' && row.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        [row = row] = await database.owner.select().from(jobs).where(eq(jobs.id, queued!.id));
      }
      expect(row).toMatchObject({ status: 'succeeded', result: { ok: true }, error: null });
      expect(runs).toBe(2);
      const finished = await database.owner
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, queued!.id), eq(auditEvents.action, 'job.finished')));
      expect(finished).toHaveLength(1);
    } finally {
      await runner.stop();
    }
  });
});
