import { randomUUID } from 'node:crypto';
import { findQuestion, textIn } from '#shared/domain/questionnaires/questions.js';
import type { AssessmentResult } from '#shared/domain/scoring/types.js';
import type { PreviewFinding } from '#shared/schemas/assignment-review.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { ratingRank } from '#shared/schemas/suppliers.js';
import type { FindingRow } from './findings.repo.js';

/** Below this effectiveness (%) an answered criterion is a finding: its answers show it poorly controlled. */
export const FINDING_EFFECTIVENESS_BELOW = 50;

/**
 * The findings of an assessment made on accepting a questionnaire: each answered criterion its answers show
 * less than half controlled, and each red flag an answer raised. Unanswered criteria are data gaps, not
 * findings (the assessment lists them). Whole rows, id and time made here: accepting audits each finding in
 * the same append as the acceptance, so it needs their ids before PostgreSQL has answered the insert.
 */
export const findingsOf = (
  assessment: { id: string; orgId: string; supplierId: string },
  result: Pick<AssessmentResult, 'control' | 'redFlags'>,
  definition: QuestionLabels,
  assignmentId: string,
  createdAt: Date,
): FindingRow[] => {
  const base = {
    orgId: assessment.orgId,
    supplierId: assessment.supplierId,
    assignmentId,
    assessmentId: assessment.id,
    status: 'open' as const,
    createdAt,
  };
  return findingsOfResult(result, definition).map((f) => ({
    id: randomUUID(),
    ...base,
    ...f,
  }));
};

/** The questionnaire version the answers were given to: its questions' wording names them in a finding. */
type QuestionLabels = Pick<TemplateDefinition, 'sections' | 'defaultLocale'>;

/**
 * A question as the supplier read it (the template's default locale), quoted: a finding is read by people, on
 * the review and supplier pages and in the supplier report, where an id such as `agency_fees_paid_by` means
 * nothing. The id stays in the finding's `questionId` for machines. A question the version lacks (it cannot,
 * the answers were validated against it) falls back to its id rather than to nothing.
 */
const questionText = (def: QuestionLabels, questionId: string): string => {
  const q = findQuestion(def, questionId);
  const label = q ? textIn(q.label, def.defaultLocale, def) : '';
  return label ? `“${label}”` : questionId;
};

/** Ends a sentence with a full stop unless it already ends with one (or a question quoted with its mark). */
const sentence = (text: string) => (/[.?!]”?$/.test(text) ? text : `${text}.`);

/** Most severe first: the order every list of findings shows (the stored lists add newest first). */
export const bySeverity = (a: Pick<PreviewFinding, 'severity'>, b: Pick<PreviewFinding, 'severity'>) =>
  ratingRank(b.severity) - ratingRank(a.severity);

/**
 * The findings a result gives, before any is stored, most severe first: what accepting writes (findingsOf)
 * and what its preview shows are this one list. The stored form keeps every answered criterion, so both see
 * the same lines. Their wording names the questions as `definition` asks them.
 */
export const findingsOfResult = (
  result: Pick<AssessmentResult, 'control' | 'redFlags'>,
  definition: QuestionLabels,
): PreviewFinding[] => {
  const criteria = result.control.criteria
    .filter((c) => c.answers.length > 0 && c.effectiveness < FINDING_EFFECTIVENESS_BELOW)
    .map(
      (c): PreviewFinding => ({
        kind: 'criterion',
        key: c.key,
        title: c.name,
        detail: sentence(
          `The answers show this ${Math.round(c.effectiveness)}% controlled. ${c.answers
            .map((a) => `${questionText(definition, a.questionId)}: ${a.answerLabel}`)
            .join('; ')}`,
        ),
        severity: c.group === 'ilo_indicator' ? 'high' : 'medium',
        questionId: null,
        citation: c.citation,
      }),
    );
  const answers = result.control.criteria.flatMap((c) => c.answers);
  const flags = result.redFlags.map((f): PreviewFinding => {
    const answer = answers.find((a) => a.questionId === f.triggeredBy && a.redFlag === f.key);
    return {
      kind: 'red_flag',
      key: f.key,
      title: f.name,
      detail: sentence(
        answer
          ? `Raised by the answer “${answer.answerLabel}” to ${questionText(definition, f.triggeredBy)}`
          : `Raised by the answer to ${questionText(definition, f.triggeredBy)}`,
      ),
      severity: f.minRating === 'critical' ? 'critical' : 'high',
      questionId: f.triggeredBy,
      citation: f.citation,
    };
  });
  // A stable sort: red flags before criteria within a severity, each in the engine's order.
  return [...flags, ...criteria].sort(bySeverity);
};
