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

// Assessments stored before their questionnaire was recorded with them (migration 0029) name none: for those,
// the supplier's latest acceptance by the assessment's time, which is a moment before it in the same
// transaction. A guess that picks the wrong one when two were accepted within this slack.
const SLACK_MS = 60_000;

/**
 * The questionnaire an assessment's answers came from, as the assessment records it (the one whose answers it
 * scored; older assessments: see SLACK_MS), and each answer's question text from the template version it was
 * sent with. Null until known, or when the assessment scored no answers.
 */
export const useAnswerSources = (assessment: Assessment | undefined): Map<string, AnswerSource> | null => {
  const answers = assessment?.inputs.answers ?? [];
  const accepted = useAcceptedAssignments(assessment?.supplierId ?? '', answers.length > 0);
  const from = assessment?.answersFrom ?? null;
  const at = assessment ? Date.parse(assessment.createdAt) + SLACK_MS : 0;
  const source = from
    ? accepted.data?.find((a) => a.id === from.assignmentId)
    : (accepted.data ?? [])
        .filter((a) => a.acceptedAt && Date.parse(a.acceptedAt) <= at)
        .sort((a, b) => Date.parse(b.acceptedAt ?? '') - Date.parse(a.acceptedAt ?? ''))[0];
  const template = useTemplate(from?.templateId ?? source?.templateId);
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
