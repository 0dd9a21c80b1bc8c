import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema } from '../../schemas/policy.js';
import type { SupplierProfile } from '../../schemas/suppliers.js';
import { loadReferenceData } from '../reference/load-node.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { METHODOLOGY_MARKDOWN } from './methodology.js';
import { type CriterionAnswer, score } from './score.js';

const ref = loadReferenceData();
const example = METHODOLOGY_MARKDOWN.slice(METHODOLOGY_MARKDOWN.indexOf('## 10. Worked example'));

/** The supplier and answers of the methodology's worked example (section 10). */
const factory: SupplierProfile = {
  country: 'BD',
  goods: ['Apparel', 'Cotton lint'],
  tier: 1,
  headcount: 1200,
  migrantWorkerShare: 5,
  agencyWorkerShare: 20,
};
const answers: CriterionAnswer[] = [
  {
    questionId: 'policy',
    criterionKey: 'policy_commitment',
    answerLabel: 'Board-approved, published',
    pointsEarned: 10,
    maxPoints: 10,
    evidenceBacked: true,
  },
  {
    questionId: 'fees',
    criterionKey: 'recruitment_fees_employer_pays',
    answerLabel: 'Employer pays all costs',
    pointsEarned: 10,
    maxPoints: 10,
    evidenceBacked: false,
  },
  {
    questionId: 'grievance',
    criterionKey: 'grievance_mechanism',
    answerLabel: 'Suggestion box only',
    pointsEarned: 5,
    maxPoints: 10,
    evidenceBacked: true,
  },
  {
    questionId: 'documents',
    criterionKey: 'retention_of_identity_documents',
    answerLabel: 'Workers keep their documents',
    pointsEarned: 10,
    maxPoints: 10,
    evidenceBacked: true,
  },
];
const ageFinding: CriterionAnswer = {
  questionId: 'age',
  criterionKey: 'age_verification',
  answerLabel: 'Workers under 15 found',
  pointsEarned: 0,
  maxPoints: 10,
  evidenceBacked: true,
  redFlag: 'child_labour_below_minimum_age',
};

describe('the methodology', () => {
  it('describes a valid default policy', () => {
    expect(PolicyDocumentSchema.safeParse(DEFAULT_POLICY).success).toBe(true);
  });

  it('has a criterion for each of the 11 ILO indicators, citing it', () => {
    const ilo = DEFAULT_POLICY.criteria.filter((c) => c.group === 'ilo_indicator');
    expect(ilo.map((c) => c.key)).toEqual(ref.iloIndicators.map((i) => i.key));
    ilo.forEach((c, i) => {
      expect(c.name).toBe(ref.iloIndicators[i]!.name);
      expect(c.citation).toContain(`indicator ${i + 1}`);
    });
  });

  it('names every criterion, red flag and dataset edition of the default policy', () => {
    for (const c of DEFAULT_POLICY.criteria)
      expect(METHODOLOGY_MARKDOWN).toContain(`| ${c.name} | ${c.weight} |`);
    for (const f of DEFAULT_POLICY.redFlags)
      expect(METHODOLOGY_MARKDOWN).toContain(`| ${f.name} | ${f.minRating} |`);
    for (const source of [
      'Trafficking in Persons Report, 2025',
      'Global Slavery Index, 2023',
      'Child Labor or Forced Labor, 2022',
      'ILO Indicators of Forced Labour, 2012',
      'Employer Pays Principle',
      'Guiding Principles',
      'OECD',
    ]) {
      expect(METHODOLOGY_MARKDOWN).toContain(source);
    }
    const w = DEFAULT_POLICY.criteria.reduce((s, c) => s + c.weight, 0);
    expect(w).toBe(100);
    expect(METHODOLOGY_MARKDOWN).toContain('The weights add up to 100.');
    expect(METHODOLOGY_MARKDOWN).toContain(
      `1 − ${DEFAULT_POLICY.residual.maxReduction} × control effectiveness / 100`,
    );
    expect(METHODOLOGY_MARKDOWN).toContain(
      `${DEFAULT_POLICY.confidence.referenceDataWeight} × reference-data coverage + ${DEFAULT_POLICY.confidence.answersWeight} × answer coverage`,
    );
  });
});

