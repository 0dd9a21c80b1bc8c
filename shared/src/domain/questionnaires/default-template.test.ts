import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../schemas/questionnaire-answers.js';
import { TemplateDefinitionSchema } from '../../schemas/questionnaires.js';
import { loadReferenceData } from '../reference/load-node.js';
import { DEFAULT_POLICY } from '../scoring/default-policy.js';
import { score } from '../scoring/score.js';
import { answersToCriterionAnswers, scoreAnswer } from './criterion-answers.js';
import { DEFAULT_TEMPLATE } from './default-template.js';
import { allQuestions, optionIdsOf } from './questions.js';
import { templateTexts } from './translations.js';
import { templateCriteria, validateTemplate } from './validate.js';
import { visibleQuestions } from './visibility.js';

const questions = allQuestions(DEFAULT_TEMPLATE);

describe('DEFAULT_TEMPLATE', () => {
  it('is a valid template under the default policy, and parses unchanged', () => {
    expect(validateTemplate(DEFAULT_TEMPLATE, DEFAULT_POLICY)).toEqual([]);
    expect(TemplateDefinitionSchema.parse(DEFAULT_TEMPLATE)).toEqual(DEFAULT_TEMPLATE);
  });

  it('has 40–60 questions, using every question type', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.length).toBeLessThanOrEqual(60);
    expect(new Set(questions.map((q) => q.type))).toEqual(
      new Set(['yes_no', 'single_choice', 'multi_choice', 'number', 'text', 'date', 'file']),
    );
    expect(questions.filter((q) => q.showIf).length).toBeGreaterThanOrEqual(10);
  });

  it('evidences every criterion of the default policy', () => {
    expect(templateCriteria(DEFAULT_TEMPLATE)).toEqual(DEFAULT_POLICY.criteria.map((c) => c.key).sort());
  });

  it('can raise every red flag of the default policy', () => {
    const raised = new Set<string>();
    for (const q of questions) {
      if (!('scoring' in q) || !q.scoring) continue;
      if ('bands' in q.scoring) {
        for (const b of q.scoring.bands) if (b.redFlag) raised.add(b.redFlag);
      } else {
        for (const key of Object.values(q.scoring.redFlags ?? {})) raised.add(key);
      }
    }
    expect([...raised].sort()).toEqual(DEFAULT_POLICY.redFlags.map((f) => f.key).sort());
  });

  it('has every text in English and Spanish, and no Spanish text left in English', () => {
    const texts = templateTexts(DEFAULT_TEMPLATE);
    expect(texts.length).toBeGreaterThan(120);
    for (const { path, text } of texts) {
      expect(Object.keys(text).sort(), path.join('.')).toEqual(['en', 'es']);
      expect(text.en?.trim(), path.join('.')).toBeTruthy();
      expect(text.es?.trim(), path.join('.')).toBeTruthy();
    }
    // Short shared words ("No", "%") may coincide; a sentence never should.
    const untranslated = texts.filter(({ text }) => text.en === text.es && (text.en?.length ?? 0) > 3);
    expect(untranslated.map((x) => x.path.join('.'))).toEqual([]);
  });

  it('lets the best answer to every scored question earn its maximum, so a model supplier scores 100', () => {
    const answers: Record<string, AnswerValue> = {};
    for (const q of questions) {
      // Answer in order, so that every follow-up the best answers open is answered too.
      if (!visibleQuestions(DEFAULT_TEMPLATE, answers).includes(q)) continue;
      const options = optionIdsOf(q);
      const s = 'scoring' in q ? q.scoring : undefined;
      if (q.type === 'multi_choice')
        answers[q.id] = options!.filter((o) => (s && 'points' in s ? (s.points[o] ?? 0) : 0) > 0);
      else if (options) {
        const best = [...options].sort((a, b) =>
          s && 'points' in s ? (s.points[b] ?? 0) - (s.points[a] ?? 0) : 0,
        );
        answers[q.id] = s ? best[0]! : 'yes';
      } else if (q.type === 'number') answers[q.id] = q.min ?? 0;
      if (s && answers[q.id] !== undefined) {
        expect(scoreAnswer(q, answers[q.id]!)?.pointsEarned, q.id).toBe(s.maxPoints);
      }
    }
    const all = new Set(questions.map((q) => q.id));
    const criterionAnswers = answersToCriterionAnswers(DEFAULT_TEMPLATE, answers, { evidenceAccepted: all });
    const r = score(
      DEFAULT_POLICY,
      {
        country: 'BD',
        goods: ['Garments'],
        tier: 1,
        headcount: 500,
        migrantWorkerShare: 0,
        agencyWorkerShare: 0,
      },
      criterionAnswers,
      loadReferenceData(),
    );
    expect(r.control.score).toBe(100);
    expect(r.redFlags).toEqual([]);
    expect(r.dataGaps.filter((g) => g.kind === 'criterion')).toEqual([]);
  });

  it('wires the red flags to the answers that show them', () => {
    const answers = {
      documents_held: 'yes',
      free_to_leave_site: 'no',
      workers_paid_fees: 'not_repaid',
      wages_held_back: 'yes',
      loans_or_advances: 'yes',
      loan_terms: 'bound',
      below_minimum_age: 'yes',
      workers_threatened: 'yes',
    };
    const flags = answersToCriterionAnswers(DEFAULT_TEMPLATE, answers)
      .filter((a) => a.redFlag)
      .map((a) => [a.questionId, a.redFlag]);
    expect(flags).toEqual([
      ['workers_paid_fees', 'recruitment_fees_paid_by_workers'],
      ['documents_held', 'identity_documents_retained'],
      ['free_to_leave_site', 'not_free_to_leave'],
      ['wages_held_back', 'wages_withheld'],
      ['loan_terms', 'debt_bondage'],
      ['below_minimum_age', 'child_labour_below_minimum_age'],
      ['workers_threatened', 'physical_violence_or_threats'],
    ]);
  });
});
