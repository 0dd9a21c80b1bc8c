import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../schemas/policy.js';
import { PolicyDocumentSchema } from '../../schemas/policy.js';
import { ratingRank, type SupplierProfile } from '../../schemas/suppliers.js';
import { normaliseGood } from '../reference/goods.js';
import { loadReferenceData } from '../reference/load-node.js';
import { sliceReference } from '../reference/lookup.js';
import type { CountryFacts, IlabListing, ReferenceData, TipTier } from '../reference/types.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { type CriterionAnswer, ENGINE_VERSION, score } from './score.js';
import {
  EXPANDS_ENGINE_VERSIONS,
  expandStoredResult,
  STORED_FORM,
  type StoredResult,
  toStoredResult,
} from './stored.js';

const ref = loadReferenceData();
const ORDERED_TIERS: TipTier[] = ['1', '2', '2WL', '3'];

// ---- arbitraries -------------------------------------------------------------------------------------------

const publishedGoods = [...new Set(ref.ilab.map((l) => l.good))];
const goodArb = fc.oneof(
  fc.constantFrom(...publishedGoods),
  fc.constantFrom(
    'apparel',
    'Cotton lint',
    'prawns',
    'palm',
    'palm oil',
    'solar panels',
    'organic cotton t-shirts',
    'seafood',
  ),
  fc.constantFrom('widgets', 'steel', 'software', ''),
  fc.string({ maxLength: 12 }),
);

const shareArb = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    fc.double({ min: 0, max: 100, noNaN: true }),
  ),
  { nil: null },
);

const profileArb: fc.Arbitrary<SupplierProfile> = fc.record({
  country: fc.constantFrom(...Object.keys(ref.countries), 'AQ', 'ZZ'),
  goods: fc.array(goodArb, { maxLength: 5 }),
  tier: fc.integer({ min: 1, max: 10 }),
  headcount: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  migrantWorkerShare: shareArb,
  agencyWorkerShare: shareArb,
});

const criterionKeys = [...DEFAULT_POLICY.criteria.map((c) => c.key), 'not_in_policy'];
const flagKeys = DEFAULT_POLICY.redFlags.map((f) => f.key);

const answerArb: fc.Arbitrary<CriterionAnswer> = fc
  .record({
    questionId: fc.constantFrom('q1', 'q2', 'q3', 'q4', 'q5', 'q6'),
    criterionKey: fc.constantFrom(...criterionKeys),
    answerLabel: fc.constantFrom('Yes', 'No', 'Partly'),
    maxPoints: fc.integer({ min: 1, max: 1000 }).map((n) => n / 100),
    share: fc.integer({ min: 0, max: 100 }),
    evidenceBacked: fc.boolean(),
    redFlag: fc.option(fc.constantFrom(...flagKeys), { nil: null }),
  })
  .map(({ share, ...a }) => ({ ...a, pointsEarned: Math.floor(a.maxPoints * share) / 100 }));

const answersArb = fc.array(answerArb, { maxLength: 12 });

const sortedInts = (n: number, min: number, max: number) =>
  fc
    .array(fc.integer({ min, max }), { minLength: n, maxLength: n })
    .map((xs) => [...xs].sort((a, b) => a - b));

const bandsArb = (start: number, maxFrom: number) =>
  fc
    .uniqueArray(fc.integer({ min: start + 1, max: maxFrom }), { maxLength: 5 })
    .chain((froms) =>
      sortedInts(froms.length + 1, 0, 30).map((points) =>
        [start, ...[...froms].sort((a, b) => a - b)].map((from, i) => ({ from, points: points[i]! })),
      ),
    );

