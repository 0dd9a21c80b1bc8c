import { createHash } from 'node:crypto';
import { sliceReference } from '#shared/domain/reference/lookup.js';
import type { ReferenceData, ScoringReference } from '#shared/domain/reference/types.js';
import { type AssessmentResult, type CriterionAnswer, score } from '#shared/domain/scoring/score.js';
import { type StoredResult, toStoredResult } from '#shared/domain/scoring/stored.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import type { SupplierProfile } from '#shared/schemas/suppliers.js';

/**
 * What an assessment stores as its inputs: everything the engine read, so that re-running it years later,
 * with the same engine version and policy document, gives the same result byte for byte.
 */
export interface AssessmentInputs {
  profile: SupplierProfile;
  answers: CriterionAnswer[];
  reference: ScoringReference;
}

/**
 * SHA-256 of the result's text as stored (the `result` column is json, not jsonb: it keeps that text, key
 * order included). The engine builds its result in a fixed key order, so equal results hash equally.
 */
export const storedResultSha256 = (storedText: string): string =>
  createHash('sha256').update(storedText).digest('hex');

const engineOutput = (policy: PolicyDocument, result: AssessmentResult) => {
  const stored = toStoredResult(policy, result);
  const storedText = JSON.stringify(stored);
  return { result, stored, storedText, sha256: storedResultSha256(storedText) };
};

/** Scores one profile and packages what is stored. Answers come from accepted questionnaires (next issue). */
export const runEngine = (
  policy: PolicyDocument,
  profile: SupplierProfile,
  ref: ReferenceData,
  answers: CriterionAnswer[] = [],
) => {
  const inputs: AssessmentInputs = { profile, answers, reference: sliceReference(ref, profile) };
  return { inputs, ...engineOutput(policy, score(policy, profile, answers, ref)) };
};

/**
 * Re-runs the engine on a stored assessment's inputs and hashes the result in the form that row was stored
 * in (assessments written before the stored form keep their whole result): an equal hash means the stored
 * result is reproduced exactly.
 */
export const reproduce = (policy: PolicyDocument, inputs: AssessmentInputs, stored: StoredResult) => {
  const result = score(policy, inputs.profile, inputs.answers, inputs.reference);
  const text = JSON.stringify(stored.storedForm ? toStoredResult(policy, result) : result);
  return { result, sha256: storedResultSha256(text) };
};

export type { StoredResult };
