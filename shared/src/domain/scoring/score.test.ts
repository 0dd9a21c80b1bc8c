import { describe, expect, it } from 'vitest';
import type { SupplierProfile } from '../../schemas/suppliers.js';
import { loadReferenceData } from '../reference/load-node.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { type CriterionAnswer, ENGINE_VERSION, score } from './score.js';
import { AssessmentResultSchema, CriterionAnswerSchema } from './types.js';

const ref = loadReferenceData();

const profile = (over: Partial<SupplierProfile> = {}): SupplierProfile => ({
  country: 'BD',
  goods: ['Garments'],
  tier: 1,
  headcount: 500,
  migrantWorkerShare: 0,
  agencyWorkerShare: 0,
  ...over,
});

const answer = (over: Partial<CriterionAnswer> = {}): CriterionAnswer => ({
  questionId: 'q1',
  criterionKey: 'grievance_mechanism',
  answerLabel: 'Yes',
  pointsEarned: 10,
  maxPoints: 10,
  evidenceBacked: true,
  ...over,
});

const factor = (r: ReturnType<typeof score>, key: string) => r.inherent.factors.find((f) => f.key === key)!;

describe('score with no answers (before questionnaires)', () => {
  const r = score(DEFAULT_POLICY, profile(), [], ref);

  it('has control 0, residual equal to inherent, and every criterion as a gap', () => {
    expect(r.control.score).toBe(0);
    expect(r.residual.score).toBe(r.inherent.score);
    expect(r.control.criteria).toHaveLength(DEFAULT_POLICY.criteria.length);
    expect(r.control.criteria.every((c) => c.gap && c.effectiveness === 0 && c.answers.length === 0)).toBe(
      true,
    );
    const criterionGaps = r.dataGaps.filter((g) => g.kind === 'criterion').map((g) => g.key);
    expect(criterionGaps).toEqual(DEFAULT_POLICY.criteria.map((c) => c.key));
    expect(r.confidence.answers).toBe(0);
  });

  it('explains inherent risk factor by factor, with the dataset editions', () => {
    // BD: Tier 2 (8) + GSI 7.1 per 1,000 (5) + vulnerability 58 (2) + government response 49, 51 below a
    // full response (2) + garments listed for forced labour (35) + 0 + 0 + tier 1 (0)
    expect(r.inherent.factors.map((f) => [f.key, f.points, f.maxPoints])).toEqual([
      ['tip_tier', 8, 20],
      ['gsi_prevalence', 5, 10],
      ['gsi_vulnerability', 2, 5],
      ['gsi_government_response', 2, 5],
      ['ilab_goods', 35, 35],
      ['migrant_share', 0, 10],
      ['agency_share', 0, 10],
      ['supplier_tier', 0, 5],
    ]);
    expect(r.inherent).toMatchObject({
      score: 52,
      points: 52,
      maxPoints: 100,
      formula: '100 × 52 / 100 = 52',
    });
    expect(factor(r, 'gsi_government_response')).toMatchObject({
      value: 49,
      detail: 'Bangladesh: government response 49%, 51 below a full response (GSI 2023)',
    });
    expect(factor(r, 'tip_tier')).toMatchObject({
      value: '2',
      dataset: 'us-tip-2025',
      detail: 'Bangladesh: Tier 2 (TIP 2025)',
    });
    expect(factor(r, 'ilab_goods').goods![0]!.listings[0]!.description).toBe(
      'Garments from Bangladesh: listed for forced labour and child labour (ILAB 2022)',
    );
    expect(r.datasets).toEqual([
      { id: 'gsi-2023', edition: '2023' },
      { id: 'ilab-2022', edition: '2022' },
      { id: 'ilo-indicators-2012', edition: '2012' },
      { id: 'us-tip-2025', edition: '2025' },
    ]);
    expect(r).toMatchObject({
      engineVersion: ENGINE_VERSION,
      rating: 'high',
      ratingFromScore: 'high',
      reassessmentMonths: 12,
    });
  });

  it('produces what AssessmentResultSchema describes', () => {
    expect(AssessmentResultSchema.parse(r)).toEqual(r);
  });
});