/** Valid policies around the default: every number drawn, every ordering rule respected. */
const policyArb: fc.Arbitrary<PolicyDocument> = fc
  .record({
    tip: sortedInts(4, 0, 30),
    special: fc.integer({ min: 0, max: 30 }),
    gsi: bandsArb(0, 60),
    goodsBase: fc.integer({ min: 0, max: 10 }),
    goodsListed: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 4, maxLength: 4 }),
    migrant: bandsArb(0, 90),
    agency: bandsArb(0, 90),
    tier: bandsArb(1, 10),
    unknownExtra: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 6, maxLength: 6 }),
    weights: fc.array(fc.integer({ min: 0, max: 20 }), {
      minLength: DEFAULT_POLICY.criteria.length,
      maxLength: DEFAULT_POLICY.criteria.length,
    }),
    maxReduction: fc.integer({ min: 0, max: 100 }),
    bands: fc
      .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 })
      .map((b) => [...b].sort((x, y) => x - y)),
    evidence: sortedInts(2, 1, 100),
    confidence: fc.integer({ min: 0, max: 100 }),
    // The parameters added in engine 1.1.0, or none of them (a policy written before).
    v11: fc.option(
      fc.record({
        elsewhereExtra: fc.integer({ min: 0, max: 10 }),
        downstreamRule: fc.constantFrom('fixed' as const, 'worst_kind' as const),
        vulnerability: bandsArb(0, 90),
        response: bandsArb(0, 150),
        unknownExtra: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 2 }),
        floor: fc.option(
          fc.record({
            minRating: fc.constantFrom('medium' as const, 'high' as const, 'critical' as const),
            minCountryCoverage: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
          }),
        ),
      }),
    ),
  })
  .map((g) => {
    const d = structuredClone(DEFAULT_POLICY);
    const [u1, u2, u3, u4, u5, u6] = g.unknownExtra as [number, number, number, number, number, number];
    const [t1, t2, t2wl, t3] = g.tip as [number, number, number, number];
    d.inherent.tip.points = { '1': t1, '2': t2, '2WL': t2wl, '3': t3, special_case: g.special };
    d.inherent.tip.unknownPoints = Math.min(100, Math.min(t1, g.special) + u1);
    d.inherent.gsi = { ...d.inherent.gsi, bands: g.gsi, unknownPoints: g.gsi[0]!.points + u2 };
    const [fl, fcl, cl, ds] = g.goodsListed.map((p) => g.goodsBase + p) as [number, number, number, number];
    d.inherent.goods = {
      ...d.inherent.goods,
      forcedLabourPoints: fl,
      forcedChildLabourPoints: fcl,
      childLabourPoints: cl,
      downstreamInputPoints: ds,
      notListedPoints: g.goodsBase,
      unknownGoodPoints: g.goodsBase + u3,
      noGoodsPoints: g.goodsBase + u4,
    };
    delete d.inherent.goods.listedElsewherePoints;
    delete d.inherent.goods.downstreamRule;
    delete d.inherent.gsiVulnerability;
    delete d.inherent.gsiGovernmentResponse;
    delete d.unknownData;
    if (g.v11) {
      const v = g.v11;
      const elsewhere = g.goodsBase + u3 + v.elsewhereExtra;
      const [pfl, pfcl, pcl, pds] = g.goodsListed as [number, number, number, number];
      d.inherent.goods = {
        ...d.inherent.goods,
        forcedLabourPoints: elsewhere + pfl,
        forcedChildLabourPoints: elsewhere + pfcl,
        childLabourPoints: elsewhere + pcl,
        downstreamInputPoints: elsewhere + pds,
        noGoodsPoints: g.goodsBase + u3 + u4,
        listedElsewherePoints: elsewhere,
        downstreamRule: v.downstreamRule,
      };
      const [uv, ur] = v.unknownExtra as [number, number];
      d.inherent.gsiVulnerability = {
        ...DEFAULT_POLICY.inherent.gsiVulnerability!,
        bands: v.vulnerability,
        unknownPoints: v.vulnerability[0]!.points + uv,
      };
      d.inherent.gsiGovernmentResponse = {
        ...DEFAULT_POLICY.inherent.gsiGovernmentResponse!,
        bands: v.response,
        unknownPoints: v.response[0]!.points + ur,
      };
      if (v.floor) d.unknownData = v.floor;
    }
    d.inherent.migrantShare = {
      ...d.inherent.migrantShare,
      bands: g.migrant,
      unknownPoints: g.migrant[0]!.points + u5,
    };
    d.inherent.agencyShare = {
      ...d.inherent.agencyShare,
      bands: g.agency,
      unknownPoints: g.agency[0]!.points + u6,
    };
    d.inherent.supplierTier = { ...d.inherent.supplierTier, bands: g.tier };
    const weights = g.weights.some((w) => w > 0) ? g.weights : g.weights.map(() => 1);
    d.criteria = d.criteria.map((c, i) => ({ ...c, weight: weights[i]! }));
    d.residual.maxReduction = g.maxReduction / 100;
    d.ratingBands = { medium: g.bands[0]!, high: g.bands[1]!, critical: g.bands[2]! };
    d.evidenceWeighting = { selfDeclared: g.evidence[0]! / 100, evidenceBacked: g.evidence[1]! / 100 };
    d.confidence = { referenceDataWeight: g.confidence / 100, answersWeight: (100 - g.confidence) / 100 };
    return d;
  });

