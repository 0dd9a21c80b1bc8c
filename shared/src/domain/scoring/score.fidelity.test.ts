import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../schemas/policy.js';
import type { SupplierProfile } from '../../schemas/suppliers.js';
import { loadReferenceData } from '../reference/load-node.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { type AssessmentResult, type CriterionAnswer, score } from './score.js';

// Issue 8, fidelity defects 2, 3, 4, 6 and 7: each case below failed on engine 1.0.0 with its default policy.

const ref = loadReferenceData();

const profile = (over: Partial<SupplierProfile>): SupplierProfile => ({
  country: 'GB',
  goods: [],
  tier: 1,
  headcount: 100,
  migrantWorkerShare: 0,
  agencyWorkerShare: 0,
  ...over,
});
const run = (p: SupplierProfile, answers: CriterionAnswer[] = [], policy = DEFAULT_POLICY) =>
  score(policy, p, answers, ref);
const points = (r: AssessmentResult, key: string) => r.inherent.factors.find((f) => f.key === key)!.points;

/** Every criterion answered in full with accepted evidence: control 100, the most a policy can reduce. */
const fullControl: CriterionAnswer[] = DEFAULT_POLICY.criteria.map((c) => ({
  questionId: `q_${c.key}`,
  criterionKey: c.key,
  answerLabel: 'Yes, evidenced',
  pointsEarned: 10,
  maxPoints: 10,
  evidenceBacked: true,
}));

/** The default policy as written before engine 1.1.0 would read it: none of the new parameters. */
const withoutNewParameters = (): PolicyDocument => {
  const d = structuredClone(DEFAULT_POLICY);
  delete d.inherent.goods.listedElsewherePoints;
  delete d.inherent.goods.downstreamRule;
  delete d.inherent.gsiVulnerability;
  delete d.inherent.gsiGovernmentResponse;
  delete d.unknownData;
  return d;
};

describe('defect 2: a good listed only for other countries', () => {
  it('never scores below a good listed nowhere', () => {
    const elsewhere = run(profile({ goods: ['garments'] }));
    const nowhere = run(profile({ goods: ['software'] }));
    expect(elsewhere.inherent.factors.find((f) => f.key === 'ilab_goods')!.goods![0]!.status).toBe(
      'not_listed',
    );
    expect(points(elsewhere, 'ilab_goods')).toBe(18);
    expect(points(nowhere, 'ilab_goods')).toBe(15);
  });

  it('rates the UK garment maker (55% migrant, 40% agency) above a Canadian software firm', () => {
    const uk = run(
      profile({ country: 'GB', goods: ['garments'], migrantWorkerShare: 55, agencyWorkerShare: 40 }),
    );
    const ca = run(profile({ country: 'CA', goods: ['software'], migrantWorkerShare: 10 }));
    // GB: tier 1 (0), GSI 1.8 (0), vulnerability 14 (0), response 68 (0), garments elsewhere (18),
    // 55% migrant (8), 40% agency (6), tier 1 (0) = 32
    expect(uk.inherent.points).toBe(32);
    expect(uk.rating).toBe('medium');
    // CA: response 60, 40 below a full response (1), software unknown (15), 10% migrant (4) = 20
    expect(ca.inherent.points).toBe(20);
    expect(uk.residual.score).toBeGreaterThan(ca.residual.score);
  });

  it('keeps the old meaning for a policy without listedElsewherePoints', () => {
    expect(points(run(profile({ goods: ['garments'] }), [], withoutNewParameters()), 'ilab_goods')).toBe(0);
  });
});

describe('defect 3: unknown data never yields low', () => {
  it.each(['AQ', 'PS', 'PR', 'GL', 'LI'])('%s with garments is not low, with or without answers', (iso) => {
    const plain = run(profile({ country: iso, goods: ['garments'] }));
    expect(plain.rating).not.toBe('low');
    const controlled = run(profile({ country: iso, goods: ['garments'] }), fullControl);
    expect(controlled.ratingFromScore).toBe('low');
    expect(controlled.rating).toBe('medium');
    expect(controlled.ratingFloor).toMatchObject({ kind: 'unknown_data', minRating: 'medium' });
    expect(controlled.ratingFloor!.countryCoverage).toBeLessThan(0.5);
  });

  it('says why, in numbers and one sentence', () => {
    const r = run(profile({ country: 'AQ', goods: ['garments'] }), fullControl);
    // 42 × (1 − 0.7 × 100 / 100) = 12.6: low by score; no country datum known.
    expect(r.residual.score).toBe(12.6);
    expect(r.ratingFloor).toEqual({
      kind: 'unknown_data',
      minRating: 'medium',
      countryCoverage: 0,
      minCountryCoverage: 0.5,
      reason:
        'Insufficient data: the published country data is known for 0% of its risk points (the policy asks for 50%), and unknown data is never rated below medium',
    });
  });

  it('does not touch a supplier whose data is fully known', () => {
    const r = run(profile({ country: 'GB', goods: ['garments'] }), fullControl);
    expect(r.confidence.referenceData).toBe(1);
    expect(r.rating).toBe('low');
    expect(r.ratingFloor).toBeNull();
  });

  it('reports no floor when the rating is already at or above it', () => {
    expect(run(profile({ country: 'AQ', goods: ['garments'] })).ratingFloor).toBeNull();
  });

  it('sets no floor for a policy without unknownData', () => {
    const r = run(profile({ country: 'AQ', goods: ['garments'] }), fullControl, withoutNewParameters());
    expect(r.rating).toBe('low');
    expect(r.ratingFloor).toBeNull();
  });
});

