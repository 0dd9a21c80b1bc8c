import type { AnswerValue } from '../../schemas/questionnaire-answers.js';
import type { Condition, ConditionLeaf, ConditionTerm } from '../../schemas/questionnaire-conditions.js';

type Path = (string | number)[];

/** Every single test in a condition, with its path inside the condition (for validation messages). */
export const conditionLeaves = (condition: Condition): { leaf: ConditionLeaf; path: Path }[] => {
  const out: { leaf: ConditionLeaf; path: Path }[] = [];
  const walk = (c: Condition | ConditionTerm, path: Path) => {
    if ('op' in c) out.push({ leaf: c, path });
    else if ('all' in c) {
      c.all.forEach((t, i) => {
        walk(t, [...path, 'all', i]);
      });
    } else {
      c.any.forEach((t, i) => {
        walk(t, [...path, 'any', i]);
      });
    }
  };
  walk(condition, []);
  return out;
};

const testLeaf = (leaf: ConditionLeaf, answer: AnswerValue | undefined): boolean => {
  if (answer === undefined) return false;
  switch (leaf.op) {
    case 'equals':
      return typeof leaf.value === typeof answer && answer === leaf.value;
    case 'in':
      return typeof answer === 'string' && leaf.values.includes(answer);
    case 'any_of':
      return Array.isArray(answer) && answer.some((v) => leaf.values.includes(v));
    case 'gt':
      return typeof answer === 'number' && answer > leaf.value;
    case 'gte':
      return typeof answer === 'number' && answer >= leaf.value;
    case 'lt':
      return typeof answer === 'number' && answer < leaf.value;
    case 'lte':
      return typeof answer === 'number' && answer <= leaf.value;
  }
};

/**
 * Whether `condition` holds, given each question's answer as `answerOf` reports it: undefined when the
 * question is unanswered or hidden, so that a missing or hidden answer fails every test.
 */
export const evaluateCondition = (
  condition: Condition | ConditionTerm,
  answerOf: (questionId: string) => AnswerValue | undefined,
): boolean => {
  if ('op' in condition) return testLeaf(condition, answerOf(condition.questionId));
  if ('all' in condition) return condition.all.every((t) => evaluateCondition(t, answerOf));
  return condition.any.some((t) => evaluateCondition(t, answerOf));
};
