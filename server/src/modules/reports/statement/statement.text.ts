import { formatDay, formatNumber } from '../pdf/format.js';

// Number, money and date wording for statement drafts: fixed formats (no locale or time zone of the
// machine), so the same figures always give the same text, and the same bytes.

/** 12345 → "12,345"; a fraction to one decimal (the frame's number format). */
export const count = formatNumber;

/** "1 supplier", "3 suppliers". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${count(n)} ${n === 1 ? one : many}`;

/** 0.4567 → "46%"; shares below 1% but above 0 read "under 1%". */
export const percent = (share: number): string =>
  share > 0 && share < 0.005 ? 'under 1%' : `${Math.round(share * 100)}%`;

export const shareOf = (part: number, whole: number): string => (whole === 0 ? '0%' : percent(part / whole));

/** A whole amount with its currency code: "USD 1,234,567". */
export const money = (currency: string, amount: number): string => `${currency} ${count(Math.round(amount))}`;

/** "2025-04-01" → "1 April 2025". */
export const day = formatDay;

/** "a, b and c". */
export const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
