import { z } from 'zod';
import { RATING_FLOOR_KINDS, RatingSchema, SupplierProfileSchema } from '../../schemas/suppliers.js';
import { ScoringReferenceSchema } from '../reference/types.js';

// WARNING: assessments store the answers (inputs) and the result as JSON and are re-scored from them. Add
// fields, never rename or re-mean one; a change to what the engine computes bumps ENGINE_VERSION.

/**
 * One accepted answer, as scoring sees it: it evidences one policy criterion. The questionnaire maps a
 * question's option to points; evidence-backed answers count at the policy's higher evidence weight.
 */
export const CriterionAnswerSchema = z
  .object({
    questionId: z.string().min(1).max(100),
    /** The policy criterion this answer evidences. */
    criterionKey: z.string().min(1).max(64),
    /** The chosen option or value, short, for the breakdown (e.g. "Yes, written policy"). */
    answerLabel: z.string().max(200),
    pointsEarned: z.number().min(0).max(1000),
    maxPoints: z.number().gt(0).max(1000),
    /** Backed by evidence an officer accepted. */
    evidenceBacked: z.boolean(),
    /** The red flag this answer raises, e.g. `identity_documents_retained`. */
    redFlag: z.string().min(1).max(64).nullable().optional(),
  })
  .refine((a) => a.pointsEarned <= a.maxPoints, {
    message: 'Cannot earn more than the maximum points',
    path: ['pointsEarned'],
  });
export type CriterionAnswer = z.infer<typeof CriterionAnswerSchema>;
/** The answers of one accepted questionnaire, as stored with it and handed to the engine. */
export const CriterionAnswersSchema = z.array(CriterionAnswerSchema).max(1000);

export const INHERENT_FACTOR_KEYS = [
  'tip_tier',
  'gsi_prevalence',
  'ilab_goods',
  'migrant_share',
  'agency_share',
  'supplier_tier',
  // Added in engine 1.1.0 (scored only when the policy has the factor).
  'gsi_vulnerability',
  'gsi_government_response',
] as const;

export const GoodFindingSchema = z.object({
  input: z.string(),
  goodKey: z.string(),
  status: z.enum(['listed', 'not_listed', 'unknown_good']),
  points: z.number(),
  detail: z.string(),
  listings: z.array(z.object({ good: z.string(), points: z.number(), description: z.string() })),
});
export type GoodFinding = z.infer<typeof GoodFindingSchema>;

export const InherentFactorSchema = z.object({
  key: z.enum(INHERENT_FACTOR_KEYS),
  name: z.string(),
  /** The datum scored: a TIP tier, a prevalence, a share in percent, a supplier tier; null when unknown. */
  value: z.union([z.string(), z.number()]).nullable(),
  points: z.number(),
  maxPoints: z.number(),
  /** Share of this factor's data that was known, 0–1 (goods: the share of goods the list knows). */
  known: z.number(),
  /** Dataset id, e.g. `us-tip-2025`; null for factors from the supplier profile. */
  dataset: z.string().nullable(),
  citation: z.string(),
  detail: z.string(),
  /** Per good, for `ilab_goods` only. */
  goods: z.array(GoodFindingSchema).nullable(),
});
export type InherentFactor = z.infer<typeof InherentFactorSchema>;

export const AnswerUsedSchema = z.object({
  questionId: z.string(),
  answerLabel: z.string(),
  pointsEarned: z.number(),
  maxPoints: z.number(),
  evidenceBacked: z.boolean(),
  /** The policy's evidence weighting applied to this answer. */
  evidenceWeight: z.number(),
  /** pointsEarned × evidenceWeight. */
  weightedPoints: z.number(),
  redFlag: z.string().nullable(),
});
export type AnswerUsed = z.infer<typeof AnswerUsedSchema>;

export const CriterionResultSchema = z.object({
  key: z.string(),
  name: z.string(),
  group: z.enum(['ilo_indicator', 'governance']),
  weight: z.number(),
  citation: z.string(),
  /** Sum of the answers' weighted points. */
  earned: z.number(),
  /** Sum of the answers' maximum points. */
  max: z.number(),
  /** 100 × earned / max; 0 when unanswered. */
  effectiveness: z.number(),
  /** weight × effectiveness / total weight: this criterion's share of the control score. */
  contribution: z.number(),
  /** Unanswered: counted as uncontrolled. */
  gap: z.boolean(),
  answers: z.array(AnswerUsedSchema),
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

export const RedFlagHitSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** Null when the policy has no rule for this flag (reported, but it sets no floor). */
  minRating: RatingSchema.nullable(),
  citation: z.string(),
  /** The question whose answer raised it. */
  triggeredBy: z.string(),
});
export type RedFlagHit = z.infer<typeof RedFlagHitSchema>;

