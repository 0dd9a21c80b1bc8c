import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentPage } from '#shared/schemas/assessments.js';
import type { Job } from '#shared/schemas/jobs.js';
import type { ImportResult, Supplier } from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, csv, scoringCounts, uploadCsv, waitForJob } from '../../../test/factories.js';
import { jobs } from '../../db/schema/scoring.js';

// An import commit assesses what it created or changed in a scored field: in the request for a small file,
// in a background job (queued in the commit's transaction, with progress) for a large one. The threshold is
// set to 3 here so a "large" file stays small enough for a test.

let t: TestContext;
let officer: Client;
let officerB: Client;

beforeAll(async () => {
  t = await setupTestApp({ importAssessInRequestMax: 3 });
  officer = await t.login(t.orgA.officer);
  officerB = await t.login(t.orgB.officer);
});
afterAll(() => t?.close());

const COMMIT = '/api/suppliers/import/commit';
const COLUMNS = ['external_ref', 'name', 'country', 'tier', 'goods', 'tags'];
const row = (ref: string, overrides: Record<string, string> = {}) => ({
  external_ref: ref,
  name: `Supplier ${ref}`,
  country: 'BD',
  tier: '1',
  goods: 'garments',
  tags: 'apparel',
  ...overrides,
});
const commit = async (rows: Record<string, string>[], fileName = 'suppliers.csv', client = officer) => {
  const res = await uploadCsv(client, COMMIT, csv(rows, COLUMNS), fileName);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportResult;
};
const byRef = async (ref: string): Promise<Supplier> =>
  (await officer.get(`/api/suppliers?q=${encodeURIComponent(ref)}&limit=200`))
    .json()
    .items.find((s: Supplier) => s.externalRef === ref);
const historyOf = async (id: string) =>
  ((await officer.get(`/api/suppliers/${id}/assessments`)).json() as AssessmentPage).items;

describe('a small import', () => {
  it('assesses every created supplier in the request: none is left "Not assessed"', async () => {
    const result = await commit([row('S-1'), row('S-2', { country: 'TM', goods: 'cotton' })], 'small.csv');
    expect(result).toMatchObject({ created: 2, assessed: 2, assessJobId: null });
    for (const ref of ['S-1', 'S-2']) {
      const s = await byRef(ref);
      expect(s.risk).not.toBeNull();
      const [a] = await historyOf(s.id);
      expect(a).toMatchObject({ trigger: 'import', triggerDetail: 'imported from small.csv' });
      expect(s.risk!.assessmentId).toBe(a!.id);
    }
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.action === 'assessment.created');
    expect(events.at(-1)!.payload).toMatchObject({
      trigger: 'import',
      triggerDetail: 'imported from small.csv',
    });
  });

  it('reassesses a supplier changed in a scored field, not one changed only in its tags', async () => {
    await commit([row('S-3'), row('S-4')]);
    const [s3, s4] = [await byRef('S-3'), await byRef('S-4')];
    const result = await commit([row('S-3', { country: 'TM' }), row('S-4', { tags: 'other' })], 'again.csv');
    expect(result).toMatchObject({ updated: 2, assessed: 1, assessJobId: null });
    expect((await historyOf(s3.id)).map((a) => a.trigger)).toEqual(['import', 'import']);
    expect((await historyOf(s3.id))[0]!.inputs.profile.country).toBe('TM');
    expect(await historyOf(s4.id)).toHaveLength(1);
  });

  it('re-importing the same file changes nothing and assesses nothing', async () => {
    await commit([row('S-5')]);
    const before = await scoringCounts(t);
    expect(await commit([row('S-5')])).toMatchObject({ unchanged: 1, assessed: 0, assessJobId: null });
    expect(await scoringCounts(t)).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('a refused file writes nothing: no supplier, no assessment, no job', async () => {
    const before = await scoringCounts(t);
    const res = await uploadCsv(officer, COMMIT, csv([row('S-6', { country: 'Narnia' })], COLUMNS));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues[0].path).toMatch(/^row 2/);
    expect(await scoringCounts(t)).toEqual(before);
  });
});

describe('a large import', () => {
  it('queues a job in the commit that assesses every supplier with progress', async () => {
    const rows = ['L-1', 'L-2', 'L-3', 'L-4', 'L-5'].map((ref) => row(ref));
    const result = await commit(rows, 'large.csv');
    expect(result).toMatchObject({ created: 5, assessed: 0 });
    expect(result.assessJobId).toEqual(expect.any(String));
    const job = await waitForJob(officer, result.assessJobId!);
    expect(job).toMatchObject({
      kind: 'rescore',
      status: 'succeeded',
      progress: { done: 5, total: 5, percent: 100 },
      params: { suppliers: 5, trigger: 'import', triggerDetail: 'imported from large.csv' },
      result: { assessed: 5, policyVersion: 1 },
    });
    // The page reads the count, never the list of ids (an import can have 100,000).
    expect(job.params).not.toHaveProperty('supplierIds');
    const listed = (await officer.get('/api/jobs?kind=rescore')).json().items as Job[];
    expect(listed.find((j) => j.id === job.id)!.params).not.toHaveProperty('supplierIds');
    for (const ref of ['L-1', 'L-5']) {
      const s = await byRef(ref);
      const [a] = await historyOf(s.id);
      expect(a).toMatchObject({ trigger: 'import', triggerDetail: 'imported from large.csv' });
      expect(s.risk!.assessmentId).toBe(a!.id);
    }
    const [stored] = await t.owner.select().from(jobs).where(eq(jobs.id, job.id));
    expect((stored!.params as { supplierIds: string[] }).supplierIds).toHaveLength(5);
  });

  it("another organisation cannot read the import's job (404)", async () => {
    const result = await commit(['X-1', 'X-2', 'X-3', 'X-4'].map((ref) => row(ref)));
    await waitForJob(officer, result.assessJobId!);
    expect((await officerB.get(`/api/jobs/${result.assessJobId}`)).statusCode).toBe(404);
    const theirs = (await officerB.get('/api/jobs')).json().items as Job[];
    expect(theirs.map((j) => j.id)).not.toContain(result.assessJobId);
  });
});
