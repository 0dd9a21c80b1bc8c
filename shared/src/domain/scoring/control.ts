import type { CompiledPolicy } from './compile.js';
import { fmt, r2 } from './round.js';
import type { AnswerUsed, CriterionAnswer, CriterionResult, DataGap, RedFlagHit } from './types.js';

export interface ControlPart {
  score: number;
  totalWeight: number;
  formula: string;
  criteria: CriterionResult[];
  redFlags: RedFlagHit[];
  /** Share of the criteria's weight answered, evidence-backed answers counting in full, 0–1 (for confidence). */
  coverage: number;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A total order on answers, so the caller's array order (often a database's) never changes a result. */
const compareAnswers = (a: CriterionAnswer, b: CriterionAnswer): number =>
  cmp(a.questionId, b.questionId) ||
  cmp(a.criterionKey, b.criterionKey) ||
  cmp(a.answerLabel, b.answerLabel) ||
  a.pointsEarned - b.pointsEarned ||
  a.maxPoints - b.maxPoints ||
  Number(a.evidenceBacked) - Number(b.evidenceBacked) ||
  cmp(a.redFlag ?? '', b.redFlag ?? '');

/** Answers are validated at the boundary (CriterionAnswerSchema); clamp anyway so a score stays in 0–100. */
const clampMax = (a: CriterionAnswer): number =>
  Number.isFinite(a.maxPoints) && a.maxPoints > 0 ? a.maxPoints : 0;
const clampEarned = (a: CriterionAnswer, max: number): number =>
  Number.isFinite(a.pointsEarned) ? Math.min(Math.max(a.pointsEarned, 0), max) : 0;

/** Control effectiveness: how far accepted answers show each criterion under control. */
export const assessControl = (
  c: CompiledPolicy,
  answers: readonly CriterionAnswer[],
  gaps: DataGap[],
): ControlPart => {
  const { selfDeclared, evidenceBacked } = c.doc.evidenceWeighting;
  // Bucket first and sort each (small) bucket: the caller's order never shows, and the hot path stays cheap.
  const byCriterion: CriterionAnswer[][] = c.criteria.map(() => []);
  const unknown: CriterionAnswer[] = [];
  const redFlags: RedFlagHit[] = [];
  for (const a of answers) {
    const i = c.criterionIndex.get(a.criterionKey);
    if (i === undefined) unknown.push(a);
    else byCriterion[i]!.push(a);
    const redFlag = a.redFlag ?? null;
    if (redFlag !== null) {
      const rule = c.redFlags.get(redFlag);
      redFlags.push({
        key: redFlag,
        name: rule?.name ?? redFlag,
        minRating: rule?.minRating ?? null,
        citation: rule?.citation ?? '',
        triggeredBy: a.questionId,
      });
    }
  }
  for (const a of unknown.sort(compareAnswers)) {
    gaps.push({
      kind: 'criterion',
      key: a.criterionKey,
      message: `The answer to question ${a.questionId} evidences "${a.criterionKey}", which this policy does not define; not counted`,
    });
  }
  const buckets: AnswerUsed[][] = byCriterion.map((bucket) => {
    if (bucket.length > 1) bucket.sort(compareAnswers);
    return bucket.map((a) => {
      const maxPoints = r2(clampMax(a));
      const pointsEarned = r2(clampEarned(a, maxPoints));
      const evidenceWeight = a.evidenceBacked ? evidenceBacked : selfDeclared;
      return {
        questionId: a.questionId,
        answerLabel: a.answerLabel,
        pointsEarned,
        maxPoints,
        evidenceBacked: a.evidenceBacked,
        evidenceWeight,
        weightedPoints: r2(pointsEarned * evidenceWeight),
        redFlag: a.redFlag ?? null,
      };
    });
  });
  redFlags.sort((x, y) => cmp(x.key, y.key) || cmp(x.triggeredBy, y.triggeredBy));

  let weighted = 0;
  let covered = 0;
  const criteria: CriterionResult[] = c.criteria.map((criterion, i) => {
    const used = buckets[i]!;
    let earned = 0;
    let max = 0;
    let evidenced = 0;
    for (const u of used) {
      earned += u.weightedPoints;
      max += u.maxPoints;
      evidenced += u.maxPoints * u.evidenceWeight;
    }
    const result = criterionResult(c, i, r2(earned), r2(max), used);
    if (result.gap) gaps.push(criterionGap(c, i));
    weighted += criterion.weight * result.effectiveness;
    if (!result.gap) covered += (criterion.weight * evidenced) / (result.max * evidenceBacked);
    return result;
  });
  weighted = r2(weighted);
  const total = c.totalWeight;
  const score = r2(weighted / total);
  return {
    score,
    totalWeight: total,
    formula: `Σ(weight × effectiveness) / Σ weight = ${fmt(weighted)} / ${fmt(total)} = ${fmt(score)}`,
    criteria,
    redFlags,
    coverage: r2(covered / total),
  };
};

/** The breakdown line of policy criterion `i`, given its rounded earned and maximum points. */
const criterionResult = (
  c: CompiledPolicy,
  i: number,
  earned: number,
  max: number,
  answers: AnswerUsed[],
): CriterionResult => {
  const criterion = c.criteria[i]!;
  const gap = max === 0;
  const effectiveness = gap ? 0 : r2((100 * earned) / max);
  return {
    key: criterion.key,
    name: criterion.name,
    group: criterion.group,
    weight: criterion.weight,
    citation: criterion.citation,
    earned,
    max,
    effectiveness,
    contribution: r2((criterion.weight * effectiveness) / c.totalWeight),
    gap,
    answers,
  };
};

/** Criterion `i` with no answer: all of it follows from the policy (stored results leave it out). */
export const unansweredCriterion = (c: CompiledPolicy, i: number): CriterionResult =>
  criterionResult(c, i, 0, 0, []);

/** The data gap a criterion without an accepted answer records. */
export const criterionGap = (c: CompiledPolicy, i: number): DataGap => ({
  kind: 'criterion',
  key: c.criteria[i]!.key,
  message: c.gapMessages[i]!,
});