const anyPolicyArb = fc.oneof(fc.constant(DEFAULT_POLICY), policyArb);

// ---- helpers -----------------------------------------------------------------------------------------------

const withCountry = (base: ReferenceData, iso2: string, facts: CountryFacts): ReferenceData => ({
  ...base,
  countries: { ...base.countries, [iso2]: facts },
});

const jsonbLike = (value: unknown): unknown => {
  // PostgreSQL jsonb does not keep key order: re-key every object in a different order.
  if (Array.isArray(value)) return value.map(jsonbLike);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.length - b.length || (a < b ? 1 : -1));
    return Object.fromEntries(entries.map(([k, v]) => [k, jsonbLike(v)]));
  }
  return value;
};

/** Every number in a JSON value. */
const numbersIn = (value: unknown): number[] =>
  typeof value === 'number'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(numbersIn)
      : [];

// ---- properties --------------------------------------------------------------------------------------------

describe('score properties', () => {
  it('generates only valid policies', () => {
    fc.assert(
      fc.property(policyArb, (p) => PolicyDocumentSchema.safeParse(p).success),
      { numRuns: 200 },
    );
  });

  it('keeps every score within 0–100, confidence within 0–1, and every number to 2 decimals', () => {
    fc.assert(
      fc.property(anyPolicyArb, profileArb, answersArb, (policy, profile, answers) => {
        const r = score(policy, profile, answers, ref);
        for (const s of [r.inherent.score, r.control.score, r.residual.score]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
        expect(r.confidence.value).toBeGreaterThanOrEqual(0);
        expect(r.confidence.value).toBeLessThanOrEqual(1);
        for (const c of r.control.criteria) {
          expect(c.effectiveness).toBeGreaterThanOrEqual(0);
          expect(c.effectiveness).toBeLessThanOrEqual(100);
        }
        expect(r.residual.score).toBeLessThanOrEqual(r.inherent.score);
        expect(numbersIn(r).filter((n) => Math.round(n * 100) / 100 !== n)).toEqual([]);
        expect(ratingRank(r.rating)).toBeGreaterThanOrEqual(ratingRank(r.ratingFromScore));
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the rating when an answer raises a red flag', () => {
    fc.assert(
      fc.property(
        anyPolicyArb,
        profileArb,
        answersArb,
        answerArb,
        fc.constantFrom(...flagKeys),
        (policy, profile, answers, extra, flag) => {
          const without = score(policy, profile, [...answers, { ...extra, redFlag: null }], ref);
          const withFlag = score(policy, profile, [...answers, { ...extra, redFlag: flag }], ref);
          expect(ratingRank(withFlag.rating)).toBeGreaterThanOrEqual(ratingRank(without.rating));
          expect(withFlag.residual.score).toBe(without.residual.score);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never raises residual risk when an answer gets better', () => {
    const improvementArb = fc.record({
      index: fc.nat(),
      share: fc.integer({ min: 0, max: 100 }),
      evidence: fc.boolean(),
      dropFlag: fc.boolean(),
    });
    fc.assert(
      fc.property(
        anyPolicyArb,
        profileArb,
        answersArb.filter((a) => a.length > 0),
        improvementArb,
        (policy, profile, answers, imp) => {
          const i = imp.index % answers.length;
          const a = answers[i]!;
          const better: CriterionAnswer = {
            ...a,
            pointsEarned: a.pointsEarned + Math.floor((a.maxPoints - a.pointsEarned) * imp.share) / 100,
            evidenceBacked: a.evidenceBacked || imp.evidence,
            redFlag: imp.dropFlag ? null : a.redFlag,
          };
          const before = score(policy, profile, answers, ref);
          const after = score(policy, profile, answers.with(i, better), ref);
          expect(after.control.score).toBeGreaterThanOrEqual(before.control.score);
          expect(after.residual.score).toBeLessThanOrEqual(before.residual.score);
          expect(ratingRank(after.rating)).toBeLessThanOrEqual(ratingRank(before.rating));
        },
      ),
    );
  });

  it('never lowers inherent risk for a riskier country', () => {
    const knownCountries = Object.values(ref.countries).filter(
      (c) => c.tip && ORDERED_TIERS.includes(c.tip.tier) && c.gsi?.prevalencePer1000 != null,
    );
    fc.assert(
      fc.property(
        anyPolicyArb,
        profileArb,
        fc.constantFrom(...knownCountries),
        fc.nat({ max: 3 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (policy, profile, facts, tierSteps, extraPrevalence, extraVulnerability, weakerResponse) => {
          const p = { ...profile, country: facts.iso2 };
          const tierIndex = Math.min(3, ORDERED_TIERS.indexOf(facts.tip!.tier) + tierSteps);
          const riskier: CountryFacts = {
            ...facts,
            tip: { ...facts.tip!, tier: ORDERED_TIERS[tierIndex]! },
            gsi: {
              ...facts.gsi!,
              prevalencePer1000: facts.gsi!.prevalencePer1000! + extraPrevalence / 100,
              // More vulnerable, and a weaker government response (lower score) are both riskier.
              vulnerability:
                facts.gsi!.vulnerability === null
                  ? null
                  : Math.min(100, facts.gsi!.vulnerability + extraVulnerability / 100),
              governmentResponse:
                facts.gsi!.governmentResponse === null
                  ? null
                  : facts.gsi!.governmentResponse - weakerResponse / 100,
            },
          };
          const before = score(policy, p, [], ref);
          const after = score(policy, p, [], withCountry(ref, facts.iso2, riskier));
          expect(after.inherent.score).toBeGreaterThanOrEqual(before.inherent.score);
        },
      ),
    );
  });

  it('never lowers inherent risk when a good is added or listed for the country', () => {
    fc.assert(
      fc.property(
        anyPolicyArb,
        profileArb.filter((p) => p.goods.length > 0),
        goodArb,
        fc.constantFrom(...publishedGoods),
        fc.record({
          childLabor: fc.boolean(),
          forcedLabor: fc.boolean(),
          forcedChildLabor: fc.boolean(),
          downstream: fc.boolean(),
        }),
        (policy, someProfile, extraGood, good, flags) => {
          const base = score(policy, someProfile, [], ref);
          // one more good: the goods factor is the riskiest good, so it cannot fall
          const more = score(policy, { ...someProfile, goods: [...someProfile.goods, extraGood] }, [], ref);
          expect(more.inherent.score).toBeGreaterThanOrEqual(base.inherent.score);
          // a good on the list (for some country) becomes listed for this one, or gains a row
          const profile = { ...someProfile, goods: [...someProfile.goods, good] };
          const before = score(policy, profile, [], ref);
          const row: IlabListing = {
            iso2: profile.country,
            good,
            goodKey: normaliseGood(good),
            sector: 'Other',
            childLabor:
              flags.childLabor || !(flags.forcedLabor || flags.forcedChildLabor || flags.downstream),
            forcedLabor: flags.forcedLabor,
            forcedChildLabor: flags.forcedChildLabor,
            basis: flags.downstream ? 'downstream_input' : 'direct',
            inputIso2: null,
            edition: '2022',
            removedIn2024Edition: false,
            note: null,
          };
          const listed = score(policy, profile, [], { ...ref, ilab: [...ref.ilab, row] });
          expect(listed.inherent.score).toBeGreaterThanOrEqual(before.inherent.score);
        },
      ),
    );
  });

  it('is deterministic, whatever the answer order and however the inputs were copied', () => {
    fc.assert(
      fc.property(
        anyPolicyArb,
        profileArb,
        answersArb,
        fc.infiniteStream(fc.nat()),
        (policy, profile, answers, stream) => {
          const first = JSON.stringify(score(policy, profile, answers, ref));
          expect(JSON.stringify(score(policy, profile, answers, ref))).toBe(first);
          const keys = [...stream.take(answers.length)];
          const shuffled = answers
            .map((a, i) => ({ a, k: keys[i]! }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.a);
          expect(JSON.stringify(score(policy, profile, shuffled, ref))).toBe(first);
          const copy = jsonbLike(JSON.parse(JSON.stringify({ policy, profile, answers }))) as {
            policy: PolicyDocument;
            profile: SupplierProfile;
            answers: CriterionAnswer[];
          };
          expect(JSON.stringify(score(copy.policy, copy.profile, copy.answers, ref))).toBe(first);
        },
      ),
    );
  });

  it('scores a stored slice of the reference data exactly as the full data', () => {
    fc.assert(
      fc.property(anyPolicyArb, profileArb, answersArb, (policy, profile, answers) => {
        const full = JSON.stringify(score(policy, profile, answers, ref));
        const slice = sliceReference(ref, profile);
        expect(JSON.stringify(score(policy, profile, answers, slice))).toBe(full);
        // as read back from a jsonb column
        const stored = jsonbLike(JSON.parse(JSON.stringify(slice))) as ReferenceData;
        expect(JSON.stringify(score(policy, profile, answers, stored))).toBe(full);
      }),
      { numRuns: 500 },
    );
  });

  it('stores a result in a smaller form that expands back to it byte for byte', () => {
    fc.assert(
      fc.property(anyPolicyArb, profileArb, answersArb, (policy, profile, answers) => {
        const result = score(policy, profile, answers, ref);
        const storedText = JSON.stringify(toStoredResult(policy, result));
        const readBack = JSON.parse(storedText) as StoredResult;
        expect(readBack.storedForm).toBe(STORED_FORM);
        expect(JSON.stringify(expandStoredResult(policy, readBack))).toBe(JSON.stringify(result));
        // Only lines with answers are kept: an unanswered criterion is the policy's own text.
        expect(readBack.control.criteria.every((c) => c.answers.length > 0)).toBe(true);
        expect(storedText.length).toBeLessThanOrEqual(JSON.stringify(result).length + 40);
      }),
      { numRuns: 500 },
    );
  });

  it('stores compactly only what this engine version can expand again', () => {
    // Bumping ENGINE_VERSION? If unanswered lines or gap messages changed, older rows must still expand as
    // they were written: add a stored form for the new version rather than moving this one.
    expect(EXPANDS_ENGINE_VERSIONS).toContain(ENGINE_VERSION);
    const profile = {
      country: 'CN',
      goods: [],
      tier: 1,
      headcount: null,
      migrantWorkerShare: null,
      agencyWorkerShare: null,
    };
    const older = { ...score(DEFAULT_POLICY, profile, [], ref), engineVersion: '0.9.0' };
    expect(toStoredResult(DEFAULT_POLICY, older)).toBe(older);
    const stored = toStoredResult(DEFAULT_POLICY, score(DEFAULT_POLICY, profile, [], ref));
    expect(
      expandStoredResult(DEFAULT_POLICY, { ...stored, engineVersion: '0.9.0' }).control.criteria,
    ).toEqual([]);
    // Rows written by 1.0.0 (before the goods synonym table '2') still expand as they were written.
    const full = score(DEFAULT_POLICY, profile, [], ref);
    const v100 = { ...toStoredResult(DEFAULT_POLICY, full), engineVersion: '1.0.0' };
    expect(v100.storedForm).toBe(STORED_FORM);
    expect(expandStoredResult(DEFAULT_POLICY, v100)).toEqual({ ...full, engineVersion: '1.0.0' });
  });

  it('keeps a result whole when it is not in the form the policy gives (another policy, edited by hand)', () => {
    const profile = {
      country: 'CN',
      goods: ['cotton'],
      tier: 1,
      headcount: null,
      migrantWorkerShare: null,
      agencyWorkerShare: null,
    };
    const result = score(DEFAULT_POLICY, profile, [], ref);
    const other = structuredClone(DEFAULT_POLICY);
    other.criteria = other.criteria.slice(1);
    expect(toStoredResult(other, result)).toBe(result);
    const renamed = structuredClone(DEFAULT_POLICY);
    renamed.criteria[0]!.name = 'Renamed';
    expect(toStoredResult(renamed, result)).toBe(result);
    const reweighted = structuredClone(DEFAULT_POLICY);
    [reweighted.criteria[0]!.weight, reweighted.criteria[1]!.weight] = [5, 3];
    expect(toStoredResult(reweighted, result)).toBe(result);
    expect(expandStoredResult(DEFAULT_POLICY, result)).toBe(result);
  });
});
