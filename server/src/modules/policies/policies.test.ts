import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy, PolicyDocument } from '#shared/schemas/policy.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import type { WhatIf } from '#shared/schemas/what-if.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import {
  auditOf,
  createSupplier,
  failureOf,
  issuePaths,
  scoringCounts,
  waitForJob,
} from '../../../test/factories.js';
import { policies } from '../../db/schema/scoring.js';

let t: TestContext;
let admin: Client;
let officer: Client;
let executive: Client;
let adminB: Client;
let v1: Policy;
let draft: Policy;
const active: Supplier[] = [];

beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
  adminB = await t.login(t.orgB.admin);
  for (const body of [
    { name: 'Turkmen Cotton', country: 'TM', goods: ['cotton'] },
    { name: 'Iceland Widgets', country: 'IS', goods: ['quantum widgets'] },
    { name: 'Danish Furniture', country: 'DK', goods: ['furniture'] },
    { name: 'No Goods Ltd', country: 'GB', goods: [] },
  ]) {
    const s = await createSupplier(officer, { ...body, migrantWorkerShare: 0, agencyWorkerShare: 0 });
    expect((await officer.post(`/api/suppliers/${s.id}/assess`)).statusCode).toBe(201);
    active.push(s);
  }
  const archived = await createSupplier(officer, { name: 'Archived Co' });
  await officer.delete(`/api/suppliers/${archived.id}`);
  v1 = (await executive.get('/api/policies')).json().items[0];
});
afterAll(() => t?.close());

/** Lower rating thresholds, and unknown or missing goods counted nearly as high as listed ones. */
const stricter = (doc: PolicyDocument): PolicyDocument => ({
  ...doc,
  ratingBands: { medium: 10, high: 20, critical: 30 },
  inherent: { ...doc.inherent, goods: { ...doc.inherent.goods, unknownGoodPoints: 18, noGoodsPoints: 30 } },
});

describe('reading policies', () => {
  it('lists the published default policy as version 1, for every role', async () => {
    for (const c of [admin, officer, executive]) {
      const res = await c.get('/api/policies');
      expect(res.statusCode).toBe(200);
      const items: Policy[] = res.json().items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ status: 'published', version: 1, basedOnId: null });
      expect(items[0]!.publishedAt).toEqual(expect.any(String));
      expect((await c.get(`/api/policies/${v1.id}`)).json()).toEqual(items[0]);
    }
  });

  it('answers 400 for an id that is not a uuid and 404 for an unknown one', async () => {
    expect((await admin.get('/api/policies/nope')).statusCode).toBe(400);
    expect((await admin.get('/api/policies/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('drafts', () => {
  it('an admin makes a draft copy of the published policy', async () => {
    const res = await admin.post('/api/policies', { basedOn: v1.id, name: 'Stricter' });
    expect(res.statusCode, res.body).toBe(201);
    draft = res.json();
    expect(draft).toMatchObject({ name: 'Stricter', status: 'draft', version: null, basedOnId: v1.id });
    expect(draft.document).toEqual({ ...v1.document, name: 'Stricter' });
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === draft.id);
    expect(events.map((e) => e.action)).toEqual(['policy.created']);
  });

  it('officers and executives cannot create, change or publish (403), and nothing is written', async () => {
    const before = await scoringCounts(t);
    for (const c of [officer, executive]) {
      expect((await c.post('/api/policies', { basedOn: v1.id, name: 'Mine' })).statusCode).toBe(403);
      expect((await c.patch(`/api/policies/${draft.id}`, { name: 'Mine' })).statusCode).toBe(403);
      expect((await c.post(`/api/policies/${draft.id}/publish`)).statusCode).toBe(403);
    }
    expect(await scoringCounts(t)).toEqual(before);
    expect((await admin.get(`/api/policies/${draft.id}`)).json()).toEqual(draft);
  });

  it('saves a valid change to a draft', async () => {
    const document = stricter(draft.document);
    const res = await admin.patch(`/api/policies/${draft.id}`, { document });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document).toEqual(document);
    draft = (await admin.get(`/api/policies/${draft.id}`)).json();
    expect(draft.document.ratingBands).toEqual({ medium: 10, high: 20, critical: 30 });
    const update = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === draft.id).at(-1)!;
    expect(update.action).toBe('policy.updated');
  });

  it('refuses rating bands that do not increase with 400 naming the band, leaving the draft as it was', async () => {
    const document = { ...draft.document, ratingBands: { medium: 30, high: 20, critical: 75 } };
    const res = await admin.patch(`/api/policies/${draft.id}`, { document });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(['document.ratingBands.high']);
    expect((await admin.get(`/api/policies/${draft.id}`)).json()).toEqual(draft);
  });

  it('refuses to change a published policy (422), which stays as it was', async () => {
    const before = await scoringCounts(t);
    const res = await admin.patch(`/api/policies/${v1.id}`, {
      name: 'Renamed',
      document: stricter(v1.document),
    });
    expect(res.statusCode, res.body).toBe(422);
    expect((await admin.get(`/api/policies/${v1.id}`)).json()).toEqual(v1);
    expect(await scoringCounts(t)).toEqual(before);
  });
});

