import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy, PolicyDocument } from '#shared/schemas/policy.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, waitForJob } from '../../../test/factories.js';
import { assessments } from '../../db/schema/scoring.js';

// A rescore commits batch by batch with two transactions overlapping (the next batch is scored while the
// previous one appends its audit events and commits). Batches of 2 here, so 7 suppliers take 4 of them.

let t: TestContext;
let admin: Client;
const created: Supplier[] = [];

beforeAll(async () => {
  t = await setupTestApp({ rescoreBatch: 2 });
  admin = await t.login(t.orgA.admin);
  const officer = await t.login(t.orgA.officer);
  for (let i = 0; i < 7; i++) created.push(await createSupplier(officer, { name: `Batch Site ${i}` }));
});
afterAll(() => t?.close());

describe('rescore in overlapping batches', () => {
  it('assesses every supplier once, with one audit event each, in an unbroken chain', async () => {
    const policy: Policy = (await admin.get('/api/policies')).json().items[0];
    const draft: Policy = (await admin.post('/api/policies', { basedOn: policy.id, name: 'v2' })).json();
    const published = await admin.post(`/api/policies/${draft.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const job = await waitForJob(admin, published.json().job.id);
    expect(job.status).toBe('succeeded');
    expect(job.progress).toMatchObject({ done: 7, total: 7 });

    const rescored = await t.owner
      .select()
      .from(assessments)
      .where(and(eq(assessments.orgId, t.orgA.id), eq(assessments.trigger, 'policy_published')));
    expect(rescored.map((a) => a.supplierId).sort()).toEqual(created.map((s) => s.id).sort());
    expect(new Set(rescored.map((a) => a.policyVersion))).toEqual(new Set([2]));

    // One event per assessment, and the chain links up across the batches' transactions.
    const events = (await auditOf(t, t.orgA.id)).filter(
      (e) => e.action === 'assessment.created' && rescored.some((a) => a.id === e.entityId),
    );
    expect(events).toHaveLength(7);
    const verify = await admin.get('/api/audit-events/verify');
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true });

    // Each supplier's current risk is the rescore's assessment.
    for (const s of created) {
      const now: Supplier = (await admin.get(`/api/suppliers/${s.id}`)).json();
      expect(rescored.find((a) => a.supplierId === s.id)?.id).toBe(now.risk?.assessmentId);
    }
  });

  it('recomputes chain risk when ratings move, and leaves it as it is when none did', async () => {
    const officer = await t.login(t.orgA.officer);
    const top = await createSupplier(officer, { name: 'Chain Top', country: 'DE', goods: [] });
    const below = await createSupplier(officer, {
      name: 'Chain Below',
      country: 'DE',
      goods: ['garments'],
      parentId: top.id,
      tier: 2,
    });
    const chainOf = async (id: string) => (await admin.get(`/api/suppliers/${id}`)).json().chainRisk;
    const publish = async (bands?: PolicyDocument['ratingBands']) => {
      const current: Policy = (await admin.get('/api/policies'))
        .json()
        .items.find((p: Policy) => p.status === 'published');
      const draft: Policy = (await admin.post('/api/policies', { basedOn: current.id, name: 'next' })).json();
      if (bands) {
        const res = await admin.patch(`/api/policies/${draft.id}`, {
          document: { ...draft.document, ratingBands: bands },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const published = await admin.post(`/api/policies/${draft.id}/publish`);
      expect(published.statusCode, published.body).toBe(200);
      expect((await waitForJob(admin, published.json().job.id)).status).toBe('succeeded');
    };
    const before = await chainOf(top.id);
    expect(before).toMatchObject({ supplierId: below.id });
    // Nothing moves: the chain risk stays what it was, and right.
    await publish();
    expect(await chainOf(top.id)).toEqual(before);
    // Every band lower: ratings rise, and the top's chain risk follows the supplier below it.
    await publish({ medium: 1, high: 2, critical: 3 });
    const belowNow: Supplier = (await admin.get(`/api/suppliers/${below.id}`)).json();
    expect(belowNow.risk?.rating).toBe('critical');
    expect(await chainOf(top.id)).toMatchObject({ supplierId: below.id, rating: 'critical' });
    expect(before.rating).not.toBe('critical');
  });
});
