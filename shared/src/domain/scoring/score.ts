import type { PolicyDocument } from '../../schemas/policy.js';
import { type Rating, ratingRank, type SupplierProfile } from '../../schemas/suppliers.js';
import { indexReference } from '../reference/reference-index.js';
import type { ScoringReference } from '../reference/types.js';
import { compilePolicy } from './compile.js';
import { assessControl } from './control.js';
import { assessInherent } from './inherent.js';
import { fmt, r2 } from './round.js';
import type { AssessmentResult, CriterionAnswer, DataGap, RatingFloor } from './types.js';

export type {
  AnswerUsed,
  AssessmentResult,
  CriterionAnswer,
  CriterionResult,
  DataGap,
  GoodFinding,
  InherentFactor,
  RatingFloor,
  RedFlagHit,
} from './types.js';

/**
 * Stored with every assessment. Bump it whenever the same inputs would give a different result (a formula,
 * a rounding rule, a goods synonym, a message text), so a stored result is only compared with its own engine.
 */
export const ENGINE_VERSION = '1.1.0';

/** The rating band a residual score falls in. */
export const ratingForScore = (bands: PolicyDocument['ratingBands'], score: number): Rating =>
  score >= bands.critical
    ? 'critical'
    : score >= bands.high
      ? 'high'
      : score >= bands.medium
        ? 'medium'
        : 'low';

const pct = (share: number) => `${fmt(r2(100 * share))}%`;

/**
 * The policy's unknown-data floor, when it raises `rating`: the country data is known for less than
 * `unknownData.minCountryCoverage` of the country factors' points. Null otherwise (always, for policies
 * without the rule).
 */
const unknownDataFloor = (
  doc: PolicyDocument,
  countryCoverage: number,
  rating: Rating,
): RatingFloor | null => {
  const rule = doc.unknownData;
  if (!rule || countryCoverage >= rule.minCountryCoverage) return null;
  if (ratingRank(rule.minRating) <= ratingRank(rating)) return null;
  return {
    kind: 'unknown_data',
    minRating: rule.minRating,
    countryCoverage,
    minCountryCoverage: rule.minCountryCoverage,
    reason: `Insufficient data: the published country data is known for ${pct(countryCoverage)} of its risk points (the policy asks for ${pct(rule.minCountryCoverage)}), and unknown data is never rated below ${rule.minRating}`,
  };
};

/**
 * Score one supplier: inherent risk from the reference data and the profile, control effectiveness from
 * accepted answers, residual risk, rating (raised to any red flag's floor), data gaps and confidence.
 *
 * Pure and deterministic: no clock, no randomness, no I/O; the same inputs give a result that is equal under
 * JSON.stringify, whatever the order of `answers`. `ref` may be the full reference data or the slice
 * sliceReference(ref, supplier) made of it: both give the same result. Throws if `policy` is invalid.
 */
export const score = (
  policy: PolicyDocument,
  supplier: SupplierProfile,
  answers: readonly CriterionAnswer[],
  ref: ScoringReference,
): AssessmentResult => {
  const c = compilePolicy(policy);
  const index = indexReference(ref);
  const dataGaps: DataGap[] = [];
  const inherent = assessInherent(c, index, ref, supplier, dataGaps);
  const control = assessControl(c, answers, dataGaps);

  const { maxReduction } = c.doc.residual;
  const residualScore = r2(inherent.score * (1 - (maxReduction * control.score) / 100));
  const ratingFromScore = ratingForScore(c.doc.ratingBands, residualScore);
  let rating = ratingFromScore;
  for (const flag of control.redFlags) {
    if (flag.minRating !== null && ratingRank(flag.minRating) > ratingRank(rating)) rating = flag.minRating;
  }
  const ratingFloor = unknownDataFloor(c.doc, inherent.countryCoverage, rating);
  if (ratingFloor) rating = ratingFloor.minRating;

  const { referenceDataWeight, answersWeight } = c.doc.confidence;
  const confidence = r2(referenceDataWeight * inherent.coverage + answersWeight * control.coverage);

  const datasets: AssessmentResult['datasets'] = [];
  for (const d of ref.datasets) {
    if (d.kind !== 'ilo_indicators' || c.usesIloIndicators) datasets.push({ id: d.id, edition: d.edition });
  }

  return {
    engineVersion: ENGINE_VERSION,
    inherent: {
      score: inherent.score,
      points: inherent.points,
      maxPoints: inherent.maxPoints,
      formula: inherent.formula,
      factors: inherent.factors,
    },
    control: {
      score: control.score,
      totalWeight: control.totalWeight,
      formula: control.formula,
      criteria: control.criteria,
    },
    residual: {
      score: residualScore,
      maxReduction,
      formula: `${fmt(inherent.score)} × (1 − ${fmt(maxReduction)} × ${fmt(control.score)} / 100) = ${fmt(residualScore)}`,
    },
    ratingFromScore,
    rating,
    ratingFloor,
    redFlags: control.redFlags,
    dataGaps,
    confidence: {
      value: confidence,
      referenceData: inherent.coverage,
      answers: control.coverage,
      formula: `${fmt(referenceDataWeight)} × ${fmt(inherent.coverage)} + ${fmt(answersWeight)} × ${fmt(control.coverage)} = ${fmt(confidence)}`,
    },
    datasets,
    reassessmentMonths: c.doc.reassessmentMonths,
  };
};
