import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '#shared/schemas/policy.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, issuePaths, scoringCounts, waitForJob } from '../../../test/factories.js';

/** Issue 8: a draft that was never published can be deleted; published and retired versions cannot. */

let t: TestContext;
let admin: Client;
let officer: Client;
let executive: Client;
let adminB: Client;

beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
  adminB = await t.login(t.orgB.admin);
  await createSupplier(officer, { name: 'Turkmen Cotton', country: 'TM', goods: ['cotton'] });
});
afterAll(() => t?.close());

const published = async (client: Client): Promise<Policy> =>
  (await client.get('/api/policies')).json().items.find((p: Policy) => p.status === 'published');

let n = 0;
const newDraft = async (client: Client, basedOn?: string): Promise<Policy> => {
  const res = await client.post('/api/policies', {
    basedOn: basedOn ?? (await published(client)).id,
    name: `Draft ${++n}`,
  });
  if (res.statusCode !== 201) throw new Error(`draft: ${res.statusCode} ${res.body}`);
  return res.json();
};

const ifMatch = (revision: number | string) => ({ 'if-match': `"${revision}"` });

describe('deleting a draft', () => {
  it('an admin deletes a never-published draft, audited with what it was', async () => {
    const d = await newDraft(admin);
    // A what-if writes nothing, so it leaves nothing that refers to the draft.
    expect((await admin.post(`/api/policies/${d.id}/what-if`)).statusCode).toBe(200);
    const before = await scoringCounts(t);
    const res = await admin.delete(`/api/policies/${d.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await admin.get(`/api/policies/${d.id}`)).statusCode).toBe(404);
    const ids = (await admin.get('/api/policies')).json().items.map((p: Policy) => p.id);
    expect(ids).not.toContain(d.id);
    expect(await scoringCounts(t)).toEqual({
      ...before,
      policies: before.policies - 1,
      audit: before.audit + 1,
    });
    const event = (await auditOf(t, t.orgA.id)).at(-1)!;
    expect(event).toMatchObject({
      action: 'policy.deleted',
      entityType: 'policy',
      entityId: d.id,
      payload: { name: d.name, basedOnId: d.basedOnId, revision: 1 },
    });
    // The audit log still names it.
    const log = (await admin.get('/api/audit-events?limit=5')).json();
    expect(JSON.stringify(log)).toContain(d.name);
  });

  it('deletes the revision named by If-Match, and a draft copied from it stays readable', async () => {
    const d = await newDraft(admin);
    expect((await admin.patch(`/api/policies/${d.id}`, { name: 'Renamed once' })).statusCode).toBe(200);
    const copy = await newDraft(admin, d.id);
    const res = await admin.request('DELETE', `/api/policies/${d.id}`, undefined, ifMatch(2));
    expect(res.statusCode, res.body).toBe(200);
    expect((await admin.get(`/api/policies/${copy.id}`)).json()).toMatchObject({ basedOnId: d.id });
  });

  it('refuses a stale revision (409 with the current draft), deleting nothing', async () => {
    const d = await newDraft(admin);
    expect((await admin.patch(`/api/policies/${d.id}`, { name: 'Edited since' })).statusCode).toBe(200);
    const before = await scoringCounts(t);
    const res = await admin.request('DELETE', `/api/policies/${d.id}`, undefined, ifMatch(1));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'conflict',
      current: { id: d.id, name: 'Edited since', revision: 2, status: 'draft' },
    });
    expect(await scoringCounts(t)).toEqual(before);
    expect((await admin.get(`/api/policies/${d.id}`)).statusCode).toBe(200);
  });

  it('refuses the published and a retired version (422), which stay', async () => {
    const retiring = await published(admin);
    const d = await newDraft(admin);
    const pub = await admin.post(`/api/policies/${d.id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    await waitForJob(admin, pub.json().job.id);
    const before = await scoringCounts(t);
    for (const id of [d.id, retiring.id]) {
      for (const res of [
        await admin.delete(`/api/policies/${id}`),
        await admin.request('DELETE', `/api/policies/${id}`, undefined, { 'if-match': '*' }),
      ]) {
        expect(res.statusCode, res.body).toBe(422);
        expect(res.json().error.message).toMatch(/only a draft that was never published can be deleted/);
      }
      expect((await admin.get(`/api/policies/${id}`)).statusCode).toBe(200);
    }
    expect(await scoringCounts(t)).toEqual(before);
  });

  it('officers and executives get 403 before the id or If-Match is validated, and nothing is deleted', async () => {
    const d = await newDraft(admin);
    const before = await scoringCounts(t);
    for (const c of [officer, executive]) {
      for (const res of [
        await c.delete(`/api/policies/${d.id}`),
        await c.delete('/api/policies/not-a-uuid'),
        await c.request('DELETE', `/api/policies/${d.id}`, undefined, { 'if-match': 'garbage' }),
      ]) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect(await scoringCounts(t)).toEqual(before);
    expect((await admin.get(`/api/policies/${d.id}`)).statusCode).toBe(200);
  });

  it('answers 400 naming the field for a bad id or If-Match, and 404 for an unknown id', async () => {
    const d = await newDraft(admin);
    const before = await scoringCounts(t);
    const badId = await admin.delete('/api/policies/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(issuePaths(badId)).toEqual(['id']);
    const badTag = await admin.request('DELETE', `/api/policies/${d.id}`, undefined, { 'if-match': '3' });
    expect(badTag.statusCode).toBe(400);
    expect(issuePaths(badTag)).toEqual(['if-match']);
    expect((await admin.delete('/api/policies/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await scoringCounts(t)).toEqual(before);
  });

  it("answers 404 for another organisation's draft, which stays", async () => {
    const bDraft = await newDraft(adminB);
    const before = await scoringCounts(t);
    expect((await admin.delete(`/api/policies/${bDraft.id}`)).statusCode).toBe(404);
    expect(
      (await admin.request('DELETE', `/api/policies/${bDraft.id}`, undefined, ifMatch(1))).statusCode,
    ).toBe(404);
    expect(await scoringCounts(t)).toEqual(before);
    expect((await adminB.get(`/api/policies/${bDraft.id}`)).json()).toEqual(bDraft);
  });
});
