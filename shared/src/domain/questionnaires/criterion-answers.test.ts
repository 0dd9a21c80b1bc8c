import { describe, expect, it } from 'vitest';
import type { SupplierProfile } from '../../schemas/suppliers.js';
import { loadReferenceData } from '../reference/load-node.js';
import { DEFAULT_POLICY } from '../scoring/default-policy.js';
import { score } from '../scoring/score.js';
import { CriterionAnswerSchema } from '../scoring/types.js';
import { answersToCriterionAnswers } from './criterion-answers.js';
import { SAMPLE_TEMPLATE } from './fixtures/sample-template.js';

const ref = loadReferenceData();
const profile: SupplierProfile = {
  country: 'BD',
  goods: ['Garments'],
  tier: 1,
  headcount: 500,
  migrantWorkerShare: 0,
  agencyWorkerShare: 0,
};

const ANSWERS = {
  passports_held: 'yes',
  uses_agencies: 'yes',
  agency_fees: 'unknown',
  agency_count: 3,
  agency_audited: 'yes',
  weekly_hours: 55,
  grievance_channels: ['union', 'hotline', 'box'],
  grievance_details: 'A hotline run by an NGO',
  last_audit: '2026-03-01',
};
const evidenceAccepted = new Set(['agency_fees', 'weekly_hours']);

describe('answersToCriterionAnswers: a worked example', () => {
  const answers = answersToCriterionAnswers(SAMPLE_TEMPLATE, ANSWERS, { evidenceAccepted });

  it('gives one answer per visible, answered, scored question, in template order', () => {
    expect(answers).toEqual([
      {
        questionId: 'passports_held',
        criterionKey: 'retention_of_identity_documents',
        answerLabel: 'Yes',
        pointsEarned: 0,
        maxPoints: 10,
        evidenceBacked: false,
        redFlag: 'identity_documents_retained',
      },
      {
        questionId: 'agency_fees',
        criterionKey: 'recruitment_fees_employer_pays',
        answerLabel: 'Not known',
        pointsEarned: 2,
        maxPoints: 10,
        evidenceBacked: true,
        redFlag: null,
      },
      {
        questionId: 'agency_audited',
        criterionKey: 'audits',
        answerLabel: 'Yes',
        pointsEarned: 5,
        maxPoints: 5,
        evidenceBacked: false,
        redFlag: null,
      },
      {
        // 55 reaches the band from 49 (5 points), not the one from 61.
        questionId: 'weekly_hours',
        criterionKey: 'excessive_overtime',
        answerLabel: '55 hours',
        pointsEarned: 5,
        maxPoints: 10,
        evidenceBacked: true,
        redFlag: null,
      },
      {
        // 4 + 4 + 2 = 10, capped at the question's 8; labels in the template's option order.
        questionId: 'grievance_channels',
        criterionKey: 'grievance_mechanism',
        answerLabel: 'Hotline; Union; Suggestion box',
        pointsEarned: 8,
        maxPoints: 8,
        evidenceBacked: false,
        redFlag: null,
      },
    ]);
    for (const a of answers) expect(CriterionAnswerSchema.parse(a)).toEqual(a);
  });

  it('scores to the control figure worked by hand', () => {
    const r = score(DEFAULT_POLICY, profile, answers, ref);
    // Evidence weights 1 (accepted) and 0.6 (self-declared); policy weights sum to 100:
    // fees 8 × 2/10 = 160; audits 6 × (5 × 0.6)/5 = 360; overtime 6 × 5/10 = 300;
    // grievance 7 × (8 × 0.6)/8 = 420; identity documents 6 × 0 = 0 → 1240 / 100 = 12.4.
    expect(r.control.score).toBe(12.4);
    expect(r.control.formula).toBe('Σ(weight × effectiveness) / Σ weight = 1240 / 100 = 12.4');
    const eff = Object.fromEntries(
      r.control.criteria.filter((c) => !c.gap).map((c) => [c.key, c.effectiveness]),
    );
    expect(eff).toEqual({
      retention_of_identity_documents: 0,
      excessive_overtime: 50,
      recruitment_fees_employer_pays: 20,
      grievance_mechanism: 60,
      audits: 60,
    });
    expect(r.redFlags.map((f) => [f.key, f.minRating, f.triggeredBy])).toEqual([
      ['identity_documents_retained', 'high', 'passports_held'],
    ]);
    expect(['high', 'critical']).toContain(r.rating);
  });

  it('drops answers to hidden questions, with their red flags', () => {
    const hidden = { ...ANSWERS, uses_agencies: 'no', agency_fees: 'workers', passports_held: 'no' };
    const got = answersToCriterionAnswers(SAMPLE_TEMPLATE, hidden, { evidenceAccepted });
    expect(got.map((a) => [a.questionId, a.pointsEarned, a.redFlag])).toEqual([
      ['passports_held', 10, null],
      ['weekly_hours', 5, null],
      ['grievance_channels', 8, null],
    ]);
  });

  it('raises the red flag of a chosen option, and 0 points for an option without points', () => {
    const got = answersToCriterionAnswers(SAMPLE_TEMPLATE, { uses_agencies: 'yes', agency_fees: 'workers' });
    expect(got).toEqual([
      {
        questionId: 'agency_fees',
        criterionKey: 'recruitment_fees_employer_pays',
        answerLabel: 'Workers',
        pointsEarned: 0,
        maxPoints: 10,
        evidenceBacked: false,
        redFlag: 'recruitment_fees_paid_by_workers',
      },
    ]);
  });

  it('labels answers in the default locale', () => {
    const es = { ...SAMPLE_TEMPLATE, defaultLocale: 'es' as const };
    const got = answersToCriterionAnswers(es, {
      passports_held: 'no',
      weekly_hours: 40,
      grievance_channels: ['box'],
    });
    expect(got.map((a) => a.answerLabel)).toEqual(['No', '40 horas', 'Buzón']);
  });
});
