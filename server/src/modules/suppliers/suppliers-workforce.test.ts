import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import {
  auditOf,
  createSupplier,
  csv,
  issuePaths,
  scoringCounts,
  supplierInput,
  uploadCsv,
} from '../../../test/factories.js';

// Worker shares are percentages of a headcount: without a headcount above zero they are refused everywhere.

let t: TestContext;
let officer: Client;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
});
afterAll(() => t?.close());

const written = async () => ({
  counts: await scoringCounts(t),
  events: (await auditOf(t, t.orgA.id)).length,
});
const message = /headcount above zero/;

describe('worker shares without a headcount above zero', () => {
  it.each([
    [
      'headcount 0',
      { headcount: 0, migrantWorkerShare: 100, agencyWorkerShare: 100 },
      ['migrantWorkerShare', 'agencyWorkerShare'],
    ],
    ['no headcount', { agencyWorkerShare: 40 }, ['agencyWorkerShare']],
    ['a null headcount', { headcount: null, migrantWorkerShare: 0.5 }, ['migrantWorkerShare']],
  ])('are refused on create with %s (400 naming the share; nothing written)', async (_, fields, paths) => {
    const before = await written();
    const res = await officer.post('/api/suppliers', supplierInput(fields));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuePaths(res)).toEqual(paths);
    expect(res.json().error.issues[0].message).toMatch(message);
    expect(await written()).toEqual(before);
  });

  it('are accepted with a headcount above zero; no shares, or 0% shares, need none', async () => {
    await createSupplier(officer, { headcount: 12, migrantWorkerShare: 55, agencyWorkerShare: 40 });
    await createSupplier(officer, { headcount: 0 });
    // 0% is a known answer ("none of them") whatever the headcount.
    await createSupplier(officer, { migrantWorkerShare: 0, agencyWorkerShare: 0 });
  });

  it('are refused on PATCH against the stored headcount (400; the supplier unchanged)', async () => {
    const empty = await createSupplier(officer, { name: 'No Workers Recorded', headcount: 0 });
    const staffed = await createSupplier(officer, {
      name: 'Staffed',
      headcount: 300,
      migrantWorkerShare: 20,
    });
    const before = await written();
    const share = await officer.patch(`/api/suppliers/${empty.id}`, { migrantWorkerShare: 50 });
    expect(share.statusCode, share.body).toBe(400);
    expect(issuePaths(share)).toEqual(['migrantWorkerShare']);
    expect(share.json().error.issues[0].message).toMatch(message);
    // Taking the headcount away under a recorded share names the headcount.
    for (const headcount of [0, null]) {
      const res = await officer.patch(`/api/suppliers/${staffed.id}`, { headcount });
      expect(res.statusCode, res.body).toBe(400);
      expect(issuePaths(res)).toEqual(['headcount']);
    }
    // Both in one change: the schema itself answers.
    const both = await officer.patch(`/api/suppliers/${staffed.id}`, { headcount: 0, agencyWorkerShare: 10 });
    expect(both.statusCode, both.body).toBe(400);
    expect(issuePaths(both)).toEqual(['agencyWorkerShare']);
    expect(await written()).toEqual(before);
    expect((await officer.get(`/api/suppliers/${empty.id}`)).json().migrantWorkerShare).toBeNull();
    expect((await officer.get(`/api/suppliers/${staffed.id}`)).json()).toMatchObject({ headcount: 300 });
    // With a headcount in the same change, or the share cleared, the change goes through.
    const ok = await officer.patch(`/api/suppliers/${empty.id}`, { headcount: 40, migrantWorkerShare: 50 });
    expect(ok.statusCode, ok.body).toBe(200);
    const cleared = await officer.patch(`/api/suppliers/${staffed.id}`, {
      headcount: 0,
      migrantWorkerShare: null,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
  });

  it('are a row error in the import preview, and the commit writes nothing', async () => {
    const columns = ['external_ref', 'name', 'country', 'tier', 'headcount', 'migrant_worker_share'];
    const content = csv(
      [
        {
          external_ref: 'W-1',
          name: 'Fine Mill',
          country: 'BD',
          tier: 1,
          headcount: 10,
          migrant_worker_share: 5,
        },
        {
          external_ref: 'W-2',
          name: 'Empty Mill',
          country: 'BD',
          tier: 1,
          headcount: 0,
          migrant_worker_share: 5,
        },
        {
          external_ref: 'W-3',
          name: 'Blank Mill',
          country: 'BD',
          tier: 1,
          headcount: '',
          migrant_worker_share: 5,
        },
      ],
      columns,
    );
    const before = await written();
    const res = await uploadCsv(officer, '/api/suppliers/import/preview', content);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ rows: 3, create: 1, errorCount: 2 });
    expect(p.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'migrant_worker_share'],
      [4, 'migrant_worker_share'],
    ]);
    expect(p.errors[0].message).toMatch(message);
    expect((await uploadCsv(officer, '/api/suppliers/import/commit', content)).statusCode).toBe(422);
    expect(await written()).toEqual(before);
  });
});
