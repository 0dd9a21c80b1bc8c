import { randomUUID } from 'node:crypto';
import type { AssessmentResult } from '#shared/domain/scoring/types.js';
import type { PreviewFinding } from '#shared/schemas/assignment-review.js';
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
  return findingsOfResult(result).map((f) => ({
    id: randomUUID(),
    ...base,
    ...f,
  }));
};

/**
 * The findings a result gives, before any is stored: what accepting writes (findingsOf) and what its preview
 * shows are this one list. The stored form keeps every answered criterion, so both see the same lines.
 */
export const findingsOfResult = (
  result: Pick<AssessmentResult, 'control' | 'redFlags'>,
): PreviewFinding[] => {
  const criteria = result.control.criteria
    .filter((c) => c.answers.length > 0 && c.effectiveness < FINDING_EFFECTIVENESS_BELOW)
    .map(
      (c): PreviewFinding => ({
        kind: 'criterion',
        key: c.key,
        title: c.name,
        detail: `The answers show this ${Math.round(c.effectiveness)}% controlled (${c.answers
          .map((a) => `${a.questionId}: ${a.answerLabel}`)
          .join('; ')}).`,
        severity: c.group === 'ilo_indicator' ? 'high' : 'medium',
        questionId: null,
        citation: c.citation,
      }),
    );
  const flags = result.redFlags.map(
    (f): PreviewFinding => ({
      kind: 'red_flag',
      key: f.key,
      title: f.name,
      detail: `Raised by the answer to ${f.triggeredBy}.`,
      severity: f.minRating === 'critical' ? 'critical' : 'high',
      questionId: f.triggeredBy,
      citation: f.citation,
    }),
  );
  return [...flags, ...criteria];
};
