import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobPage, RescoreJob } from '#shared/schemas/jobs.js';
import type { Policy } from '#shared/schemas/policy.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createSupplier, issuePaths, waitForJob } from '../../../test/factories.js';
import { jobs } from '../../db/schema/scoring.js';

let t: TestContext;
let admin: Client;
let executive: Client;
let adminB: Client;
let job: RescoreJob;

/** Publishes a copy of the organisation's published policy: that queues a rescore job. */
const publishCopy = async (client: Client, name: string): Promise<RescoreJob> => {
  const published = (await client.get('/api/policies'))
    .json()
    .items.find((p: Policy) => p.status === 'published');
  const draft = (await client.post('/api/policies', { basedOn: published.id, name })).json() as Policy;
  const res = await client.post(`/api/policies/${draft.id}/publish`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().job;
};

beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  executive = await t.login(t.orgA.executive);
  adminB = await t.login(t.orgB.admin);
  await createSupplier(await t.login(t.orgA.officer), {
    name: 'Dhaka Knit',
    country: 'BD',
    goods: ['garments'],
  });
  job = await publishCopy(admin, 'v2');
});
afterAll(() => t?.close());

describe('GET /api/jobs', () => {
  it('lists a queued or running job as active, and not among the finished', async () => {
    // A job the runner will not touch: it claims queued jobs only, and requeues running ones after 15 minutes.
    // (The rescore published above may already have finished, so it cannot show "active" reliably.)
    const [running] = await t.owner
      .insert(jobs)
      .values({
        orgId: t.orgA.id,
        kind: 'rescore',
        status: 'running',
        params: { policyId: job.params.policyId, version: job.params.version },
        progressDone: 3,
        progressTotal: 10,
        startedAt: new Date(),
      })
      .returning();
    try {
      const active = (await executive.get('/api/jobs?active=true&kind=rescore')).json() as JobPage;
      expect(active.items.find((j) => j.id === running!.id)).toMatchObject({
        status: 'running',
        progress: { done: 3, total: 10, percent: 30 },
        finishedAt: null,
      });
      expect(active.items.every((j) => j.status === 'queued' || j.status === 'running')).toBe(true);
      const done = (await executive.get('/api/jobs?active=false')).json() as JobPage;
      expect(done.items.map((j) => j.id)).not.toContain(running!.id);
    } finally {
      await t.owner.delete(jobs).where(eq(jobs.id, running!.id));
    }
  });

  it('lists the rescore as finished once done, to every role', async () => {
    await waitForJob(admin, job.id);
    expect((await executive.get('/api/jobs?active=true')).json()).toMatchObject({ items: [], total: 0 });
    const done = (await executive.get('/api/jobs?active=false')).json() as JobPage;
    expect(done.items.map((j) => j.id)).toContain(job.id);
    const listed = done.items.find((j) => j.id === job.id)!;
    expect(listed).toMatchObject({ kind: 'rescore', status: 'succeeded', progress: { percent: 100 } });
    expect(listed.progress.done).toBe(listed.progress.total);
  });

  it('lists newest first, pages, and filters by status', async () => {
    const second = await publishCopy(admin, 'v3');
    await waitForJob(admin, second.id);
    const page = (await admin.get('/api/jobs?limit=1')).json() as JobPage;
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(page.items.map((j) => j.id)).toEqual([second.id]);
    const next = (await admin.get('/api/jobs?limit=1&offset=1')).json() as JobPage;
    expect(next.items.map((j) => j.id)).toEqual([job.id]);
    expect((await admin.get('/api/jobs?status=failed')).json()).toMatchObject({ items: [], total: 0 });
  });

  it("never shows another organisation's jobs, and answers 404 for one by id", async () => {
    const other = (await adminB.get('/api/jobs')).json() as JobPage;
    expect(other.items.map((j) => j.id)).not.toContain(job.id);
    expect((await adminB.get(`/api/jobs/${job.id}`)).statusCode).toBe(404);
  });

  it.each([
    ['status=finished', 'status'],
    ['active=yes', 'active'],
    ['kind=import', 'kind'],
    ['limit=0', 'limit'],
  ])('refuses ?%s with 400 naming %s', async (query, field) => {
    const res = await admin.get(`/api/jobs?${query}`);
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toContain(field);
  });

  it('needs a session (401)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs' })).statusCode).toBe(401);
  });
});
