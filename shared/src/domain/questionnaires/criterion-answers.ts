import type { AnswerMap, AnswerValue } from '../../schemas/questionnaire-answers.js';
import type { Locale } from '../../schemas/questionnaire-locales.js';
import type {
  BandScoring,
  ChoiceScoring,
  Question,
  TemplateDefinition,
} from '../../schemas/questionnaires.js';
import { r2 } from '../scoring/round.js';
import type { CriterionAnswer } from '../scoring/types.js';
import { optionLabel, own } from './questions.js';
import { resolveVisibility } from './visibility.js';

/** What one answer earns under its question's scoring. */
export interface AnswerScore {
  criterionKey: string;
  pointsEarned: number;
  maxPoints: number;
  redFlag: string | null;
}

const MAX_LABEL = 200;
const clip = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/** The answer as the breakdown cites it, in `locale`: option labels, or the number with its unit. */
export const answerLabel = (q: Question, value: AnswerValue, locale: Locale): string => {
  if (Array.isArray(value)) {
    if (q.type !== 'multi_choice') return clip(value.join(', '));
    // In the template's option order, whatever order the supplier clicked them in.
    const chosen = q.options.filter((o) => value.includes(o.id));
    return clip(chosen.map((o) => optionLabel(q, o.id, locale)).join('; '));
  }
  if (typeof value === 'number') {
    const unit = q.type === 'number' ? (q.unit?.[locale] ?? q.unit?.en) : undefined;
    return clip(unit ? `${value} ${unit}` : String(value));
  }
  return clip(optionLabel(q, value, locale));
};

const scoreChoice = (s: ChoiceScoring, value: AnswerValue): AnswerScore => {
  const chosen = Array.isArray(value) ? value : [String(value)];
  let points = 0;
  let redFlag: string | null = null;
  for (const id of chosen) {
    points += own(s.points, id) ?? 0;
    redFlag ??= own(s.redFlags, id) ?? null;
  }
  return {
    criterionKey: s.criterion,
    pointsEarned: r2(Math.min(points, s.maxPoints)),
    maxPoints: s.maxPoints,
    redFlag,
  };
};

const scoreBands = (s: BandScoring, value: number): AnswerScore => {
  let band: BandScoring['bands'][number] | undefined;
  for (const b of s.bands) if (value >= b.from) band = b;
  return {
    criterionKey: s.criterion,
    pointsEarned: Math.min(band?.points ?? 0, s.maxPoints),
    maxPoints: s.maxPoints,
    redFlag: band?.redFlag ?? null,
  };
};

/** What a (valid) answer to `q` earns; null when `q` is not scored. */
export const scoreAnswer = (q: Question, value: AnswerValue): AnswerScore | null => {
  if (!('scoring' in q) || !q.scoring) return null;
  if ('bands' in q.scoring) return typeof value === 'number' ? scoreBands(q.scoring, value) : null;
  return scoreChoice(q.scoring, value);
};

export interface CriterionAnswerOptions {
  /** Questions whose evidence an officer accepted: their answers count at the policy's evidence weight. */
  evidenceAccepted?: ReadonlySet<string>;
}

/**
 * The answers as the scoring engine takes them: one per visible, validly answered, scored question, in
 * template order, labelled in the template's default locale. Hidden and unanswered questions give nothing
 * (the engine counts their criteria as data gaps); an answer to a hidden question never counts.
 */
export const answersToCriterionAnswers = (
  def: TemplateDefinition,
  answers: AnswerMap,
  { evidenceAccepted = new Set() }: CriterionAnswerOptions = {},
): CriterionAnswer[] => {
  const v = resolveVisibility(def, answers);
  const out: CriterionAnswer[] = [];
  for (const q of v.questions) {
    const value = v.answers.get(q.id);
    if (value === undefined) continue;
    const s = scoreAnswer(q, value);
    if (!s) continue;
    out.push({
      questionId: q.id,
      criterionKey: s.criterionKey,
      answerLabel: answerLabel(q, value, def.defaultLocale),
      pointsEarned: s.pointsEarned,
      maxPoints: s.maxPoints,
      evidenceBacked: evidenceAccepted.has(q.id),
      redFlag: s.redFlag,
    });
  }
  return out;
};