export const DATA_GAP_KINDS = ['country', 'good', 'criterion', 'profile'] as const;
export const DataGapSchema = z.object({
  kind: z.enum(DATA_GAP_KINDS),
  /** `<dataset id>:<country>` for country gaps, the input for goods, the criterion key, the profile field (`goods` when none). */
  key: z.string(),
  message: z.string(),
});
export type DataGap = z.infer<typeof DataGapSchema>;

export { RATING_FLOOR_KINDS, type RatingFloorKind } from '../../schemas/suppliers.js';

/**
 * Why the rating is above what the score and the red flags give. `unknown_data`: the published country data
 * (TIP tier, GSI measures) is known for less than the policy's `unknownData.minCountryCoverage` of those
 * factors' points, and unknown data is never rated below `unknownData.minRating` (shown as e.g.
 * "Medium · insufficient data").
 */
export const RatingFloorSchema = z.object({
  kind: z.enum(RATING_FLOOR_KINDS),
  minRating: RatingSchema,
  /** The share of the country factors' points whose data was known, 0–1. */
  countryCoverage: z.number(),
  /** The policy's threshold: below it the floor applies. */
  minCountryCoverage: z.number(),
  /** One sentence for people: what was unknown and what the rating was raised to. */
  reason: z.string(),
});
export type RatingFloor = z.infer<typeof RatingFloorSchema>;

/** The engine's output: stored with the assessment and shown as its breakdown. Every number has 2 decimals at most. */
export const AssessmentResultSchema = z.object({
  engineVersion: z.string(),
  inherent: z.object({
    score: z.number(),
    points: z.number(),
    maxPoints: z.number(),
    formula: z.string(),
    factors: z.array(InherentFactorSchema),
  }),
  control: z.object({
    score: z.number(),
    totalWeight: z.number(),
    formula: z.string(),
    criteria: z.array(CriterionResultSchema),
  }),
  residual: z.object({ score: z.number(), maxReduction: z.number(), formula: z.string() }),
  /** The band the residual score falls in. */
  ratingFromScore: RatingSchema,
  /** ratingFromScore, raised to the highest red-flag floor, then to the unknown-data floor. */
  rating: RatingSchema,
  /**
   * Set when the unknown-data floor raised the rating (engine 1.1.0 on); null when it did not. Absent from
   * results of engine 1.0.0.
   */
  ratingFloor: RatingFloorSchema.nullable().optional(),
  redFlags: z.array(RedFlagHitSchema),
  dataGaps: z.array(DataGapSchema),
  confidence: z.object({
    value: z.number(),
    /** Share of the inherent factors' weight whose data was known, 0–1. */
    referenceData: z.number(),
    /** Share of the criteria's weight answered, evidence-backed answers counting in full, 0–1. */
    answers: z.number(),
    formula: z.string(),
  }),
  /** The editions this score used. */
  datasets: z.array(z.object({ id: z.string(), edition: z.string() })),
  reassessmentMonths: z.number(),
});
export type AssessmentResult = z.infer<typeof AssessmentResultSchema>;

/**
 * What an assessment used besides its own inputs, by hash, so an auditor can check each byte of it: the
 * policy document (SHA-256 of its canonical JSON, see canonical-json.ts), each dataset file (SHA-256 from the
 * manifest of the edition used; null when that edition's manifest has none) and the goods synonym table.
 */
export const AssessmentProvenanceSchema = z.object({
  policySha256: z.string().regex(/^[0-9a-f]{64}$/),
  datasets: z.array(
    z.object({
      id: z.string().max(50),
      edition: z.string().max(20),
      file: z.string().max(100).nullable(),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable(),
    }),
  ),
  goodsSynonymsVersion: z.string().max(50),
});
export type AssessmentProvenance = z.infer<typeof AssessmentProvenanceSchema>;

/**
 * What an assessment stores as its inputs: everything the engine read, so that re-running it years later,
 * with the same engine version and policy document, gives the same result byte for byte.
 */
export const AssessmentInputsSchema = z.object({
  profile: SupplierProfileSchema,
  answers: z.array(CriterionAnswerSchema),
  /** The slice of reference data the engine used (the supplier's country, its goods' listings). */
  reference: ScoringReferenceSchema,
  /** Hashes of the policy, dataset files and synonym table used; absent from assessments made before 1.1.0. */
  provenance: AssessmentProvenanceSchema.optional(),
});
export type AssessmentInputs = z.infer<typeof AssessmentInputsSchema>;
