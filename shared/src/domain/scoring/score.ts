import type { PolicyDocument } from '../../schemas/policy.js';
import { type Rating, ratingRank, type SupplierProfile } from '../../schemas/suppliers.js';
import { indexReference } from '../reference/reference-index.js';
import type { ScoringReference } from '../reference/types.js';
import { compilePolicy } from './compile.js';
import { assessControl } from './control.js';
import { assessInherent } from './inherent.js';
import { fmt, r2 } from './round.js';
import type { AssessmentResult, CriterionAnswer, DataGap } from './types.js';

export type {
  AnswerUsed,
  AssessmentResult,
  CriterionAnswer,
  CriterionResult,
  DataGap,
  GoodFinding,
  InherentFactor,
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
