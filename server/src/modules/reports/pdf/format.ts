import { countryName } from '#shared/countries.js';

// Text the frame prints about the report itself. Formatted by hand, not with Intl: the bytes of a report
// must not depend on the server's locale or ICU version.

/** Month names in English, January first (the reports' language). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** "30 November 2026, 17:35:24 UTC": a day no reader can read as month/day, and the zone spelled out. */
export function formatUtc(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC`;
}

/** "2026-11-30 17:35 UTC": the short form of the running footer. */
export function formatUtcShort(date: Date): string {
  return `${date.toISOString().slice(0, 10)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** A chart's default number format: integers as they are, else one decimal; thousands with a thin space. */
export function formatNumber(value: number): string {
  const rounded = Number.isInteger(value) ? value : Math.round(value * 10) / 10;
  const [int, frac] = String(Math.abs(rounded)).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** "2026-11-30" → "30 November 2026": a UTC day in words (a statement's reporting period). */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Bangladesh (BD)"; the code alone when the name is unknown. */
export function formatCountry(iso: string): string {
  const name = countryName(iso);
  return name ? `${name} (${iso})` : iso;
}