describe('what-if', () => {
  it('scores the portfolio under the draft next to the published policy, writing nothing', async () => {
    const before = await scoringCounts(t);
    // Executives may not: it scores the whole portfolio (see server/src/app/role-first.test.ts).
    expect((await executive.post(`/api/policies/${draft.id}/what-if`)).statusCode).toBe(403);
    for (const c of [officer, admin]) {
      const res = await c.post(`/api/policies/${draft.id}/what-if`);
      expect(res.statusCode, res.body).toBe(200);
      const w: WhatIf = res.json();
      expect(w).toMatchObject({ policyId: draft.id, comparedWith: { id: v1.id, version: 1 }, suppliers: 4 });
      const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      expect([total(w.before), total(w.after)]).toEqual([4, 4]);
      expect(w.after).not.toEqual(w.before);
      expect(w.changed.up).toBeGreaterThan(0);
      expect(w.changed).toMatchObject({ down: 0 });
      expect(w.changed.up + w.changed.same).toBe(4);
      // Movers are the suppliers whose score changes (the unknown-data suppliers here), largest change
      // first; a supplier whose rating changes only because the bands moved (same score) is listed apart.
      expect(w.movers.map((m) => m.name).sort()).toEqual(['Iceland Widgets', 'No Goods Ltd']);
      expect(w.moversTotal).toBe(2);
      const deltas = w.movers.map((m) => Math.abs(m.delta));
      expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
      for (const m of w.movers) {
        expect(m.delta).not.toBe(0);
        expect(m.after.residualScore).toBeGreaterThan(m.before.residualScore);
        expect(m.delta).toBeCloseTo(m.after.residualScore - m.before.residualScore, 2);
      }
      // Furniture is on the ILAB list for other countries (18 points, engine 1.1.0): its score stays, the
      // lower bands move its rating.
      expect(w.bandMovers.map((m) => m.name).sort()).toEqual(['Danish Furniture', 'Turkmen Cotton']);
      expect(w.bandMoversTotal).toBe(2);
      for (const m of w.bandMovers) {
        expect(m.delta).toBe(0);
        expect(m.after.residualScore).toBe(m.before.residualScore);
        expect(m.after.rating).not.toBe(m.before.rating);
      }
      // Every rating change is in one of the two lists.
      const ratingChanges = [...w.movers, ...w.bandMovers].filter((m) => m.after.rating !== m.before.rating);
      expect(ratingChanges).toHaveLength(w.changed.up);
    }
    expect(await scoringCounts(t)).toEqual(before);
  });
});

