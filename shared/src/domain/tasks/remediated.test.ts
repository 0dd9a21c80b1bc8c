import { describe, expect, it } from 'vitest';
import type { CriterionAnswer } from '../scoring/types.js';
import { withVerifiedRemediations } from './remediated.js';

const answer = (over: Partial<CriterionAnswer>): CriterionAnswer => ({
  questionId: 'q',
  criterionKey: 'excessive_overtime',
  answerLabel: '70 hours',
  pointsEarned: 0,
  maxPoints: 10,
  evidenceBacked: false,
  redFlag: null,
  ...over,
});

describe('withVerifiedRemediations', () => {
  const overtime = answer({ questionId: 'weekly_hours' });
  const passports = answer({
    questionId: 'passports_held',
    criterionKey: 'retention_of_identity_documents',
    answerLabel: 'Yes',
    pointsEarned: 2,
    redFlag: 'identity_documents_retained',
  });
  const other = answer({ questionId: 'grievance', criterionKey: 'grievance_mechanism', pointsEarned: 3 });

  it.each([
    ['nothing closed', [], [overtime, passports, other]],
    [
      'a criterion: full points, evidence-backed, labelled',
      [{ kind: 'criterion', key: 'excessive_overtime' }],
      [
        {
          ...overtime,
          pointsEarned: 10,
          evidenceBacked: true,
          answerLabel: '70 hours (remediated: fix verified)',
        },
        passports,
        other,
      ],
    ],
    [
      'a red flag: no longer raised; its criterion untouched',
      [{ kind: 'red_flag', key: 'identity_documents_retained' }],
      [overtime, { ...passports, redFlag: null, answerLabel: 'Yes (remediated: fix verified)' }, other],
    ],
    [
      'both on one answer',
      [
        { kind: 'red_flag', key: 'identity_documents_retained' },
        { kind: 'criterion', key: 'retention_of_identity_documents' },
      ],
      [
        overtime,
        {
          ...passports,
          redFlag: null,
          pointsEarned: 10,
          evidenceBacked: true,
          answerLabel: 'Yes (remediated: fix verified)',
        },
        other,
      ],
    ],
    ['a key no answer has', [{ kind: 'criterion', key: 'audits' }], [overtime, passports, other]],
  ] as const)('%s', (_name, closed, expected) => {
    expect(withVerifiedRemediations([overtime, passports, other], closed)).toEqual(expected);
  });

  it('keeps a long label within the answer schema bound', () => {
    const long = answer({ answerLabel: 'x'.repeat(200) });
    const [out] = withVerifiedRemediations([long], [{ kind: 'criterion', key: 'excessive_overtime' }]);
    expect(out!.answerLabel).toHaveLength(200);
    expect(out!.answerLabel.endsWith('(remediated: fix verified)')).toBe(true);
  });
});
