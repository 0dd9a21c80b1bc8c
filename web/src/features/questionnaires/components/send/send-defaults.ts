import type { TemplateSummary } from '#shared/schemas/templates.js';

/** Days between sending and the due date the form suggests: a month is what suppliers usually get. */
export const DEFAULT_DUE_DAYS = 30;

/** A day as YYYY-MM-DD in the officer's own calendar (the due date is a day, not an instant). */
export const localDay = (date: Date): string =>
  [
    date.getFullYear(),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-');

export const dayInDays = (days: number, from: Date = new Date()): string => {
  const date = new Date(from);
  date.setDate(date.getDate() + days);
  return localDay(date);
};

/** The templates that can be sent (published versions), most recently published first. */
export const sendableTemplates = (templates: readonly TemplateSummary[]): TemplateSummary[] =>
  templates
    .filter((t) => t.status === 'published')
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));

export const templateLabel = (t: Pick<TemplateSummary, 'name' | 'version'>): string =>
  t.version === null ? t.name : `${t.name} (version ${t.version})`;
