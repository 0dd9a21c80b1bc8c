import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOODS_SYNONYMS_VERSION } from '#shared/domain/reference/goods-synonyms.js';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { AssessmentResult, InherentFactor } from '#shared/domain/scoring/score.js';
import { expandStoredResult, STORED_FORM, type StoredResult } from '#shared/domain/scoring/stored.js';
import { type AssessmentInputs, AssessmentInputsSchema } from '#shared/domain/scoring/types.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import type { Policy, PolicyDocument } from '#shared/schemas/policy.js';
import { RATINGS, type Supplier } from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, failureOf, scoringCounts, waitForJob } from '../../../test/factories.js';
import { assessments, policies } from '../../db/schema/scoring.js';
import { policySha256, reproduce } from './assessments.engine.js';

const manifest = loadReferenceData();
let t: TestContext;
let officer: Client;
let executive: Client;
let policy: Policy;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
  policy = (await executive.get('/api/policies')).json().items[0];
});
afterAll(() => t?.close());

const assess = async (s: Supplier, client = officer) => {
  const res = await client.post(`/api/suppliers/${s.id}/assess`);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Assessment & { result: AssessmentResult };
};
const factor = (r: AssessmentResult, key: InherentFactor['key']) =>
  r.inherent.factors.find((f) => f.key === key)!;
const known = { migrantWorkerShare: 0, agencyWorkerShare: 0, tier: 1 };