describe('unknown data is a gap, never low risk', () => {
  it('scores a country no dataset covers as unknown on both country factors', () => {
    const known = score(DEFAULT_POLICY, profile({ country: 'DK', goods: ['cotton'] }), [], ref);
    const unknown = score(DEFAULT_POLICY, profile({ country: 'AQ', goods: ['cotton'] }), [], ref);
    expect(factor(unknown, 'tip_tier')).toMatchObject({ value: null, points: 12, known: 0 });
    expect(factor(unknown, 'gsi_prevalence')).toMatchObject({ value: null, points: 6, known: 0 });
    expect(factor(unknown, 'gsi_vulnerability')).toMatchObject({ value: null, points: 3, known: 0 });
    expect(factor(unknown, 'gsi_government_response')).toMatchObject({ value: null, points: 3, known: 0 });
    expect(unknown.dataGaps.filter((g) => g.kind === 'country')).toEqual([
      {
        kind: 'country',
        key: 'us-tip-2025:AQ',
        message: 'TIP 2025 has no tier for Antarctica; counted as unknown',
      },
      {
        kind: 'country',
        key: 'gsi-2023:AQ',
        message: 'GSI 2023 has no prevalence estimate for Antarctica; counted as unknown',
      },
      {
        kind: 'country',
        key: 'gsi-2023:AQ:vulnerability',
        message: 'GSI 2023 has no vulnerability score for Antarctica; counted as unknown',
      },
      {
        kind: 'country',
        key: 'gsi-2023:AQ:government_response',
        message: 'GSI 2023 has no government-response score for Antarctica; counted as unknown',
      },
    ]);
    expect(unknown.inherent.score).toBeGreaterThan(known.inherent.score);
    expect(unknown.confidence.referenceData).toBeLessThan(known.confidence.referenceData);
  });

  it('scores a country in the GSI without an estimate (Liechtenstein) as unknown prevalence', () => {
    const r = score(DEFAULT_POLICY, profile({ country: 'LI', goods: ['cotton'] }), [], ref);
    expect(factor(r, 'gsi_prevalence').points).toBe(6);
    expect(factor(r, 'gsi_vulnerability').points).toBe(3);
    // Liechtenstein has a government-response score (31: 69 below a full response).
    expect(factor(r, 'gsi_government_response')).toMatchObject({ value: 31, points: 4, known: 1 });
    expect(r.dataGaps.map((g) => g.key)).toContain('gsi-2023:LI');
    expect(r.dataGaps.map((g) => g.key)).toContain('us-tip-2025:LI');
  });

  it('scores an unknown good as a gap, below a good listed for other countries, and says so', () => {
    const notListed = score(DEFAULT_POLICY, profile({ goods: ['cotton'] }), [], ref);
    const unknown = score(DEFAULT_POLICY, profile({ goods: ['widgets'] }), [], ref);
    expect(factor(notListed, 'ilab_goods').points).toBe(18);
    expect(factor(unknown, 'ilab_goods').points).toBe(15);
    expect(unknown.dataGaps).toContainEqual({
      kind: 'good',
      key: 'widgets',
      message: 'ILAB 2022 has no entry for "widgets"; risk unknown',
    });
  });

  it('scores no goods and unrecorded shares as unknown', () => {
    const r = score(
      DEFAULT_POLICY,
      profile({ goods: [], migrantWorkerShare: null, agencyWorkerShare: null }),
      [],
      ref,
    );
    expect(factor(r, 'ilab_goods')).toMatchObject({ points: 15, known: 0 });
    expect(factor(r, 'migrant_share')).toMatchObject({ points: 5, value: null });
    expect(r.dataGaps.filter((g) => g.kind !== 'criterion').map((g) => [g.kind, g.key])).toEqual([
      ['profile', 'goods'],
      ['profile', 'migrantWorkerShare'],
      ['profile', 'agencyWorkerShare'],
    ]);
  });
});