describe('defect 4: a downstream good is never rated below its listed input', () => {
  const polysilicon = run(profile({ country: 'CN', goods: ['polysilicon'] }));
  it.each([
    'solar modules',
    'solar cells',
    'photovoltaic wafers',
    'photovoltaic ingots',
    'lithium-ion batteries',
  ])('China %s', (good) => {
    const r = run(profile({ country: 'CN', goods: [good] }));
    expect(points(r, 'ilab_goods')).toBe(35);
    expect(points(r, 'ilab_goods')).toBeGreaterThanOrEqual(points(polysilicon, 'ilab_goods'));
    expect(r.residual.score).toBe(polysilicon.residual.score);
  });

  it('keeps fixed downstream points when the policy says so (or is older)', () => {
    const fixed = structuredClone(DEFAULT_POLICY);
    fixed.inherent.goods.downstreamRule = 'fixed';
    // Lithium-ion batteries: listed only as downstream of cobalt (the solar goods match as one family with
    // polysilicon since goods synonym table 2, so they earn its 35 under any rule).
    const batteries = profile({ country: 'CN', goods: ['lithium-ion batteries'] });
    expect(points(run(batteries, [], fixed), 'ilab_goods')).toBe(20);
    const older = run(batteries, [], withoutNewParameters());
    expect(points(older, 'ilab_goods')).toBe(20);
  });
});

describe('defect 6: workforce shares scale over the whole range', () => {
  it.each<[number, number]>([
    [0, 0],
    [9.99, 0],
    [10, 4],
    [25, 6],
    [50, 8],
    [75, 9],
    [90, 10],
    [100, 10],
  ])('%s%% agency workers earn %s points', (share, expected) => {
    expect(points(run(profile({ agencyWorkerShare: share })), 'agency_share')).toBe(expected);
    expect(points(run(profile({ migrantWorkerShare: share })), 'migrant_share')).toBe(expected);
  });

  it('scores 100% agency workers above 50%', () => {
    const half = run(profile({ agencyWorkerShare: 50 }));
    const all = run(profile({ agencyWorkerShare: 100 }));
    expect(all.inherent.score).toBeGreaterThan(half.inherent.score);
  });
});

describe('defect 7: the GSI vulnerability and government-response scores are used', () => {
  it('scores a more vulnerable country and a weaker government response higher', () => {
    // North Korea: vulnerability 67 (4), response −3, 103 below a full response (5).
    const kp = run(profile({ country: 'KP' }));
    expect(points(kp, 'gsi_vulnerability')).toBe(4);
    expect(points(kp, 'gsi_government_response')).toBe(5);
    // UK: vulnerability 14 (0), response 68, 32 below (0).
    const gb = run(profile({ country: 'GB' }));
    expect(points(gb, 'gsi_vulnerability')).toBe(0);
    expect(points(gb, 'gsi_government_response')).toBe(0);
  });

  it('never counts an unknown score as the lowest risk', () => {
    // Afghanistan has no government-response score; Iceland no vulnerability score.
    const af = run(profile({ country: 'AF' }));
    expect(af.inherent.factors.find((f) => f.key === 'gsi_government_response')).toMatchObject({
      value: null,
      points: 3,
      known: 0,
    });
    expect(af.dataGaps.map((g) => g.key)).toContain('gsi-2023:AF:government_response');
  });

  it('leaves both out for a policy written before engine 1.1.0', () => {
    const r = run(profile({ country: 'KP' }), [], withoutNewParameters());
    expect(r.inherent.factors.map((f) => f.key)).toEqual([
      'tip_tier',
      'gsi_prevalence',
      'ilab_goods',
      'migrant_share',
      'agency_share',
      'supplier_tier',
    ]);
  });
});
