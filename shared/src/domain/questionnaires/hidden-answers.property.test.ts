import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../schemas/questionnaire-answers.js';
import type { Question, TemplateDefinition } from '../../schemas/questionnaires.js';
import type { SupplierProfile } from '../../schemas/suppliers.js';
import { loadReferenceData } from '../reference/load-node.js';
import { DEFAULT_POLICY } from '../scoring/default-policy.js';
import { score } from '../scoring/score.js';
import { answersToCriterionAnswers } from './criterion-answers.js';
import { DEFAULT_TEMPLATE } from './default-template.js';
import { SAMPLE_TEMPLATE } from './fixtures/sample-template.js';
import { allQuestions } from './questions.js';
import { visibleQuestions } from './visibility.js';

const ref = loadReferenceData();
const profile: SupplierProfile = {
  country: 'BD',
  goods: ['Garments'],
  tier: 1,
  headcount: 500,
  migrantWorkerShare: 30,
  agencyWorkerShare: null,
};

/** Valid answers mostly, and some junk: an invalid answer must behave exactly like none. */
const valueArb = (q: Question): fc.Arbitrary<AnswerValue> => {
  switch (q.type) {
    case 'yes_no':
      return fc.constantFrom('yes', 'no', 'maybe');
    case 'single_choice':
      return fc.constantFrom(...q.options.map((o) => o.id), 'not_an_option');
    case 'multi_choice':
      return fc.subarray(q.options.map((o) => o.id));
    case 'number':
      return fc.oneof(
        fc.integer({ min: (q.min ?? -10) - 5, max: Math.min(q.max ?? 200, 1000) + 5 }),
        fc.double({ noNaN: true, min: -10, max: 200 }),
      );
    case 'text':
      return fc.string({ maxLength: 20 });
    case 'date':
      return fc.constantFrom('2026-01-31', '2026-02-30', 'yesterday');
    case 'file':
      return fc.constant(['5f2b1a8e-1c1e-4b7a-9d8e-2f1e0c3b4a5d']);
  }
};

const answersArb = (def: TemplateDefinition) =>
  fc.record(Object.fromEntries(allQuestions(def).map((q) => [q.id, valueArb(q)])), { requiredKeys: [] });

const evidenceArb = (def: TemplateDefinition) =>
  fc.subarray(allQuestions(def).map((q) => q.id)).map((ids) => new Set(ids));

const hiddenAnswersNeverCount = (name: string, def: TemplateDefinition) =>
  describe(`${name}: answers to hidden questions`, () => {
    it('never change the criterion answers or the score', () => {
      fc.assert(
        fc.property(
          answersArb(def),
          answersArb(def),
          evidenceArb(def),
          (answers, other, evidenceAccepted) => {
            const visible = new Set(visibleQuestions(def, answers).map((q) => q.id));
            // Same answers to every visible question; anything (or nothing) for the hidden ones.
            const mixed: Record<string, AnswerValue> = {};
            for (const q of allQuestions(def)) {
              const v = visible.has(q.id) ? answers[q.id] : other[q.id];
              if (v !== undefined) mixed[q.id] = v;
            }
            const onlyVisible = Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
            const base = answersToCriterionAnswers(def, answers, { evidenceAccepted });
            expect(answersToCriterionAnswers(def, mixed, { evidenceAccepted })).toEqual(base);
            expect(answersToCriterionAnswers(def, onlyVisible, { evidenceAccepted })).toEqual(base);
            expect(visibleQuestions(def, mixed).map((q) => q.id)).toEqual([...visible]);
            const s = score(DEFAULT_POLICY, profile, base, ref);
            expect(
              score(
                DEFAULT_POLICY,
                profile,
                answersToCriterionAnswers(def, mixed, { evidenceAccepted }),
                ref,
              ),
            ).toEqual(s);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('never count in any criterion answer', () => {
      fc.assert(
        fc.property(answersArb(def), (answers) => {
          const visible = new Set(visibleQuestions(def, answers).map((q) => q.id));
          for (const a of answersToCriterionAnswers(def, answers))
            expect(visible.has(a.questionId)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  });

hiddenAnswersNeverCount('sample template', SAMPLE_TEMPLATE);
hiddenAnswersNeverCount('default template', DEFAULT_TEMPLATE);
