import { optionLabel, textIn } from '#shared/domain/questionnaires/questions.js';
import type { EvidenceFile } from '#shared/schemas/evidence.js';
import type { AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { Locale, Question, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import type { PortalWords } from './portal-words.js';

/** An answer as words (for the "which answer to keep" choice): option labels, number with unit, file names. */
export const describeAnswer = (
  q: Question,
  value: AnswerValue | undefined,
  locale: Locale,
  def: TemplateDefinition,
  files: readonly EvidenceFile[],
  words: Pick<PortalWords, 'noAnswer' | 'aFile'>,
): string => {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return words.noAnswer;
  switch (q.type) {
    case 'yes_no':
    case 'single_choice':
    case 'multi_choice':
      return (Array.isArray(value) ? value : [String(value)])
        .map((id) => optionLabel(q, id, locale))
        .join(', ');
    case 'number':
      return q.unit ? `${value} ${textIn(q.unit, locale, def)}` : String(value);
    case 'file':
      return (Array.isArray(value) ? value : [])
        .map((id) => files.find((f) => f.id === id)?.fileName ?? words.aFile)
        .join(', ');
    default:
      return String(value);
  }
};

const units = ['bytes', 'KB', 'MB', 'GB'];

/** 1536 → "1.5 KB": the size a person recognises from their file browser. */
export const formatBytes = (bytes: number): string => {
  let n = bytes;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${n} bytes` : `${n.toFixed(n < 10 ? 1 : 0)} ${units[unit]}`;
};

/** A calendar day (`YYYY-MM-DD`, read at midday so no time zone moves it) in the supplier's language. */
export const formatDay = (day: string, locale: Locale): string => {
  const date = new Date(`${day}T12:00:00`);
  return Number.isNaN(date.getTime())
    ? day
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
};

/** A moment (ISO) in the supplier's language, in its own time zone. */
export const formatMoment = (iso: string, locale: Locale): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

/** A language's name in that language ("Español"), so a supplier finds its own in the list. */
export const localeName = (locale: Locale): string => {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale.toUpperCase();
  }
};

/** The language to start in: the one chosen before, else the browser's if the questionnaire has it. */
export const initialLocale = (def: TemplateDefinition, chosen: Locale | null): Locale => {
  if (chosen && def.locales.includes(chosen)) return chosen;
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of browser) {
    const match = def.locales.find((l) => tag.toLowerCase().split('-')[0] === l);
    if (match) return match;
  }
  return def.defaultLocale;
};

/** Moves to a question and puts the keyboard in it (from a list of missing answers or comments). */
export const focusQuestion = (questionId: string) => {
  const el = document.getElementById(`answer-${questionId}`);
  if (!el) return;
  el.scrollIntoView?.({ block: 'center' });
  const control = el.querySelector<HTMLElement>('input:not([disabled]), textarea, select, button');
  (control ?? el).focus({ preventScroll: true });
};
