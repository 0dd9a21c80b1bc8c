import { type Locale, YES_NO_LABELS } from '../../schemas/questionnaire-locales.js';
import type { LocalizedText, Question, Section, TemplateDefinition } from '../../schemas/questionnaires.js';

/** A question with where it sits: `order` is its position in the whole template (0-based), the order conditions follow. */
export interface PlacedQuestion {
  question: Question;
  section: Section;
  sectionIndex: number;
  questionIndex: number;
  order: number;
}

/** Every question of the template in the order the supplier meets them. */
export const placedQuestions = (def: TemplateDefinition): PlacedQuestion[] => {
  const out: PlacedQuestion[] = [];
  def.sections.forEach((section, sectionIndex) => {
    section.questions.forEach((question, questionIndex) => {
      out.push({ question, section, sectionIndex, questionIndex, order: out.length });
    });
  });
  return out;
};

/** The question with id `questionId`, or undefined (e.g. a portal save naming a question the version lacks). */
export const findQuestion = (
  def: Pick<TemplateDefinition, 'sections'>,
  questionId: string,
): Question | undefined => {
  for (const s of def.sections) for (const q of s.questions) if (q.id === questionId) return q;
  return undefined;
};

/**
 * A text in `locale`, else in the template's default locale, else in any locale it has: what a reader in a
 * locale the template lacks (an officer reading in French a template in English and Spanish) is shown.
 */
export const textIn = (
  text: LocalizedText,
  locale: string,
  def: Pick<TemplateDefinition, 'defaultLocale'>,
): string =>
  (Object.hasOwn(text, locale) ? text[locale as keyof LocalizedText] : undefined) ??
  text[def.defaultLocale] ??
  Object.values(text)[0] ??
  '';

/** Every question of the template, in order. */
export const allQuestions = (def: TemplateDefinition): Question[] => def.sections.flatMap((s) => s.questions);

const YES_NO = ['yes', 'no'] as const;

/** The option ids a choice question's answer can take (`yes`/`no` for yes/no); null for other types. */
export const optionIdsOf = (q: Question): readonly string[] | null => {
  if (q.type === 'yes_no') return YES_NO;
  if (q.type === 'single_choice' || q.type === 'multi_choice') return q.options.map((o) => o.id);
  return null;
};

/**
 * An option's text in `locale` (falling back to English, then to the id, for a definition that was not
 * validated): what the portal shows and what the scoring breakdown cites.
 */
export const optionLabel = (q: Question, optionId: string, locale: Locale): string => {
  if (q.type === 'yes_no') {
    const labels = YES_NO_LABELS[locale] ?? YES_NO_LABELS.en;
    return optionId === 'yes' ? labels.yes : optionId === 'no' ? labels.no : optionId;
  }
  if (q.type === 'single_choice' || q.type === 'multi_choice') {
    const option = q.options.find((o) => o.id === optionId);
    return option?.label[locale] ?? option?.label.en ?? optionId;
  }
  return optionId;
};

/** Own-property lookup in a JSON record: `points.constructor` must not find Object.prototype's. */
export const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