describe('POST /api/suppliers/:id/assess', () => {
  it('scores under the published policy, naming the datasets and editions it used', async () => {
    const s = await createSupplier(officer, {
      name: 'Ahal Ginnery',
      country: 'TM',
      goods: ['cotton'],
      ...known,
    });
    const a = await assess(s);
    expect(a).toMatchObject({ supplierId: s.id, policyId: policy.id, policyVersion: 1, trigger: 'manual' });
    expect(a.createdBy).toBe(t.orgA.officer);
    expect(a.resultSha256).toMatch(/^[0-9a-f]{64}$/);
    const r = a.result;
    expect(r.datasets).toEqual(
      expect.arrayContaining([
        { id: 'us-tip-2025', edition: '2025' },
        { id: 'gsi-2023', edition: '2023' },
        { id: 'ilab-2022', edition: '2022' },
      ]),
    );
    expect(factor(r, 'tip_tier').dataset).toBe('us-tip-2025');
    expect(factor(r, 'gsi_prevalence').dataset).toBe('gsi-2023');
    const goods = factor(r, 'ilab_goods');
    expect(goods.dataset).toBe('ilab-2022');
    expect(goods.goods![0]).toMatchObject({ input: 'cotton', status: 'listed' });
    expect(goods.goods![0]!.listings[0]!.description).toMatch(
      /^Cotton from Turkmenistan: listed for forced labour.*\(ILAB 2022\)$/,
    );
    // No accepted answers yet: nothing is controlled, and every criterion is a data gap.
    expect(r.control.score).toBe(0);
    expect(r.control.criteria.length).toBe(policy.document.criteria.length);
    expect(r.control.criteria.every((c) => c.gap)).toBe(true);
    const criterionGaps = r.dataGaps.filter((g) => g.kind === 'criterion').map((g) => g.key);
    expect(criterionGaps.sort()).toEqual(policy.document.criteria.map((c) => c.key).sort());
    expect(r.residual.score).toBe(r.inherent.score);
    expect(RATINGS).toContain(r.rating);
    expect(a).toMatchObject({
      rating: r.rating,
      inherentScore: r.inherent.score,
      controlScore: 0,
      residualScore: r.inherent.score,
      engineVersion: r.engineVersion,
    });
    expect(a.inputs).toMatchObject({ profile: { country: 'TM', goods: ['cotton'], tier: 1 }, answers: [] });
  });

  it("updates the supplier's risk summary and keeps the history newest first", async () => {
    const s = await createSupplier(officer, { name: 'History Co', country: 'BD', goods: ['garments'] });
    const first = await assess(s);
    expect((await executive.get(`/api/suppliers/${s.id}`)).json().risk).toEqual({
      assessmentId: first.id,
      rating: first.rating,
      ratingFloor: null,
      inherentScore: first.inherentScore,
      residualScore: first.residualScore,
      assessedAt: first.createdAt,
      policyVersion: 1,
    });
    // The tier change reassesses at once (profile_changed); then two by hand.
    await officer.patch(`/api/suppliers/${s.id}`, { tier: 3 });
    const second = await assess(s);
    const third = await assess(s);
    const history = (await executive.get(`/api/suppliers/${s.id}/assessments`)).json();
    // created (on POST), the first by hand, the profile change, then the two by hand
    expect(history.total).toBe(5);
    expect(history.items.slice(0, 2).map((a: Assessment) => a.id)).toEqual([third.id, second.id]);
    expect(history.items[3].id).toBe(first.id);
    expect(history.items.map((a: Assessment) => a.trigger)).toEqual([
      'manual',
      'manual',
      'profile_changed',
      'manual',
      'created',
    ]);
    expect(history.items[1].inputs.profile.tier).toBe(3);
    const page = (await executive.get(`/api/suppliers/${s.id}/assessments?limit=1&offset=1`)).json();
    expect(page.items.map((a: Assessment) => a.id)).toEqual([second.id]);
    expect((await executive.get(`/api/suppliers/${s.id}`)).json().risk.assessmentId).toBe(third.id);
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.action === 'assessment.created');
    expect(events.map((e) => e.entityId)).toEqual(expect.arrayContaining([first.id, second.id, third.id]));
  });

  it("answers the full breakdown in the contract, in the engine's order: its text hashes to resultSha256", async () => {
    const s = await createSupplier(officer, { name: 'Hash Mills', country: 'IN', goods: ['cotton', 'rugs'] });
    const created = await assess(s);
    const [listed] = (await executive.get(`/api/suppliers/${s.id}/assessments`)).json().items as Assessment[];
    for (const a of [created, listed!]) {
      const text = JSON.stringify(a.result);
      expect(createHash('sha256').update(text).digest('hex')).toBe(a.resultSha256);
    }
    expect(listed!.inputs.reference.countries.IN?.iso2).toBe('IN');
    // The OpenAPI document shows the result's shape, not an open object, so a generated client is typed.
    const doc = (await executive.get('/api/openapi.json')).json();
    const text = JSON.stringify(doc.paths['/api/suppliers/{id}/assess'].post.responses['201']);
    for (const field of ['ratingFromScore', 'redFlags', 'dataGaps', 'reassessmentMonths', 'evidenceBacked'])
      expect(text).toContain(field);
  });

  it('counts an unknown good and a country without a GSI estimate as data gaps, never as low risk', async () => {
    const doc = policy.document;
    const unknown = await assess(
      await createSupplier(officer, {
        name: 'Reykjavik Widgets',
        country: 'IS',
        goods: ['quantum widgets'],
        ...known,
      }),
    );
    const knownLow = await assess(
      await createSupplier(officer, {
        name: 'Copenhagen Furniture',
        country: 'DK',
        goods: ['furniture'],
        ...known,
      }),
    );
    const r = unknown.result;
    expect(r.dataGaps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'country', key: 'gsi-2023:IS' }),
        expect.objectContaining({ kind: 'good', key: 'quantum widgets' }),
      ]),
    );
    expect(factor(r, 'gsi_prevalence')).toMatchObject({
      value: null,
      known: 0,
      points: doc.inherent.gsi.unknownPoints,
    });
    expect(factor(r, 'ilab_goods')).toMatchObject({ known: 0, points: doc.inherent.goods.unknownGoodPoints });
    expect(factor(r, 'ilab_goods').goods![0]).toMatchObject({ status: 'unknown_good' });
    expect(doc.inherent.gsi.unknownPoints).toBeGreaterThan(doc.inherent.gsi.bands[0]!.points);
    expect(doc.inherent.goods.unknownGoodPoints).toBeGreaterThan(doc.inherent.goods.notListedPoints);
    // The same profile with the data known at its lowest is low; with the data missing it is not.
    expect(knownLow.result.dataGaps.filter((g) => g.kind !== 'criterion')).toEqual([]);
    expect(knownLow.rating).toBe('low');
    expect(unknown.inherentScore).toBeGreaterThan(knownLow.inherentScore);
    expect(unknown.rating).not.toBe('low');
    expect(r.confidence.referenceData).toBeLessThan(knownLow.result.confidence.referenceData);
  });

  it('refuses an archived supplier with 422, writing nothing', async () => {
    const s = await createSupplier(officer, { name: 'Archived Assess' });
    await officer.delete(`/api/suppliers/${s.id}`);
    const before = await scoringCounts(t);
    const res = await officer.post(`/api/suppliers/${s.id}/assess`);
    expect(res.statusCode, res.body).toBe(422);
    expect(await scoringCounts(t)).toEqual(before);
  });

  it('an executive can read the history but not assess (403)', async () => {
    const s = await createSupplier(officer, { name: 'Exec Read' });
    expect((await executive.post(`/api/suppliers/${s.id}/assess`)).statusCode).toBe(403);
    // Only the assessment made when the supplier was added.
    expect((await executive.get(`/api/suppliers/${s.id}/assessments`)).json()).toMatchObject({
      items: [{ trigger: 'created' }],
      total: 1,
    });
  });

  it('answers 400 for a bad id and 404 for an unknown supplier', async () => {
    expect((await officer.post('/api/suppliers/nope/assess')).statusCode).toBe(400);
    expect((await officer.get('/api/suppliers/nope/assessments')).statusCode).toBe(400);
    const unknownId = '00000000-0000-4000-8000-000000000000';
    expect((await officer.post(`/api/suppliers/${unknownId}/assess`)).statusCode).toBe(404);
    expect((await officer.get(`/api/suppliers/${unknownId}/assessments`)).statusCode).toBe(404);
  });
});