describe('the worked example (methodology section 10), reproduced', () => {
  const r = score(DEFAULT_POLICY, factory, answers, ref);
  const points = (key: string) => r.inherent.factors.find((f) => f.key === key)!;
  const criterion = (key: string) => r.control.criteria.find((c) => c.key === key)!;

  it('computes inherent risk factor by factor', () => {
    expect(points('tip_tier')).toMatchObject({ value: '2', points: 8 });
    expect(example).toContain('Bangladesh is on Tier 2: **8 points**');
    expect(points('gsi_prevalence')).toMatchObject({ value: 7.1, points: 10 });
    expect(example).toContain('7.1 people in modern slavery per 1,000, in the band from 6: **10 points**');
    const [apparel, cotton] = points('ilab_goods').goods!;
    expect(apparel).toMatchObject({ goodKey: 'garment', status: 'listed', points: 35 });
    expect(example).toContain(`"${apparel!.listings[0]!.description}": 35 points`);
    expect(cotton).toMatchObject({ goodKey: 'cotton', status: 'not_listed', points: 0 });
    expect(points('ilab_goods').points).toBe(35);
    expect(example).toContain('takes the riskier good: **35 points**');
    expect(points('migrant_share')).toMatchObject({ value: 5, points: 0 });
    expect(example).toContain('Migrant workers 5%, below 10%: **0 points**');
    expect(points('agency_share')).toMatchObject({ value: 20, points: 4 });
    expect(example).toContain('Agency workers 20%, in the band from 10%: **4 points**');
    expect(points('supplier_tier')).toMatchObject({ value: 1, points: 0 });
    expect(example).toContain('Tier 1: **0 points**');
    expect(r.inherent).toMatchObject({ points: 57, maxPoints: 100, score: 57 });
    expect(example).toContain('Inherent risk = 100 × 57 / 100 = **57**');
  });

  it('computes control effectiveness criterion by criterion', () => {
    const rows: [string, string, number, number][] = [
      [
        'policy_commitment',
        '| Policy commitment (5) | 10 of 10, evidence-backed | 10 × 1 = 10 | 100 |',
        10,
        100,
      ],
      [
        'recruitment_fees_employer_pays',
        '| No recruitment fees (8) | 10 of 10, self-declared | 10 × 0.6 = 6 | 60 |',
        6,
        60,
      ],
      [
        'grievance_mechanism',
        '| Grievance mechanism (7) | 5 of 10, evidence-backed | 5 × 1 = 5 | 50 |',
        5,
        50,
      ],
      [
        'retention_of_identity_documents',
        '| Retention of identity documents (6) | 10 of 10, evidence-backed | 10 × 1 = 10 | 100 |',
        10,
        100,
      ],
    ];
    for (const [key, line, earned, effectiveness] of rows) {
      expect(criterion(key)).toMatchObject({ earned, max: 10, effectiveness });
      expect(example).toContain(line);
    }
    const gaps = r.control.criteria.filter((c) => c.gap);
    expect(gaps).toHaveLength(15);
    expect(example).toContain('The other 15 criteria are unanswered');
    expect(r.control.score).toBe(19.3);
    expect(r.control.formula).toBe('Σ(weight × effectiveness) / Σ weight = 1930 / 100 = 19.3');
    expect(example).toContain('(5 × 100 + 8 × 60 + 7 × 50 + 6 × 100) / 100 = 1930 / 100 = **19.3**');
  });

  it('computes residual risk, rating and confidence', () => {
    expect(r.residual).toMatchObject({ score: 49.3, formula: '57 × (1 − 0.7 × 19.3 / 100) = 49.3' });
    expect(example).toContain(
      '**Residual risk** = 57 × (1 − 0.7 × 19.3 / 100) = **49.3**: rating **medium**',
    );
    expect(r.rating).toBe('medium');
    expect(r.redFlags).toEqual([]);
    expect(r.confidence).toMatchObject({ referenceData: 1, answers: 0.23, value: 0.54 });
    expect(example).toContain('reference-data coverage 1');
    expect(example).toContain('(5 × 1 + 8 × 0.6 + 7 × 1 + 6 × 1) / 100 = 0.228, rounded to 0.23');
    expect(example).toContain('Confidence = 0.4 × 1 + 0.6 × 0.23 = **0.54**');
    expect(r.dataGaps.every((g) => g.kind === 'criterion')).toBe(true);
  });

  it('raises the rating to critical with the red flag, score unchanged', () => {
    const flagged = score(DEFAULT_POLICY, factory, [...answers, ageFinding], ref);
    expect(flagged.control.score).toBe(19.3);
    expect(flagged.residual.score).toBe(49.3);
    expect(flagged.ratingFromScore).toBe('medium');
    expect(flagged.rating).toBe('critical');
    expect(flagged.redFlags.map((f) => [f.key, f.name, f.minRating])).toEqual([
      ['child_labour_below_minimum_age', 'Children below the minimum working age', 'critical'],
    ]);
    expect(example).toContain('"Children below the minimum working age". Control effectiveness stays 19.3');
    expect(example).toContain('residual risk stays 49.3, in the medium band');
    expect(example).toContain('so the rating is **critical**');
    expect(flagged.confidence).toMatchObject({ answers: 0.27, value: 0.56 });
    expect(example).toContain('Answer coverage rises to 0.27 and confidence to **0.56**');
  });
});
