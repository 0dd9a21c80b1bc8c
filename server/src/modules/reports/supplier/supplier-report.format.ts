import { fmt } from '#shared/domain/scoring/round.js';
import type { Rating } from '#shared/schemas/suppliers.js';
import { formatCountry, formatUtcShort } from '../pdf/format.js';
import { RATING_LABELS } from '../pdf/theme.js';
import type { Bounded } from './supplier-report.data.js';

// How the supplier report words its figures. By hand, never Intl: the bytes of an issued report must not
// depend on the server's locale or ICU data. Scores print exactly as the API gives them (the engine's two
// decimals, shared `fmt`), so a figure in the PDF can be found in GET /api/suppliers/:id/assessments as is.

/** A score as the API gives it: "58.13", "40", never rounded further. */
export const score = (n: number): string => fmt(n);

/** A 0–1 share as a percentage with the engine's two decimals: 0.825 → "82.5%". */
export const share = (x: number): string => `${fmt(Math.round(x * 10000) / 100)}%`;

export const ratingLabel = (r: Rating | null): string => RATING_LABELS[r ?? 'none'];

/** "Bangladesh (BD)"; the code alone when the name is unknown. */
export const country = formatCountry;

/** The calendar day of an ISO instant or date, as ISO ("2026-03-14"): no reader mistakes its order. */
export const day = (iso: string): string => iso.slice(0, 10);

/** An instant to the minute, in UTC ("2026-03-14 09:30 UTC"). */
export const instant = (iso: string): string => formatUtcShort(new Date(iso));

/** Thousands grouped with commas, up to two decimals kept: 1250000.5 → "1,250,000.5". */
export const grouped = (n: number): string => {
  const [int = '0', frac] = fmt(Math.abs(n)).split('.');
  return `${n < 0 ? '−' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
};

export const money = (amount: number, currency: string): string => `${grouped(amount)} ${currency}`;

/** "12.3 KB (12,601 bytes)": the exact size too, since the SHA-256 beside it is of exactly those bytes. */
export const bytes = (n: number): string => {
  const exact = `${grouped(n)} bytes`;
  if (n < 1024) return exact;
  const [value, unit] = n < 1024 * 1024 ? [n / 1024, 'KB'] : [n / (1024 * 1024), 'MB'];
  return `${fmt(Math.round(value * 10) / 10)} ${unit} (${exact})`;
};

/** A value or a dash for unknown: an unknown figure is printed as unknown, never as zero. */
export const orUnknown = <T>(v: T | null | undefined, show: (v: T) => string, unknown = 'Not recorded') =>
  v === null || v === undefined ? unknown : show(v);

/** "And 12 more tasks not printed here (112 in all) …", or null when the list is whole. */
export const moreLine = (list: Bounded<unknown>, noun: string): string | null =>
  list.total > list.items.length
    ? `And ${list.total - list.items.length} more ${noun} not printed here (${list.total} in all); Clearsource lists them all.`
    : null;

/** Singular or plural: "1 task", "3 tasks". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
