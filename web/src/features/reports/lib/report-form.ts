import {
  type CreateReport,
  REPORT_KINDS,
  type ReportKind,
  STATEMENT_FRAMEWORKS,
  type StatementFramework,
} from '#shared/schemas/reports.js';
import { TIER_OPTIONS } from '../../suppliers/labels.js';

/**
 * What the New report form holds: every kind's fields at once, so switching kind and back keeps what was
 * typed. Boxes hold text; `toCreateReport` sends only the chosen kind's fields (the contract's objects are
 * strict), and CreateReportSchema itself judges them.
 */
export interface ReportFormValues {
  kind: ReportKind | '';
  supplierId: string;
  since: string;
  filters: { tag: string; country: string; tier: string; good: string };
  framework: StatementFramework | '';
  periodStart: string;
  periodEnd: string;
}

/** The names a server issue can point at (`filters.country` as well as `country` after `filters`). */
export const REPORT_FORM_FIELDS = [
  'kind',
  'supplierId',
  'since',
  'filters',
  'filters.tag',
  'filters.country',
  'filters.tier',
  'filters.good',
  'framework',
  'periodStart',
  'periodEnd',
] as const;

const given = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The request body for the chosen kind: empty boxes are left out, and so are the other kinds' fields. */
export function toCreateReport(values: ReportFormValues): Record<string, unknown> {
  switch (values.kind) {
    case 'supplier':
      return { kind: 'supplier', supplierId: given(values.supplierId) };
    case 'portfolio': {
      const filters = Object.fromEntries(
        Object.entries(values.filters).flatMap(([key, value]) => {
          const text = given(value);
          return text === undefined ? [] : [[key, text]];
        }),
      );
      return {
        kind: 'portfolio',
        since: given(values.since),
        filters: Object.keys(filters).length > 0 ? filters : undefined,
      };
    }
    case 'statement':
      return {
        kind: 'statement',
        framework: given(values.framework),
        periodStart: given(values.periodStart),
        periodEnd: given(values.periodEnd),
      };
    default:
      return { kind: undefined };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A statement covers a year: by default the last complete calendar year. */
export const lastCompleteYear = (today: Date = new Date()) => {
  const year = today.getFullYear() - 1;
  return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
};

/** "Changes since" starts, by default, a quarter before today (the usual board cycle). */
export const quarterAgo = (today: Date = new Date()) => {
  const date = new Date(today);
  date.setMonth(date.getMonth() - 3);
  return isoDay(date);
};

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | '' =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';

/**
 * The form's starting values, from a link's query string: the supplier page sends `kind=supplier&supplierId=`,
 * the dashboard `kind=portfolio` with its filters (tag, country, tier, good).
 */
export function initialReportValues(params: URLSearchParams, today: Date = new Date()): ReportFormValues {
  return {
    kind: pick(REPORT_KINDS, params.get('kind')),
    supplierId: params.get('supplierId') ?? '',
    since: params.get('since') ?? quarterAgo(today),
    filters: {
      tag: params.get('tag') ?? '',
      country: params.get('country') ?? '',
      // The tier is a select: a value it does not offer would be sent while "Any tier" shows.
      tier: pick(
        TIER_OPTIONS.map((option) => option.value),
        params.get('tier'),
      ),
      good: params.get('good') ?? '',
    },
    framework: pick(STATEMENT_FRAMEWORKS, params.get('framework')) || 'uk',
    ...lastCompleteYear(today),
  };
}

export type { CreateReport };
