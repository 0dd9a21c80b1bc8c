import { createHash } from 'node:crypto';
import { sliceReference } from '#shared/domain/reference/lookup.js';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import { type AssessmentResult, type CriterionAnswer, score } from '#shared/domain/scoring/score.js';
import { toStoredResult } from '#shared/domain/scoring/stored.js';
import type { AssessmentInputs } from '#shared/domain/scoring/types.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import type { SupplierProfile } from '#shared/schemas/suppliers.js';

/**
 * SHA-256 of the engine's full result text. The engine builds its result in a fixed key order, so equal
 * results hash equally; the stored form must expand back to exactly this text (domain/scoring/stored.ts).
 */
export const resultSha256 = (result: AssessmentResult): string =>
  createHash('sha256').update(JSON.stringify(result)).digest('hex');

/** Scores one profile and packages what is stored. Answers come from accepted questionnaires (next issue). */
export const runEngine = (
  policy: PolicyDocument,
  profile: SupplierProfile,
  ref: ReferenceData,
  answers: CriterionAnswer[] = [],
) => {
  const inputs: AssessmentInputs = { profile, answers, reference: sliceReference(ref, profile) };
  const result = score(policy, profile, answers, ref);
  return { inputs, result, stored: toStoredResult(policy, result), sha256: resultSha256(result) };
};

/** Re-runs the engine on stored inputs; an equal hash means the stored result is reproduced exactly. */
export const reproduce = (policy: PolicyDocument, inputs: AssessmentInputs) => {
  const result = score(policy, inputs.profile, inputs.answers, inputs.reference);
  return { result, sha256: resultSha256(result) };
};
