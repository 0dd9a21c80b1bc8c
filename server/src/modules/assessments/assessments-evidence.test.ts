import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseGood } from '#shared/domain/reference/goods.js';
import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import type { Policy } from '#shared/schemas/policy.js';
import { setupTestApp, type TestContext } from '../../../test/app.js';
import { createSupplier } from '../../../test/factories.js';
import { reproduce } from './assessments.engine.js';

// Issue 8, defect 8: for a good the ILAB list has only for other countries, the stored slice keeps what proves
// the supplier's country is not listed: every country the list has the good for.

const ref = loadReferenceData();
let t: TestContext;

beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t?.close());

/** Every country the shipped ILAB list has the good for, sorted. */
const countriesListing = (goodKey: string) =>
  [...new Set(ref.ilab.filter((l) => l.goodKey === goodKey).map((l) => l.iso2))].sort();

describe('a good listed only for other countries', () => {
  it('is stored with the countries it is listed for, none of them the supplier’s, and re-runs to its hash', async () => {
    const officer = await t.login(t.orgA.officer);
    const s = await createSupplier(officer, {
      name: 'Leeds Cotton Mills',
      country: 'GB',
      goods: ['raw cotton', 'palm oil', 'garments'],
      headcount: 120,
      migrantWorkerShare: 10,
      agencyWorkerShare: 5,
    });
    const res = await officer.get(`/api/suppliers/${s.id}/assessments`);
    expect(res.statusCode, res.body).toBe(200);
    const [a] = res.json().items as Assessment[];
    expect(a).toBeDefined();
    const { inputs, result } = a!;

    // The supplier's country, as the engine read it and as the breakdown names it.
    expect(inputs.profile.country).toBe('GB');
    const goods = result.inherent.factors.find((f) => f.key === 'ilab_goods')!.goods!;
    expect(goods.map((g) => [g.input, g.status])).toEqual([
      ['raw cotton', 'not_listed'],
      ['palm oil', 'not_listed'],
      ['garments', 'not_listed'],
    ]);
    for (const g of goods) expect(g.detail).toMatch(/for other countries, not for United Kingdom$/);

    // Every country each good is listed for, from the full list: the United Kingdom is not among them.
    const palmKeys = [...new Set(ref.ilab.map((l) => l.goodKey))].filter((k) => k.startsWith('palm'));
    const elsewhere = inputs.reference.ilabListedElsewhere ?? [];
    const byGood = new Map(elsewhere.map((e) => [e.goodKey, e.listedFor]));
    expect(byGood.get('cotton')).toEqual(countriesListing('cotton'));
    expect(byGood.get('garment')).toEqual(countriesListing('garment'));
    expect(byGood.get('cotton')).toContain('TM');
    const palm = elsewhere.filter((e) => palmKeys.includes(e.goodKey));
    expect(palm.length).toBeGreaterThan(0);
    for (const e of palm) expect(e.listedFor).toEqual(countriesListing(e.goodKey));
    expect(palm.flatMap((e) => e.listedFor)).toEqual(expect.arrayContaining(['MY', 'ID']));
    for (const e of elsewhere) {
      expect(e.listedFor.length, e.goodKey).toBeGreaterThan(0);
      expect(e.listedFor, e.goodKey).not.toContain('GB');
    }
    // No ILAB row for the supplier's country: the rows kept only prove each good is on the list somewhere.
    expect(inputs.reference.ilab.some((l) => l.iso2 === 'GB')).toBe(false);
    expect(normaliseGood('raw cotton')).toBe('cotton');

    // The stored inputs, re-run under the policy the assessment names, give its stored hash.
    const admin = await t.login(t.orgA.admin);
    const policies = (await admin.get('/api/policies')).json().items as Policy[];
    const policy = policies.find((p) => p.id === a!.policyId)!;
    expect(reproduce(policy.document, inputs).sha256).toBe(a!.resultSha256);
  });
});
