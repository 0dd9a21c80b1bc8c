import type { Locale, QuestionType } from '#shared/schemas/questionnaires.js';
import type { TemplateStatus } from '#shared/schemas/templates.js';
import type { BadgeTone } from '../../components/ui/badge.js';

export const STATUS_LABELS: Record<TemplateStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  retired: 'Retired',
};

export const STATUS_TONES: Record<TemplateStatus, BadgeTone> = {
  draft: 'warning',
  published: 'success',
  retired: 'neutral',
};

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  yes_no: 'Yes / no',
  single_choice: 'One choice',
  multi_choice: 'Several choices',
  number: 'Number',
  text: 'Text',
  date: 'Date',
  file: 'Evidence files',
};

/** Language names in English, for the builder (the portal shows each language in its own words). */
export const LOCALE_LABELS: Record<Locale, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  pt: 'Portuguese',
  de: 'German',
  it: 'Italian',
  nl: 'Dutch',
  tr: 'Turkish',
  zh: 'Chinese',
  vi: 'Vietnamese',
  id: 'Indonesian',
  hi: 'Hindi',
  bn: 'Bengali',
};
