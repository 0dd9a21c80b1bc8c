import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PolicyDocument, PolicyDocumentSchema } from '../../schemas/policy.js';
import { loadReferenceData } from '../reference/load-node.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { ENGINE_VERSION, score } from './score.js';
import {
  EXPANDS_ENGINE_VERSIONS,
  expandStoredResult,
  fullResultText,
  type StoredResult,
  storedResultTexts,
  toStoredResult,
} from './stored.js';
import { type AssessmentInputs, AssessmentInputsSchema } from './types.js';

/**
 * Rows written by engine 1.0.0 with the default policy of that release (generated with that code and kept
 * as they were written): they must keep expanding to the text their hash was taken of.
 */
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/engine-1.0.0.json', import.meta.url), 'utf8'),
) as {
  engineVersion: string;
  policy: PolicyDocument;
  assessments: { inputs: AssessmentInputs; stored: StoredResult; resultSha256: string }[];
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ref = loadReferenceData();

describe('stored results across engine versions', () => {
  it('expands every stored form this engine writes (bumping ENGINE_VERSION needs an entry here)', () => {
    expect(EXPANDS_ENGINE_VERSIONS).toContain(ENGINE_VERSION);
    expect(EXPANDS_ENGINE_VERSIONS).toContain('1.0.0');
  });

  it('expands rows of engine 1.0.0 exactly as they were written', () => {
    expect(fixture.assessments).toHaveLength(3);
    for (const a of fixture.assessments) {
      expect(a.stored.engineVersion).toBe('1.0.0');
      expect(a.stored.storedForm).toBe('policy-compact-1');
      expect(sha256(JSON.stringify(expandStoredResult(fixture.policy, a.stored)))).toBe(a.resultSha256);
    }
  });

  it('still reads the 1.0.0 default policy and its inputs, and scores them as that engine did', () => {
    // A policy written before 1.1.0 has none of the new parameters: the new engine gives the same numbers,
    // with only its version and the (empty) rating floor added.
    expect(PolicyDocumentSchema.parse(fixture.policy)).toEqual(fixture.policy);
    // The third row's goods (solar modules, polysilicon) match differently since the goods synonym table
    // moved to version 2 (one solar family): re-scoring it is the synonym table's change, not the policy's.
    for (const a of fixture.assessments.slice(0, 2)) {
      const inputs = AssessmentInputsSchema.parse(a.inputs);
      const now = score(fixture.policy, inputs.profile, inputs.answers, inputs.reference);
      const then = expandStoredResult(fixture.policy, a.stored);
      const { ratingFloor, ...rest } = now;
      expect(ratingFloor).toBeNull();
      expect(JSON.stringify({ ...rest, engineVersion: '1.0.0' })).toBe(JSON.stringify(then));
    }
  });

  it('round-trips a 1.1.0 result with answers and a red flag byte for byte', () => {
    const profile = fixture.assessments[0]!.inputs.profile;
    const answers = fixture.assessments[0]!.inputs.answers;
    const result = score(DEFAULT_POLICY, profile, answers, ref);
    expect(result.engineVersion).toBe(ENGINE_VERSION);
    expect(result.redFlags.length).toBe(1);
    const stored = JSON.parse(JSON.stringify(toStoredResult(DEFAULT_POLICY, result))) as StoredResult;
    expect(stored.storedForm).toBe('policy-compact-1');
    expect(stored.control.criteria.map((c) => c.key)).toEqual(['policy_commitment', 'age_verification']);
    expect(JSON.stringify(expandStoredResult(DEFAULT_POLICY, stored))).toBe(JSON.stringify(result));
  });

  it('builds the full result text from the stored form exactly as JSON.stringify of the full result', () => {
    const profiles = [
      ...fixture.assessments.map((a) => ({ profile: a.inputs.profile, answers: a.inputs.answers })),
      ...fixture.assessments.map((a) => ({ profile: a.inputs.profile, answers: [] })),
      {
        profile: {
          country: 'AQ',
          goods: ['garments'],
          tier: 1,
          headcount: null,
          migrantWorkerShare: null,
          agencyWorkerShare: null,
        },
        answers: [],
      },
      {
        profile: {
          country: 'CN',
          goods: ['cotton', 'solar modules'],
          tier: 2,
          headcount: 40,
          migrantWorkerShare: 55,
          agencyWorkerShare: 40,
        },
        answers: [],
      },
    ];
    let compact = 0;
    for (const { profile, answers } of profiles) {
      const result = score(DEFAULT_POLICY, profile, answers, ref);
      const stored = toStoredResult(DEFAULT_POLICY, result);
      if (stored.storedForm) compact += 1;
      expect(fullResultText(DEFAULT_POLICY, stored)).toBe(JSON.stringify(result));
      expect(storedResultTexts(DEFAULT_POLICY, stored).stored).toBe(JSON.stringify(stored));
    }
    expect(compact).toBe(profiles.length);
    // A result kept whole (an engine version the form does not expand) is its own text.
    const whole = { ...score(DEFAULT_POLICY, profiles[0]!.profile, [], ref), engineVersion: '0.9.0' };
    expect(fullResultText(DEFAULT_POLICY, toStoredResult(DEFAULT_POLICY, whole))).toBe(JSON.stringify(whole));
    expect(storedResultTexts(DEFAULT_POLICY, whole).stored).toBe(JSON.stringify(whole));
  });
});
