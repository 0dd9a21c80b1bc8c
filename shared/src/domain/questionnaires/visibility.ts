import type { AnswerMap, AnswerValue } from '../../schemas/questionnaire-answers.js';
import { isAnswered } from '../../schemas/questionnaire-answers.js';
import type { Question, TemplateDefinition } from '../../schemas/questionnaires.js';
import { evaluateCondition } from './conditions.js';
import { own, placedQuestions } from './questions.js';

/** What the supplier sees: the visible questions in order, and the answers that count (visible and valid). */
export interface Visibility {
  questions: Question[];
  /** Visible questions' valid answers, by question id; everything else in the answer map is ignored. */
  answers: Map<string, AnswerValue>;
}

/**
 * The one showIf evaluator (portal, server and scoring all use it). One pass in template order: a condition
 * reads only the counting answers of earlier questions, so an answer to a hidden question is as good as
 * none, and a question whose condition rests on a hidden question's answer is hidden too. A template passes
 * validation only if its conditions point backwards, so one pass settles every question.
 */
export const resolveVisibility = (def: TemplateDefinition, answers: AnswerMap): Visibility => {
  const questions: Question[] = [];
  const counting = new Map<string, AnswerValue>();
  const answerOf = (id: string) => counting.get(id);
  for (const { question } of placedQuestions(def)) {
    if (question.showIf && !evaluateCondition(question.showIf, answerOf)) continue;
    questions.push(question);
    const value = own(answers, question.id);
    if (isAnswered(question, value)) counting.set(question.id, value);
  }
  return { questions, answers: counting };
};

/** The questions the supplier sees given `answers`, in template order. */
export const visibleQuestions = (def: TemplateDefinition, answers: AnswerMap): Question[] =>
  resolveVisibility(def, answers).questions;

/** Whether question `questionId` shows given `answers` (false for an id the template does not have). */
export const isVisible = (def: TemplateDefinition, questionId: string, answers: AnswerMap): boolean =>
  resolveVisibility(def, answers).questions.some((q) => q.id === questionId);

/** The answers that count, as a plain record: visible questions' valid answers only. */
export const countingAnswers = (def: TemplateDefinition, answers: AnswerMap): Record<string, AnswerValue> =>
  Object.fromEntries(resolveVisibility(def, answers).answers);
