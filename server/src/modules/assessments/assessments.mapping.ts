import { expandStoredResult, StoredResultSchema } from '#shared/domain/scoring/stored.js';
import { AssessmentInputsSchema } from '#shared/domain/scoring/types.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import type { AssessmentRow } from './assessments.repo.js';

/**
 * The API form: the stored JSON parsed through the contract's schemas (the columns are `unknown` until then),
 * and the engine's full breakdown, the lines the stored form leaves out put back from `policy`.
 */
export const toAssessment = (a: AssessmentRow, policy: PolicyDocument): Assessment => ({
  id: a.id,
  supplierId: a.supplierId,
  policyId: a.policyId,
  policyVersion: a.policyVersion,
  engineVersion: a.engineVersion,
  rating: a.rating,
  inherentScore: a.inherentScore,
  controlScore: a.controlScore,
  residualScore: a.residualScore,
  trigger: a.trigger,
  triggerDetail: a.triggerDetail,
  createdAt: a.createdAt.toISOString(),
  createdBy: a.createdBy,
  resultSha256: a.resultSha256,
  result: expandStoredResult(policy, StoredResultSchema.parse(a.result)),
  inputs: AssessmentInputsSchema.parse(a.inputs),
  answersFrom:
    a.answersAssignmentId && a.answersTemplateId
      ? {
          assignmentId: a.answersAssignmentId,
          templateId: a.answersTemplateId,
          templateVersion: a.answersTemplateVersion,
        }
      : null,
});
