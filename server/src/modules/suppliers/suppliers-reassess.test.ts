import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentPage } from '#shared/schemas/assessments.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, scoringCounts } from '../../../test/factories.js';
import { assessments } from '../../db/schema/scoring.js';

// Ratings never go stale: a change to a field the policy scores reassesses the supplier in the same request
// and transaction, and the assessment says what set it off.

let t: TestContext;
let officer: Client;
let officerB: Client;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  officerB = await t.login(t.orgB.officer);
});
afterAll(() => t?.close());

const history = async (client: Client, id: string) => {
  const res = await client.get(`/api/suppliers/${id}/assessments`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as AssessmentPage).items;
};

const assessmentRows = (supplierId: string) =>
  t.owner.select().from(assessments).where(eq(assessments.supplierId, supplierId));

describe('creating a supplier', () => {
  it('assesses it in the same request: never "Not assessed" while a policy is published', async () => {
    const s = await createSupplier(officer, { name: 'Ahal Ginnery', country: 'TM', goods: ['cotton'] });
    expect(s.risk).not.toBeNull();
    const [a] = await history(officer, s.id);
    expect(a).toMatchObject({ trigger: 'created', triggerDetail: 'supplier added', supplierId: s.id });
    expect(s.risk).toMatchObject({ assessmentId: a!.id, rating: a!.rating, residualScore: a!.residualScore });
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === a!.id);
    expect(events.map((e) => e.action)).toEqual(['assessment.created']);
    expect(events[0]!.payload).toMatchObject({ trigger: 'created', triggerDetail: 'supplier added' });
  });
});

describe('PATCH /api/suppliers/:id', () => {
  it('reassesses on a scored field, naming the fields, with the new rating in the same response', async () => {
    const s = await createSupplier(officer, {
      name: 'Quiet Mill',
      country: 'CA',
      goods: ['software'],
      headcount: 200,
      migrantWorkerShare: 0,
      agencyWorkerShare: 0,
    });
    const res = await officer.patch(`/api/suppliers/${s.id}`, {
      migrantWorkerShare: 55,
      goods: ['cotton'],
      country: 'TM',
    });
    expect(res.statusCode, res.body).toBe(200);
    const patched = res.json() as Supplier;
    const [newest, first] = await history(officer, s.id);
    expect(first!.trigger).toBe('created');
    expect(newest).toMatchObject({
      trigger: 'profile_changed',
      triggerDetail: 'profile changed: country, goods, migrant worker share',
    });
    expect(newest!.inputs.profile).toMatchObject({
      country: 'TM',
      goods: ['cotton'],
      migrantWorkerShare: 55,
    });
    expect(newest!.residualScore).toBeGreaterThan(first!.residualScore);
    expect(patched.risk).toMatchObject({ assessmentId: newest!.id, rating: newest!.rating });
    // The register row and GET agree with the response.
    const got = (await officer.get(`/api/suppliers/${s.id}`)).json() as Supplier;
    expect(got.risk).toEqual(patched.risk);
    expect(got.revision).toBe(patched.revision);
    // The audit trail: the change, then the assessment it led to, which says why.
    const trail = (await auditOf(t, t.orgA.id)).filter(
      (e) => e.entityId === s.id || e.entityId === newest!.id,
    );
    expect(trail.slice(-2).map((e) => e.action)).toEqual(['supplier.updated', 'assessment.created']);
    expect(trail.at(-1)!.payload).toMatchObject({
      trigger: 'profile_changed',
      triggerDetail: 'profile changed: country, goods, migrant worker share',
    });
  });

  it('does not reassess when only fields the policy does not score change', async () => {
    const s = await createSupplier(officer, { name: 'Tagged Co' });
    const before = await scoringCounts(t);
    const res = await officer.patch(`/api/suppliers/${s.id}`, {
      tags: ['priority'],
      contacts: [{ name: 'Ana', email: 'ana@example.test' }],
      name: 'Tagged Co Ltd',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await scoringCounts(t)).assessments).toBe(before.assessments);
    expect(await history(officer, s.id)).toHaveLength(1);
  });

  it('does not reassess when a scored field is sent unchanged', async () => {
    const s = await createSupplier(officer, { name: 'Same Goods', goods: ['garments'] });
    const res = await officer.patch(`/api/suppliers/${s.id}`, { goods: ['garments'], tier: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(await assessmentRows(s.id)).toHaveLength(1);
  });

  it('reassesses on a headcount or parent change, in words', async () => {
    const parent = await createSupplier(officer, { name: 'Parent Spinner' });
    const s = await createSupplier(officer, { name: 'Child Weaver', tier: 2 });
    await officer.patch(`/api/suppliers/${s.id}`, { headcount: 40 });
    await officer.patch(`/api/suppliers/${s.id}`, { parentId: parent.id });
    const details = (await history(officer, s.id)).map((a) => a.triggerDetail);
    expect(details).toEqual([
      'profile changed: parent supplier',
      'profile changed: headcount',
      'supplier added',
    ]);
  });

  it('writes nothing when the change is refused (bad input, stale revision): no assessment either', async () => {
    const s = await createSupplier(officer, { name: 'Refused Change' });
    expect((await officer.patch(`/api/suppliers/${s.id}`, { tags: ['moved on'] })).statusCode).toBe(200);
    const before = await scoringCounts(t);
    const bad = await officer.patch(`/api/suppliers/${s.id}`, { migrantWorkerShare: 140 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('migrantWorkerShare');
    const stale = await officer.request(
      'PATCH',
      `/api/suppliers/${s.id}`,
      { country: 'TM' },
      { 'if-match': `"${s.revision}"` },
    );
    expect(stale.statusCode).toBe(409);
    expect(await scoringCounts(t)).toEqual(before);
  });

  it("another organisation's supplier is a 404 and is neither changed nor reassessed", async () => {
    const s = await createSupplier(officer, { name: 'Org A Only' });
    const before = await scoringCounts(t);
    const res = await officerB.patch(`/api/suppliers/${s.id}`, { country: 'TM' });
    expect(res.statusCode).toBe(404);
    expect(await scoringCounts(t)).toEqual(before);
    expect((await officer.get(`/api/suppliers/${s.id}`)).json().country).toBe('BD');
  });

  it('an archived supplier changed is not reassessed (archived suppliers leave scoring)', async () => {
    const s = await createSupplier(officer, { name: 'Archived Later' });
    expect((await officer.delete(`/api/suppliers/${s.id}`)).statusCode).toBe(200);
    const res = await officer.patch(`/api/suppliers/${s.id}`, { country: 'TM' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await assessmentRows(s.id)).toHaveLength(1);
  });

  it('with no published policy, the change is saved and nothing is assessed', async () => {
    const s = await createSupplier(officerB, { name: 'No Policy Yet' });
    await t.owner.execute(
      sql`update policies set status = 'retired' where org_id = ${t.orgB.id} and status = 'published'`,
    );
    try {
      const res = await officerB.patch(`/api/suppliers/${s.id}`, { country: 'TM' });
      expect(res.statusCode, res.body).toBe(200);
      const fresh = await createSupplier(officerB, { name: 'Created Without Policy' });
      expect(fresh.risk).toBeNull();
      const rows = await t.owner
        .select()
        .from(assessments)
        .where(and(eq(assessments.orgId, t.orgB.id), eq(assessments.supplierId, fresh.id)));
      expect(rows).toHaveLength(0);
      expect(await assessmentRows(s.id)).toHaveLength(1);
    } finally {
      await t.owner.execute(
        sql`update policies set status = 'published' where org_id = ${t.orgB.id} and version = 1`,
      );
    }
  });
});
