import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { LocalizedText, Question, QuestionType, Section } from '#shared/schemas/questionnaires.js';

const blank = (locales: readonly Locale[]): LocalizedText => Object.fromEntries(locales.map((l) => [l, '']));

/** An id not used yet in `taken`: `base`, then `base_2`, `base_3`… */
export const freshId = (base: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n += 1;
  return `${base}_${n}`;
};

const defaultOptions = (locales: readonly Locale[]) => [
  { id: 'option_1', label: blank(locales) },
  { id: 'option_2', label: blank(locales) },
];

/**
 * The question as another type: what every type has (id, texts, required, evidence, condition) is kept, and
 * what the new type needs is added. Scoring goes when its kind changes (choice points vs numeric bands), and
 * options are kept between the choice types.
 */
export const withType = (q: Question, type: QuestionType, locales: readonly Locale[]): Question => {
  const base = {
    id: q.id,
    label: q.label,
    required: q.required,
    evidenceRequested: q.evidenceRequested,
    ...(q.help ? { help: q.help } : {}),
    ...(q.showIf ? { showIf: q.showIf } : {}),
  };
  const options = 'options' in q ? q.options : defaultOptions(locales);
  const choiceScoring =
    (q.type === 'single_choice' || q.type === 'multi_choice') && q.scoring ? { scoring: q.scoring } : {};
  switch (type) {
    case 'yes_no':
      return { ...base, type };
    case 'single_choice':
    case 'multi_choice':
      return { ...base, type, options, ...choiceScoring };
    case 'number':
      return { ...base, type };
    case 'text':
      return { ...base, type, maxLength: 2000 };
    case 'date':
      return { ...base, type };
    case 'file':
      return { ...base, type, maxFiles: 5 };
  }
};

export const newQuestion = (locales: readonly Locale[], taken: ReadonlySet<string>): Question => ({
  id: freshId('new_question', taken),
  type: 'yes_no',
  label: blank(locales),
  required: true,
  evidenceRequested: false,
});

export const newSection = (locales: readonly Locale[], taken: ReadonlySet<string>): Section => ({
  id: freshId('new_section', taken),
  title: blank(locales),
  questions: [newQuestion(locales, taken)],
});

export const newOption = (locales: readonly Locale[], taken: ReadonlySet<string>) => ({
  id: freshId('option', taken),
  label: blank(locales),
});
