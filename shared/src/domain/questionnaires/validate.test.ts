import { describe, expect, it } from 'vitest';
import type { Question, TemplateDefinition } from '../../schemas/questionnaires.js';
import { TemplateDefinitionSchema } from '../../schemas/questionnaires.js';
import { DEFAULT_POLICY } from '../scoring/default-policy.js';
import { SAMPLE_TEMPLATE } from './fixtures/sample-template.js';
import { templateStructureIssues } from './structure.js';
import { templateCriteria, validateTemplate } from './validate.js';

const copy = (): TemplateDefinition => structuredClone(SAMPLE_TEMPLATE);
const question = (def: TemplateDefinition, s: number, q: number): Question => def.sections[s]!.questions[q]!;
const issuesOf = (edit: (def: TemplateDefinition) => void) => {
  const def = copy();
  edit(def);
  return validateTemplate(def, DEFAULT_POLICY);
};

describe('validateTemplate', () => {
  it('accepts the sample template, and the schema parses it unchanged', () => {
    expect(validateTemplate(SAMPLE_TEMPLATE, DEFAULT_POLICY)).toEqual([]);
    expect(TemplateDefinitionSchema.parse(SAMPLE_TEMPLATE)).toEqual(SAMPLE_TEMPLATE);
    expect(templateCriteria(SAMPLE_TEMPLATE)).toEqual([
      'audits',
      'excessive_overtime',
      'grievance_mechanism',
      'recruitment_fees_employer_pays',
      'retention_of_identity_documents',
    ]);
  });

  const cases: [
    string,
    (def: TemplateDefinition) => void,
    { path: (string | number)[]; message: string }[],
  ][] = [
    [
      'duplicate section id',
      (d) => {
        d.sections[1]!.id = 'labour';
      },
      [{ path: ['sections', 1, 'id'], message: 'Duplicate section id "labour"' }],
    ],
    [
      'duplicate question id across sections',
      (d) => {
        question(d, 1, 3).id = 'uses_agencies';
      },
      [{ path: ['sections', 1, 'questions', 3, 'id'], message: 'Duplicate question id "uses_agencies"' }],
    ],
    [
      'duplicate option id',
      (d) => {
        const q = question(d, 1, 1);
        if (q.type === 'multi_choice') q.options[3]!.id = 'box';
      },
      [{ path: ['sections', 1, 'questions', 1, 'options', 3, 'id'], message: 'Duplicate option id "box"' }],
    ],
    [
      'condition on a later question',
      (d) => {
        question(d, 0, 1).showIf = { questionId: 'weekly_hours', op: 'gt', value: 40 };
      },
      [
        {
          path: ['sections', 0, 'questions', 1, 'showIf', 'questionId'],
          message: '"weekly_hours" comes later; a condition can only use earlier answers',
        },
      ],
    ],
    [
      'condition on itself, inside a group',
      (d) => {
        question(d, 0, 1).showIf = {
          any: [{ all: [{ questionId: 'uses_agencies', op: 'equals', value: 'yes' }] }],
        };
      },
      [
        {
          path: ['sections', 0, 'questions', 1, 'showIf', 'any', 0, 'all', 0, 'questionId'],
          message: 'A question cannot depend on its own answer',
        },
      ],
    ],
    [
      'condition on an unknown question',
      (d) => {
        question(d, 0, 1).showIf = { questionId: 'nope', op: 'equals', value: 'yes' };
      },
      [
        {
          path: ['sections', 0, 'questions', 1, 'showIf', 'questionId'],
          message: 'No question "nope" in this template',
        },
      ],
    ],
    [
      'number comparison on a yes/no question',
      (d) => {
        question(d, 0, 2).showIf = { questionId: 'uses_agencies', op: 'gt', value: 1 };
      },
      [
        {
          path: ['sections', 0, 'questions', 2, 'showIf'],
          message: '"gt" does not apply to a yes_no question; use equals or in',
        },
      ],
    ],
    [
      'an option the question does not have',
      (d) => {
        question(d, 0, 4).showIf = { questionId: 'agency_fees', op: 'in', values: ['employer', 'nobody'] };
      },
      [{ path: ['sections', 0, 'questions', 4, 'showIf'], message: '"agency_fees" has no option "nobody"' }],
    ],
    [
      'equals on a multi-choice question',
      (d) => {
        question(d, 1, 2).showIf = { questionId: 'grievance_channels', op: 'equals', value: 'hotline' };
      },
      [
        {
          path: ['sections', 1, 'questions', 2, 'showIf'],
          message: 'A multi_choice question is tested with any_of',
        },
      ],
    ],
    [
      'a text question in a condition',
      (d) => {
        question(d, 1, 3).showIf = { questionId: 'grievance_details', op: 'equals', value: 'x' };
      },
      [
        {
          path: ['sections', 1, 'questions', 3, 'showIf'],
          message: 'A text question cannot be tested in a condition',
        },
      ],
    ],
    [
      'criterion and red flag the policy does not define',
      (d) => {
        const q = question(d, 0, 0);
        if (q.type === 'yes_no' && q.scoring) {
          q.scoring.criterion = 'happiness';
          q.scoring.redFlags = { yes: 'gloom' };
        }
      },
      [
        {
          path: ['sections', 0, 'questions', 0, 'scoring', 'criterion'],
          message: 'The policy has no criterion "happiness"',
        },
        {
          path: ['sections', 0, 'questions', 0, 'scoring', 'redFlags', 'yes'],
          message: 'The policy has no red flag "gloom"',
        },
      ],
    ],
    [
      'points for an option that does not exist, above the maximum',
      (d) => {
        const q = question(d, 0, 2);
        if (q.type === 'single_choice' && q.scoring) q.scoring.points = { employer: 11, maybe: 1 };
      },
      [
        {
          path: ['sections', 0, 'questions', 2, 'scoring', 'points', 'employer'],
          message: 'Above maxPoints (10)',
        },
        { path: ['sections', 0, 'questions', 2, 'scoring', 'points', 'maybe'], message: 'No option "maybe"' },
      ],
    ],
    [
      'an exclusive option on a single-choice question',
      (d) => {
        const q = question(d, 0, 2);
        if (q.type === 'single_choice') q.options[2]!.exclusive = true;
      },
      [
        {
          path: ['sections', 0, 'questions', 2, 'options', 2, 'exclusive'],
          message: 'Only multi-choice options can be exclusive',
        },
      ],
    ],
    [
      'two red flags on one multi-choice question',
      (d) => {
        const q = question(d, 1, 1);
        if (q.type === 'multi_choice' && q.scoring)
          q.scoring.redFlags = { none: 'wages_withheld', box: 'debt_bondage' };
      },
      [
        {
          path: ['sections', 1, 'questions', 1, 'scoring', 'redFlags'],
          message: 'A multi_choice question can raise one red flag; split it',
        },
      ],
    ],
    [
      'bands out of order and beyond the maximum',
      (d) => {
        const q = question(d, 1, 0);
        if (q.type === 'number' && q.scoring)
          q.scoring.bands = [
            { from: 10, points: 1 },
            { from: 5, points: 2 },
            { from: 200, points: 0 },
          ];
      },
      [
        {
          path: ['sections', 1, 'questions', 0, 'scoring', 'bands', 1, 'from'],
          message: 'Band starts must increase (10)',
        },
        {
          path: ['sections', 1, 'questions', 0, 'scoring', 'bands', 2, 'from'],
          message: 'No answer can reach it: above the maximum (168)',
        },
      ],
    ],
    [
      'a missing translation and a locale the template does not list',
      (d) => {
        question(d, 0, 1).label = { en: 'Agencies?', fr: 'Agences ?' };
      },
      [
        { path: ['sections', 0, 'questions', 1, 'label', 'es'], message: 'Missing the es text' },
        {
          path: ['sections', 0, 'questions', 1, 'label', 'fr'],
          message: '"fr" is not one of the template\'s locales',
        },
      ],
    ],
    [
      'a default locale outside the list, and a repeated locale',
      (d) => {
        d.locales = ['es', 'es'];
        d.defaultLocale = 'en';
      },
      expect.arrayContaining([
        { path: ['locales'], message: 'Each locale at most once' },
        { path: ['defaultLocale'], message: "The default locale must be one of the template's locales" },
      ]) as never,
    ],
  ];

  it.each(cases)('refuses %s', (_, edit, expected) => {
    expect(issuesOf(edit)).toEqual(expected);
  });

  it('TemplateDefinitionSchema refuses the structural issues with the same paths', () => {
    const def = copy();
    question(def, 0, 1).showIf = { questionId: 'weekly_hours', op: 'gt', value: 40 };
    const r = TemplateDefinitionSchema.safeParse(def);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [
        ['sections', 0, 'questions', 1, 'showIf', 'questionId'],
        '"weekly_hours" comes later; a condition can only use earlier answers',
      ],
    ]);
  });

  it('the schema bounds sizes and ids', () => {
    const def = copy();
    question(def, 0, 0).id = 'Bad Id';
    (def.title as Record<string, string>).en = 'x'.repeat(201);
    const paths = TemplateDefinitionSchema.safeParse(def).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['sections.0.questions.0.id', 'title.en']));
  });

  it('structure issues need no policy', () => {
    expect(templateStructureIssues(SAMPLE_TEMPLATE)).toEqual([]);
  });
});
