import { optionIdsOf } from '#shared/domain/questionnaires/questions.js';
import type { AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { Question } from '#shared/schemas/questionnaires.js';

/**
 * How a demo supplier answers: `good` picks the answer each question scores best (no red flags), `risky`
 * the one it scores worst (red flags included, follow-ups opened), so the demo shows both ends.
 */
export type AnswerStyle = 'good' | 'risky';

const pointsOf = (q: Question, option: string): number => {
  if (!('scoring' in q) || !q.scoring || !('points' in q.scoring)) return 0;
  return q.scoring.points[option] ?? 0;
};

/** An answer the question accepts, in the given style; undefined for file questions (they need uploads). */
export const demoAnswer = (q: Question, style: AnswerStyle): AnswerValue | undefined => {
  const options = optionIdsOf(q) ?? [];
  const byPoints = [...options].sort((a, b) => pointsOf(q, b) - pointsOf(q, a));
  const pick = style === 'good' ? byPoints[0] : byPoints[byPoints.length - 1];
  switch (q.type) {
    case 'yes_no':
      // Unscored yes/no questions open follow-ups ("do you use agencies?"): the risky supplier says yes.
      return q.scoring ? pick : style === 'risky' ? 'yes' : 'no';
    case 'single_choice':
      return pick;
    case 'multi_choice': {
      const plain = q.options.filter((o) => !o.exclusive).map((o) => o.id);
      if (style === 'risky') return [q.options.find((o) => o.exclusive)?.id ?? plain[0]!];
      const scored = plain.filter((id) => pointsOf(q, id) > 0).slice(0, 3);
      return scored.length > 0 ? scored : [plain[0] ?? options[0]!];
    }
    case 'number': {
      const bands = q.scoring?.bands ?? [];
      const best = [...bands].sort((a, b) =>
        style === 'good' ? b.points - a.points : a.points - b.points,
      )[0];
      const value = best?.from ?? q.min ?? 1;
      return Math.min(Math.max(value, q.min ?? value), q.max ?? value);
    }
    case 'text':
      return style === 'good'
        ? 'Set out in our written policy, reviewed by the board each year; summary attached.'
        : 'Handled case by case by the site manager.';
    case 'date':
      return '2026-06-15';
    case 'file':
      return undefined;
  }
};
