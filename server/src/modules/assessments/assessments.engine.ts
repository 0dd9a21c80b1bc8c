import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { GOODS_SYNONYMS_VERSION } from '#shared/domain/reference/goods-synonyms.js';
import { sliceReference } from '#shared/domain/reference/lookup.js';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import { type AssessmentResult, type CriterionAnswer, score } from '#shared/domain/scoring/score.js';
import { storedResultTexts, toStoredResult } from '#shared/domain/scoring/stored.js';
import type { AssessmentInputs, AssessmentProvenance } from '#shared/domain/scoring/types.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import type { SupplierProfile } from '#shared/schemas/suppliers.js';

/**
 * SHA-256 of the engine's full result text. The engine builds its result in a fixed key order, so equal
 * results hash equally; the stored form must expand back to exactly this text (domain/scoring/stored.ts).
 */
export const resultSha256 = (result: AssessmentResult): string =>
  createHash('sha256').update(JSON.stringify(result)).digest('hex');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * SHA-256 of the policy document's canonical JSON: keys sorted at every level, no whitespace
 * (safe-stable-stringify), so the hash does not depend on how jsonb ordered the keys.
 */
export const policySha256 = (policy: PolicyDocument): string => sha256(stringify(policy) ?? '');

const provenances = new WeakMap<PolicyDocument, WeakMap<ReferenceData, AssessmentProvenance>>();

/** What an assessment relied on, by hash (the same object for every supplier scored under one policy). */
export const provenanceOf = (policy: PolicyDocument, ref: ReferenceData): AssessmentProvenance => {
  let byRef = provenances.get(policy);
  if (!byRef) {
    byRef = new WeakMap();
    provenances.set(policy, byRef);
  }
  let p = byRef.get(ref);
  if (!p) {
    p = {
      policySha256: policySha256(policy),
      datasets: ref.datasets.map((d) => ({
        id: d.id,
        edition: d.edition,
        file: d.file,
        sha256: d.sha256 ?? null,
      })),
      goodsSynonymsVersion: GOODS_SYNONYMS_VERSION,
    };
    byRef.set(ref, p);
  }
  return p;
};

/** Scores one profile and packages what is stored. Answers come from accepted questionnaires (next issue). */
export const runEngine = (
  policy: PolicyDocument,
  profile: SupplierProfile,
  ref: ReferenceData,
  answers: CriterionAnswer[] = [],
) => {
  const inputs: AssessmentInputs = {
    profile,
    answers,
    reference: sliceReference(ref, profile),
    provenance: provenanceOf(policy, ref),
  };
  const result = score(policy, profile, answers, ref);
  const stored = toStoredResult(policy, result);
  // The text resultSha256 hashes, in pieces, and the stored form's JSON (written as it is), from one
  // serialisation: the unanswered lines' text is kept once per policy (most of a rescore's JSON work).
  const texts = storedResultTexts(policy, stored);
  const hash = createHash('sha256');
  for (const piece of texts.fullPieces) hash.update(piece);
  return { inputs, result, stored, storedText: texts.stored, sha256: hash.digest('hex') };
};

/** Re-runs the engine on stored inputs; an equal hash means the stored result is reproduced exactly. */
export const reproduce = (policy: PolicyDocument, inputs: AssessmentInputs) => {
  const result = score(policy, inputs.profile, inputs.answers, inputs.reference);
  return { result, sha256: resultSha256(result) };
};
