import { findQuestion, textIn } from '#shared/domain/questionnaires/questions.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import type { Assignment } from '#shared/schemas/assignments.js';
import { useTemplate } from '../../questionnaires/api.js';
import { useAcceptedAssignments } from '../../questionnaires/review/review-api.js';

/** One answer an assessment scored, as a person reads it: the question, the answer, where and when it came from. */
export interface AnswerSource {
  questionId: string;
  question: string;
  answer: string;
  assignment: Pick<Assignment, 'id' | 'templateName' | 'templateVersion' | 'acceptedAt'>;
}

// The acceptance and the assessment it makes share a transaction, so their times are a moment apart.
const SLACK_MS = 60_000;

/**
 * The questionnaire an assessment's answers came from: the supplier's most recently accepted one at the time
 * of the assessment (scoring uses exactly that one's answers), and each answer's question text from the
 * template version it was sent with. Null until known, or when the assessment scored no answers.
 */
export const useAnswerSources = (assessment: Assessment | undefined): Map<string, AnswerSource> | null => {
  const answers = assessment?.inputs.answers ?? [];
  const accepted = useAcceptedAssignments(assessment?.supplierId ?? '', answers.length > 0);
  const at = assessment ? Date.parse(assessment.createdAt) + SLACK_MS : 0;
  const source = (accepted.data ?? [])
    .filter((a) => a.acceptedAt && Date.parse(a.acceptedAt) <= at)
    .sort((a, b) => Date.parse(b.acceptedAt ?? '') - Date.parse(a.acceptedAt ?? ''))[0];
  const template = useTemplate(source?.templateId);
  const def = template.data?.definition;
  if (!assessment || answers.length === 0 || !source || !def) return null;
  return new Map(
    answers.map((a) => {
      const q = findQuestion(def, a.questionId);
      return [
        a.questionId,
        {
          questionId: a.questionId,
          // The officer reads the dashboard in the template's default locale, as the stored labels are.
          question: q ? textIn(q.label, def.defaultLocale, def) : a.questionId,
          answer: a.answerLabel,
          assignment: source,
        },
      ];
    }),
  );
};
