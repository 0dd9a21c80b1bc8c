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
    expect(points('gsi_prevalence')).toMatchObject({ value: 7.1, points: 5 });
    expect(example).toContain('7.1 people in modern slavery per 1,000, in the band from 6: **5 points**');
    expect(points('gsi_vulnerability')).toMatchObject({ value: 58, points: 2 });
    expect(example).toContain('Vulnerability 58, in the\n  band from 40: **2 points**');
    expect(points('gsi_government_response')).toMatchObject({ value: 49, points: 2 });
    expect(example).toContain(
      'Government response 49%, 51 below a full response, in the band from 50:\n  **2 points**',
    );
    const [apparel, cotton] = points('ilab_goods').goods!;
    expect(apparel).toMatchObject({ goodKey: 'garment', status: 'listed', points: 35 });
    expect(example).toContain(`"${apparel!.listings[0]!.description}": 35 points`);
    expect(cotton).toMatchObject({ goodKey: 'cotton', status: 'not_listed', points: 18 });
    expect(example).toContain('on the list for other countries but not for Bangladesh: 18 points');
    expect(points('ilab_goods').points).toBe(35);
    expect(example).toContain('takes the riskier good: **35 points**');
    expect(points('migrant_share')).toMatchObject({ value: 5, points: 0 });
    expect(example).toContain('Migrant workers 5%, below 10%: **0 points**');
    expect(points('agency_share')).toMatchObject({ value: 20, points: 4 });
    expect(example).toContain('Agency workers 20%, in the band from 10%: **4 points**');
    expect(points('supplier_tier')).toMatchObject({ value: 1, points: 0 });
    expect(example).toContain('Tier 1: **0 points**');
    expect(r.inherent).toMatchObject({ points: 56, maxPoints: 100, score: 56 });
    expect(example).toContain('Inherent risk = 100 × 56 / 100 = **56**');
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
    expect(r.residual).toMatchObject({ score: 48.43, formula: '56 × (1 − 0.7 × 19.3 / 100) = 48.43' });
    expect(example).toContain(
      '**Residual risk** = 56 × (1 − 0.7 × 19.3 / 100) = **48.43**: rating **medium**',
    );
    expect(r.ratingFloor).toBeNull();
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
    expect(flagged.residual.score).toBe(48.43);
    expect(flagged.ratingFromScore).toBe('medium');
    expect(flagged.rating).toBe('critical');
    expect(flagged.redFlags.map((f) => [f.key, f.name, f.minRating])).toEqual([
      ['child_labour_below_minimum_age', 'Children below the minimum working age', 'critical'],
    ]);
    expect(example).toContain('"Children below the minimum working age". Control effectiveness stays 19.3');
    expect(example).toContain('residual risk stays 48.43, in the medium band');
    expect(example).toContain('so the rating is **critical**');
    expect(flagged.confidence).toMatchObject({ answers: 0.27, value: 0.56 });
    expect(example).toContain('Answer coverage rises to 0.27 and confidence to **0.56**');
  });

  it('keeps the factory medium where no country data exists (the unknown-data floor)', () => {
    const aq = { ...factory, country: 'AQ' };
    const same = score(DEFAULT_POLICY, aq, answers, ref);
    expect(same.inherent.factors.map((f) => f.points)).toEqual([12, 6, 3, 3, 18, 0, 4, 0]);
    expect(example).toContain('TIP 12, prevalence 6,\nvulnerability 3, government response 3');
    expect(same.inherent.score).toBe(46);
    expect(example).toContain('Inherent risk = 100 × 46 / 100 = **46**');
    expect(same.residual.score).toBe(39.79);
    expect(example).toContain('46 × (1 − 0.7 × 19.3 / 100) = **39.79**, medium by score');
    expect(same.rating).toBe('medium');
    const full = DEFAULT_POLICY.criteria.map((c) => ({
      questionId: c.key,
      criterionKey: c.key,
      answerLabel: 'Yes',
      pointsEarned: 10,
      maxPoints: 10,
      evidenceBacked: true,
    }));
    const controlled = score(DEFAULT_POLICY, aq, full, ref);
    expect(controlled.control.score).toBe(100);
    expect(controlled.residual.score).toBe(13.8);
    expect(example).toContain('46 × (1 − 0.7 × 100 / 100) = **13.8**, low by score');
    expect(controlled.ratingFromScore).toBe('low');
    expect(controlled.rating).toBe('medium');
    expect(controlled.ratingFloor).toMatchObject({ countryCoverage: 0, minCountryCoverage: 0.5 });
    expect(example).toContain("below the floor's 50%, so the rating is **medium**");
  });
});

describe('every default of the policy is in the methodology', () => {
  const d = DEFAULT_POLICY;
  it('states each band of every banded factor', () => {
    expect(METHODOLOGY_MARKDOWN).toContain('| 3 to below 6 | 3 |');
    expect(METHODOLOGY_MARKDOWN).toContain(`| No estimate in the data | ${d.inherent.gsi.unknownPoints} |`);
    for (const b of d.inherent.gsiVulnerability!.bands) {
      expect(METHODOLOGY_MARKDOWN).toMatch(
        new RegExp(`\\| (below|${b.from} to below|${b.from} or more)[^|]*\\| ${b.points} \\|`),
      );
    }
    expect(METHODOLOGY_MARKDOWN).toContain(
      `| No score in the data | ${d.inherent.gsiVulnerability!.unknownPoints} |`,
    );
    for (const b of d.inherent.gsiGovernmentResponse!.bands) {
      expect(METHODOLOGY_MARKDOWN).toMatch(
        new RegExp(`\\| (below|${b.from} to below|${b.from} or more)[^|]*\\| ${b.points} \\|`),
      );
    }
    for (const b of d.inherent.migrantShare.bands) {
      expect(METHODOLOGY_MARKDOWN).toMatch(
        new RegExp(
          `\\| (below|${b.from}% to below|${b.from}% or more)[^|]*\\| ${b.points} \\| ${b.points} \\|`,
        ),
      );
    }
    expect(d.inherent.agencyShare.bands).toEqual(d.inherent.migrantShare.bands);
  });

  it('states the goods points, the downstream rule and the unknown-data floor', () => {
    const g = d.inherent.goods;
    expect(METHODOLOGY_MARKDOWN).toContain(
      `| On the list, but only for other countries | ${g.listedElsewherePoints} |`,
    );
    expect(METHODOLOGY_MARKDOWN).toContain(
      `| On the list for no country: the list says nothing about it | ${g.unknownGoodPoints} |`,
    );
    expect(g.downstreamRule).toBe('worst_kind');
    expect(METHODOLOGY_MARKDOWN).toContain(`(downstream) | ${g.forcedLabourPoints} (as its worst input) |`);
    expect(METHODOLOGY_MARKDOWN).toContain('Uyghur Forced Labor Prevention Act');
    expect(d.unknownData).toEqual({ minRating: 'medium', minCountryCoverage: 0.5 });
    expect(METHODOLOGY_MARKDOWN).toContain(
      'known for less than\n50% of its 40 points, the rating is at least medium',
    );
  });
});