describe('answers', () => {
  it('weights evidence-backed answers above self-declared ones', () => {
    const backed = score(DEFAULT_POLICY, profile(), [answer()], ref);
    const declared = score(DEFAULT_POLICY, profile(), [answer({ evidenceBacked: false })], ref);
    const g = (r: typeof backed) => r.control.criteria.find((c) => c.key === 'grievance_mechanism')!;
    expect(g(backed)).toMatchObject({ earned: 10, max: 10, effectiveness: 100, contribution: 7, gap: false });
    expect(g(declared)).toMatchObject({ earned: 6, max: 10, effectiveness: 60, contribution: 4.2 });
    expect(g(declared).answers).toEqual([
      {
        questionId: 'q1',
        answerLabel: 'Yes',
        pointsEarned: 10,
        maxPoints: 10,
        evidenceBacked: false,
        evidenceWeight: 0.6,
        weightedPoints: 6,
        redFlag: null,
      },
    ]);
    expect(backed.control.score).toBe(7);
    expect(declared.control.score).toBe(4.2);
    expect(backed.residual.score).toBeLessThan(declared.residual.score);
    expect(backed.residual.formula).toBe('52 × (1 − 0.7 × 7 / 100) = 49.45');
  });

  it('sums several answers to one criterion', () => {
    const r = score(
      DEFAULT_POLICY,
      profile(),
      [answer(), answer({ questionId: 'q2', pointsEarned: 0, maxPoints: 5 })],
      ref,
    );
    expect(r.control.criteria.find((c) => c.key === 'grievance_mechanism')).toMatchObject({
      earned: 10,
      max: 15,
      effectiveness: 66.67,
    });
  });

  it('reports an answer to a criterion the policy lacks instead of counting it', () => {
    const r = score(DEFAULT_POLICY, profile(), [answer({ criterionKey: 'nonexistent' })], ref);
    expect(r.control.score).toBe(0);
    expect(r.dataGaps[0]).toEqual({
      kind: 'criterion',
      key: 'nonexistent',
      message:
        'The answer to question q1 evidences "nonexistent", which this policy does not define; not counted',
    });
  });

  it('gives the same result whatever the order of the answers', () => {
    const answers = [
      answer({ questionId: 'b' }),
      answer({ questionId: 'a', criterionKey: 'audits', pointsEarned: 3 }),
      answer({ questionId: 'c', criterionKey: 'training', evidenceBacked: false, redFlag: 'wages_withheld' }),
      answer({ questionId: 'a', criterionKey: 'audits', pointsEarned: 4 }),
    ];
    const expected = JSON.stringify(score(DEFAULT_POLICY, profile(), answers, ref));
    expect(JSON.stringify(score(DEFAULT_POLICY, profile(), [...answers].reverse(), ref))).toBe(expected);
    expect(
      JSON.stringify(
        score(DEFAULT_POLICY, profile(), [answers[2]!, answers[0]!, answers[3]!, answers[1]!], ref),
      ),
    ).toBe(expected);
  });

  it('clamps answers that break the schema instead of leaving 0–100', () => {
    const r = score(
      DEFAULT_POLICY,
      profile(),
      [
        answer({ pointsEarned: 50, maxPoints: 10 }),
        answer({ questionId: 'q2', criterionKey: 'audits', pointsEarned: -5 }),
      ],
      ref,
    );
    expect(r.control.criteria.find((c) => c.key === 'grievance_mechanism')!.effectiveness).toBe(100);
    expect(r.control.criteria.find((c) => c.key === 'audits')!.effectiveness).toBe(0);
  });

  it('validates answers at the boundary', () => {
    expect(CriterionAnswerSchema.safeParse(answer()).success).toBe(true);
    const bad = CriterionAnswerSchema.safeParse(answer({ pointsEarned: 11 }));
    expect(bad.success ? null : bad.error.issues[0]!.path).toEqual(['pointsEarned']);
    expect(CriterionAnswerSchema.safeParse(answer({ maxPoints: 0, pointsEarned: 0 })).success).toBe(false);
  });
});

