import type { AnswerMap } from '../../schemas/questionnaire-answers.js';
import type { TemplateDefinition } from '../../schemas/questionnaires.js';
import { placedQuestions } from './questions.js';
import { resolveVisibility } from './visibility.js';

export interface AnswerProgress {
  /** Visible required questions with a valid answer. */
  answered: number;
  /** Visible required questions. */
  required: number;
  /** 100 × answered / required, rounded down (100 only when nothing is missing); 100 when nothing is required. */
  percent: number;
}

/** How far the supplier is: the share of the questions it sees and must answer that it has answered. */
export const answerProgress = (def: TemplateDefinition, answers: AnswerMap): AnswerProgress => {
  const v = resolveVisibility(def, answers);
  const required = v.questions.filter((q) => q.required);
  const answered = required.filter((q) => v.answers.has(q.id)).length;
  const percent = required.length === 0 ? 100 : Math.floor((100 * answered) / required.length);
  return { answered, required: required.length, percent };
};

/** A required question the supplier sees and has not answered (validly). */
export interface MissingAnswer {
  sectionId: string;
  questionId: string;
}

/** What stops a submit: every visible required question without a valid answer, in template order. */
export const missingRequired = (def: TemplateDefinition, answers: AnswerMap): MissingAnswer[] => {
  const v = resolveVisibility(def, answers);
  const visible = new Set(v.questions);
  return placedQuestions(def)
    .filter((p) => p.question.required && visible.has(p.question) && !v.answers.has(p.question.id))
    .map((p) => ({ sectionId: p.section.id, questionId: p.question.id }));
};
