import type { AssignmentPreview } from '#shared/schemas/assignment-review.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import type { ScorePreview } from '../assessments/assessments.preview.js';
import { findingsOfResult } from './review.findings.js';

/** The preview as the review page shows it: scores before → after, the criteria the answers score, and more. */
export const toPreview = (
  assignmentId: string,
  evidenceAccepted: string[],
  { policyVersion, result, current }: ScorePreview,
  definition: TemplateDefinition,
): AssignmentPreview => {
  const before = new Map(current?.result.control.criteria.map((c) => [c.key, c]));
  return {
    assignmentId,
    policyVersion,
    evidenceAccepted: [...evidenceAccepted].sort(),
    before: current && {
      rating: current.rating,
      inherentScore: current.inherentScore,
      controlScore: current.controlScore,
      residualScore: current.residualScore,
      assessedAt: current.createdAt,
      policyVersion: current.policyVersion,
    },
    after: {
      rating: result.rating,
      ratingFromScore: result.ratingFromScore,
      inherentScore: result.inherent.score,
      controlScore: result.control.score,
      residualScore: result.residual.score,
    },
    // The criteria these answers score, and those the previous answers scored (they may fall back to gaps).
    criteria: result.control.criteria
      .filter((c) => c.answers.length > 0 || (before.get(c.key)?.answers.length ?? 0) > 0)
      .map((c) => ({
        key: c.key,
        name: c.name,
        group: c.group,
        citation: c.citation,
        before: current ? (before.get(c.key)?.effectiveness ?? null) : null,
        after: c.effectiveness,
        answers: c.answers,
      })),
    redFlags: result.redFlags,
    findings: findingsOfResult(result, definition),
  };
};