describe('red flags', () => {
  const clean = { ...profile(), country: 'DK', goods: ['cotton'] };

  it.each([
    ['identity_documents_retained', 'high'],
    ['recruitment_fees_paid_by_workers', 'high'],
    ['not_free_to_leave', 'critical'],
    ['child_labour_below_minimum_age', 'critical'],
  ])('%s raises a low supplier to at least %s', (flag, rating) => {
    const r = score(DEFAULT_POLICY, clean, [answer({ pointsEarned: 0, redFlag: flag })], ref);
    expect(r.ratingFromScore).toBe('low');
    expect(r.rating).toBe(rating);
    const rule = DEFAULT_POLICY.redFlags.find((f) => f.key === flag)!;
    expect(r.redFlags).toEqual([
      { key: flag, name: rule.name, minRating: rating, citation: rule.citation, triggeredBy: 'q1' },
    ]);
  });

  it('does not lower a rating above the floor', () => {
    const r = score(
      DEFAULT_POLICY,
      profile({ country: 'KP', goods: ['bricks'], tier: 3 }),
      [answer({ redFlag: 'wages_withheld' })],
      ref,
    );
    expect(r.ratingFromScore).toBe('critical');
    expect(r.rating).toBe('critical');
  });

  it('takes the highest floor, and lists every flag in a stable order', () => {
    const r = score(
      DEFAULT_POLICY,
      clean,
      [
        answer({ questionId: 'z', redFlag: 'wages_withheld' }),
        answer({ questionId: 'a', redFlag: 'debt_bondage' }),
        answer({ questionId: 'b', redFlag: 'wages_withheld' }),
      ],
      ref,
    );
    expect(r.rating).toBe('critical');
    expect(r.redFlags.map((f) => `${f.key}@${f.triggeredBy}`)).toEqual([
      'debt_bondage@a',
      'wages_withheld@b',
      'wages_withheld@z',
    ]);
  });

  it('reports a flag the policy has no rule for, without a floor', () => {
    const r = score(DEFAULT_POLICY, clean, [answer({ redFlag: 'made_up' })], ref);
    expect(r.redFlags).toEqual([
      { key: 'made_up', name: 'made_up', minRating: null, citation: '', triggeredBy: 'q1' },
    ]);
    expect(r.rating).toBe('low');
  });
});

describe('determinism and validation', () => {
  it('gives byte-identical results for the same inputs, and for copies of them', () => {
    const p = profile({ goods: ['Apparel', 'palm', 'widgets'], migrantWorkerShare: 33.3 });
    const answers = [
      answer(),
      answer({
        questionId: 'q9',
        criterionKey: 'audits',
        pointsEarned: 1,
        maxPoints: 3,
        evidenceBacked: false,
      }),
    ];
    const first = JSON.stringify(score(DEFAULT_POLICY, p, answers, ref));
    expect(JSON.stringify(score(DEFAULT_POLICY, p, answers, ref))).toBe(first);
    const copies = JSON.parse(JSON.stringify({ policy: DEFAULT_POLICY, p, answers, ref }));
    expect(JSON.stringify(score(copies.policy, copies.p, copies.answers, copies.ref))).toBe(first);
  });

  it('refuses an invalid policy with the issues', () => {
    const policy = structuredClone(DEFAULT_POLICY);
    policy.ratingBands.high = 10;
    expect(() => score(policy, profile(), [], ref)).toThrow(
      /Invalid scoring policy: ratingBands.high: Must be above the medium threshold/,
    );
  });
});
