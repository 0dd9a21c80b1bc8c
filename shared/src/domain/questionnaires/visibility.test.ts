import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '../../schemas/questionnaire-answers.js';
import type { Condition } from '../../schemas/questionnaire-conditions.js';
import { evaluateCondition } from './conditions.js';
import { SAMPLE_TEMPLATE } from './fixtures/sample-template.js';
import { answerProgress, missingRequired } from './progress.js';
import { countingAnswers, isVisible, visibleQuestions } from './visibility.js';

const ids = (answers: AnswerMap) => visibleQuestions(SAMPLE_TEMPLATE, answers).map((q) => q.id);
const ALWAYS = [
  'passports_held',
  'uses_agencies',
  'weekly_hours',
  'grievance_channels',
  'last_audit',
  'policy_file',
];

describe('visibleQuestions', () => {
  it('shows the unconditional questions before anything is answered', () => {
    expect(ids({})).toEqual(ALWAYS);
  });

  it('shows follow-ups once their condition holds, in template order', () => {
    expect(ids({ uses_agencies: 'yes' })).toEqual([
      'passports_held',
      'uses_agencies',
      'agency_fees',
      'agency_count',
      ...ALWAYS.slice(2),
    ]);
    expect(ids({ uses_agencies: 'yes', agency_fees: 'employer', agency_count: 2 })).toContain(
      'agency_audited',
    );
  });

  it('hides a whole chain when its root answer changes, whatever the later answers say', () => {
    const answers = { uses_agencies: 'no', agency_fees: 'employer', agency_count: 2, agency_audited: 'yes' };
    expect(ids(answers)).toEqual(ALWAYS);
    expect(isVisible(SAMPLE_TEMPLATE, 'agency_audited', answers)).toBe(false);
    expect(countingAnswers(SAMPLE_TEMPLATE, answers)).toEqual({ uses_agencies: 'no' });
  });

  it('treats an invalid answer as none (a condition on it fails)', () => {
    expect(
      ids({ uses_agencies: 'yes', agency_fees: 'employer', agency_count: 'two' } as never),
    ).not.toContain('agency_audited');
    expect(ids({ uses_agencies: 'YES' })).toEqual(ALWAYS);
  });

  it('all: each term must hold (workers paying fees hides the audit follow-up)', () => {
    expect(ids({ uses_agencies: 'yes', agency_fees: 'workers', agency_count: 2 })).not.toContain(
      'agency_audited',
    );
    expect(ids({ uses_agencies: 'yes', agency_fees: 'unknown', agency_count: 0 })).not.toContain(
      'agency_audited',
    );
    expect(ids({ uses_agencies: 'yes', agency_fees: 'unknown', agency_count: 1 })).toContain(
      'agency_audited',
    );
  });

  it('any_of on a multi-choice answer', () => {
    expect(ids({ grievance_channels: ['none'] })).not.toContain('grievance_details');
    expect(ids({ grievance_channels: ['union', 'box'] })).toContain('grievance_details');
    // "None" is exclusive: combined with another option the answer is invalid, so it counts as none.
    expect(ids({ grievance_channels: ['none', 'box'] })).not.toContain('grievance_details');
  });

  it('isVisible is false for an id the template does not have', () => {
    expect(isVisible(SAMPLE_TEMPLATE, 'nope', {})).toBe(false);
  });

  it('ignores inherited properties of the answer map', () => {
    expect(ids(Object.create({ uses_agencies: 'yes' }))).toEqual(ALWAYS);
  });
});

describe('evaluateCondition', () => {
  const answers: Record<string, unknown> = { n: 5, c: 'a', m: ['x', 'y'] };
  const answerOf = (id: string) => answers[id] as never;
  it.each<[Condition, boolean]>([
    [{ questionId: 'n', op: 'equals', value: 5 }, true],
    [{ questionId: 'n', op: 'equals', value: '5' }, false],
    [{ questionId: 'n', op: 'gt', value: 5 }, false],
    [{ questionId: 'n', op: 'gte', value: 5 }, true],
    [{ questionId: 'n', op: 'lt', value: 6 }, true],
    [{ questionId: 'n', op: 'lte', value: 4 }, false],
    [{ questionId: 'c', op: 'equals', value: 'a' }, true],
    [{ questionId: 'c', op: 'in', values: ['b', 'a'] }, true],
    [{ questionId: 'c', op: 'gt', value: 0 }, false],
    [{ questionId: 'm', op: 'any_of', values: ['z', 'y'] }, true],
    [{ questionId: 'm', op: 'any_of', values: ['z'] }, false],
    [{ questionId: 'missing', op: 'in', values: ['a'] }, false],
    [
      {
        all: [
          { questionId: 'n', op: 'gt', value: 1 },
          { any: [{ questionId: 'c', op: 'equals', value: 'b' }] },
        ],
      },
      false,
    ],
    [
      {
        any: [
          { questionId: 'missing', op: 'lt', value: 1 },
          { all: [{ questionId: 'c', op: 'in', values: ['a'] }] },
        ],
      },
      true,
    ],
  ])('%j → %s', (condition, expected) => {
    expect(evaluateCondition(condition, answerOf)).toBe(expected);
  });
});

describe('answerProgress and missingRequired', () => {
  it('count the visible required questions only', () => {
    expect(answerProgress(SAMPLE_TEMPLATE, {})).toEqual({ answered: 0, required: 4, percent: 0 });
    const answers = { passports_held: 'no', uses_agencies: 'yes', weekly_hours: 40 };
    expect(answerProgress(SAMPLE_TEMPLATE, answers)).toEqual({ answered: 3, required: 5, percent: 60 });
    expect(missingRequired(SAMPLE_TEMPLATE, answers)).toEqual([
      { sectionId: 'labour', questionId: 'agency_fees' },
      { sectionId: 'conditions', questionId: 'grievance_channels' },
    ]);
  });

  it('round down, so 100% means nothing is missing; hidden answers do not count', () => {
    const answers = {
      passports_held: 'no',
      uses_agencies: 'yes',
      agency_fees: 'employer',
      agency_count: 1,
      weekly_hours: 40,
      grievance_channels: [],
    };
    // agency_audited shows (and is required): 4 of 6 answered.
    expect(answerProgress(SAMPLE_TEMPLATE, answers)).toEqual({ answered: 4, required: 6, percent: 66 });
    const done = { ...answers, uses_agencies: 'no', grievance_channels: ['union'] };
    expect(answerProgress(SAMPLE_TEMPLATE, done)).toEqual({ answered: 4, required: 4, percent: 100 });
    expect(missingRequired(SAMPLE_TEMPLATE, done)).toEqual([]);
  });
});
