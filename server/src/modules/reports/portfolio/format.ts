import type { DashboardQuery } from '#shared/schemas/dashboard.js';
import { formatCountry, formatDay, formatNumber, MONTHS } from '../pdf/format.js';

// How the portfolio report writes its figures. By hand, not with Intl: the bytes of an issued report must not
// depend on the server's locale or ICU version. Counts read as the dashboard shows them ("1,234").

export const int = (n: number) => formatNumber(Math.round(n));
/** A 0–1 share as the dashboard's tiles round it: "42%". */
export const percent = (share: number) => `${Math.round(share * 100)}%`;
export const money = (currency: string, amount: number) => `${currency} ${int(amount)}`;
export const score = (n: number | null) => (n === null ? '—' : formatNumber(Math.round(n * 10) / 10));
/** "1 September 2026" from YYYY-MM-DD. */
export const longDay = formatDay;
/** "Sep 2026" from YYYY-MM. */
export const shortMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
};
/** "7 Sep" from YYYY-MM-DD (the burn-down's weeks). */
export const shortDay = (day: string) => {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]!.slice(0, 3)}`;
};
export const country = formatCountry;
export const plural = (n: number, one: string, many = `${one}s`) => `${int(n)} ${n === 1 ? one : many}`;

/** The dashboard filters in words, in the dashboard's order and with its labels; empty when none is set. */
export const filterWords = (f: DashboardQuery): [string, string][] => {
  const out: [string, string][] = [];
  if (f.tag !== undefined) out.push(['Business unit (tag)', f.tag]);
  if (f.country !== undefined) out.push(['Country', country(f.country)]);
  if (f.tier !== undefined) out.push(['Tier', `Tier ${f.tier}`]);
  if (f.good !== undefined) out.push(['Good', `"${f.good}" (in the goods, or the same ILAB good)`]);
  return out;
};