describe('publishing', () => {
  it('publishes the draft as version 2, retires version 1, and rescores every current supplier', async () => {
    const res = await admin.post(`/api/policies/${draft.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    const { policy, job } = res.json();
    expect(policy).toMatchObject({ id: draft.id, status: 'published', version: 2 });
    expect(job).toMatchObject({ kind: 'rescore', params: { policyId: draft.id, version: 2 } });
    expect((await admin.get(`/api/policies/${v1.id}`)).json()).toMatchObject({
      status: 'retired',
      version: 1,
    });
    const statuses = (await admin.get('/api/policies')).json().items.map((p: Policy) => p.status);
    expect(statuses.sort()).toEqual(['published', 'retired']);

    const done = await waitForJob(executive, job.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      error: null,
      progress: { done: 4, total: 4, percent: 100 },
    });
    expect(done.result).toMatchObject({ assessed: 4, policyVersion: 2 });
    for (const s of active) {
      const latest = (await executive.get(`/api/suppliers/${s.id}/assessments`)).json().items;
      // created (when added), manual, then the rescore
      expect(latest).toHaveLength(3);
      expect(latest[0]).toMatchObject({ policyId: draft.id, policyVersion: 2, trigger: 'policy_published' });
      expect((await executive.get(`/api/suppliers/${s.id}`)).json().risk).toMatchObject({
        assessmentId: latest[0].id,
        policyVersion: 2,
      });
    }
    const archived = (await executive.get('/api/suppliers?archived=true')).json().items[0];
    // Assessed when it was added, under v1; archived suppliers leave rescoring.
    expect(archived.risk).toMatchObject({ policyVersion: 1 });
  });

  it('refuses to publish a policy that is not a draft (422)', async () => {
    for (const id of [v1.id, draft.id]) {
      expect((await admin.post(`/api/policies/${id}/publish`)).statusCode).toBe(422);
    }
  });

  it('a published or retired policy cannot be changed even by SQL (trigger)', async () => {
    for (const id of [v1.id, draft.id]) {
      const update = t.owner
        .update(policies)
        .set({ document: sql`jsonb_set(document, '{reassessmentMonths}', '1')` })
        .where(eq(policies.id, id));
      expect(await failureOf(update)).toContain('immutable');
      const del = t.owner.delete(policies).where(eq(policies.id, id));
      expect(await failureOf(del)).toContain('cannot be deleted');
    }
    expect((await admin.get(`/api/policies/${v1.id}`)).json().document).toEqual(v1.document);
  });
});

describe('tenant isolation', () => {
  it("answers 404 for org B's policies and jobs, and will not copy B's policy", async () => {
    const bPolicy: Policy = (await adminB.get('/api/policies')).json().items[0];
    const bDraft: Policy = (
      await adminB.post('/api/policies', { basedOn: bPolicy.id, name: 'B draft' })
    ).json();
    const published = await adminB.post(`/api/policies/${bDraft.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const bJob = published.json().job;
    await waitForJob(adminB, bJob.id);

    const before = await scoringCounts(t);
    for (const id of [bPolicy.id, bDraft.id]) {
      for (const res of [
        await admin.get(`/api/policies/${id}`),
        await admin.patch(`/api/policies/${id}`, { name: 'Taken' }),
        await admin.post(`/api/policies/${id}/publish`),
        await admin.post(`/api/policies/${id}/what-if`),
      ]) {
        expect(res.statusCode, res.body).toBe(404);
      }
      const copy = await admin.post('/api/policies', { basedOn: id, name: 'Copy of B' });
      expect([404, 422]).toContain(copy.statusCode);
    }
    expect((await admin.get(`/api/jobs/${bJob.id}`)).statusCode).toBe(404);
    expect(await scoringCounts(t)).toEqual(before);
    const names = (await admin.get('/api/policies')).json().items.map((p: Policy) => p.name);
    expect(names).not.toContain('B draft');
  });
});