describe('stored assessments', () => {
  it('every one reproduces: the engine re-run on its stored inputs and policy gives its stored hash', async () => {
    // A second policy version and a rescore, so that the check spans versions, triggers and organisations.
    const admin = await t.login(t.orgA.admin);
    const draft: Policy = (await admin.post('/api/policies', { basedOn: policy.id, name: 'v2' })).json();
    const document: PolicyDocument = {
      ...draft.document,
      ratingBands: { medium: 20, high: 40, critical: 60 },
    };
    expect((await admin.patch(`/api/policies/${draft.id}`, { document })).statusCode).toBe(200);
    const published = await admin.post(`/api/policies/${draft.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect((await waitForJob(admin, published.json().job.id)).status).toBe('succeeded');
    const officerB = await t.login(t.orgB.officer);
    await assess(await createSupplier(officerB, { name: 'B Site', country: 'XK', goods: [] }), officerB);

    const docs = new Map((await t.owner.select().from(policies)).map((p) => [p.id, p.document]));
    const stored = await t.owner.select().from(assessments);
    expect(stored.length).toBeGreaterThan(10);
    expect(new Set(stored.map((a) => a.policyVersion))).toEqual(new Set([1, 2]));
    expect(new Set(stored.map((a) => a.trigger))).toEqual(
      new Set(['created', 'profile_changed', 'manual', 'policy_published']),
    );
    for (const a of stored) {
      const doc = docs.get(a.policyId) as unknown as PolicyDocument;
      const storedResult = a.result as unknown as StoredResult;
      const again = reproduce(doc, a.inputs as unknown as AssessmentInputs);
      expect(again.sha256, `assessment ${a.id}`).toBe(a.resultSha256);
      expect(storedResult.storedForm).toBe(STORED_FORM);
      // The stored form expands to the engine's full breakdown, byte for byte: the same hash.
      const expanded = JSON.stringify(expandStoredResult(doc, storedResult));
      expect(createHash('sha256').update(expanded).digest('hex')).toBe(a.resultSha256);
      // Provenance (issue 8, defect 8): the policy's canonical hash, each dataset file's, the synonym table.
      const { provenance } = AssessmentInputsSchema.parse(a.inputs);
      expect(provenance).toEqual({
        policySha256: policySha256(doc),
        datasets: manifest.datasets.map((d) => ({
          id: d.id,
          edition: d.edition,
          file: d.file,
          sha256: d.sha256,
        })),
        goodsSynonymsVersion: GOODS_SYNONYMS_VERSION,
      });
    }
    // Canonical: the hash does not depend on key order (jsonb keeps none).
    const doc = docs.get(policy.id) as unknown as PolicyDocument;
    expect(policySha256(Object.fromEntries(Object.entries(doc).reverse()) as PolicyDocument)).toBe(
      policySha256(doc),
    );
  });

  it('are append-only: UPDATE and DELETE fail even on the superuser connection', async () => {
    const [one] = await t.owner.select().from(assessments).limit(1);
    const update = t.owner.update(assessments).set({ rating: 'low' }).where(eq(assessments.id, one!.id));
    expect(await failureOf(update)).toContain('append-only');
    expect(await failureOf(t.owner.delete(assessments).where(eq(assessments.id, one!.id)))).toContain(
      'append-only',
    );
    expect(await failureOf(t.owner.execute(sql`update assessments set residual_score = 0`))).toContain(
      'append-only',
    );
    const [after] = await t.owner.select().from(assessments).where(eq(assessments.id, one!.id));
    expect(after).toEqual(one);
  });
});
