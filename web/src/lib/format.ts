const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const parse = (iso: string): Date | null => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

export const formatDateTime = (iso: string): string => {
  const date = parse(iso);
  return date ? dateTime.format(date) : iso;
};

export const formatDate = (iso: string): string => {
  const date = parse(iso);
  return date ? dateOnly.format(date) : iso;
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago"; anything under a minute reads "just now". */
export const formatRelative = (iso: string, now: Date = new Date()): string => {
  const date = parse(iso);
  if (!date) return iso;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
};

/** First characters of a hash, enough to compare by eye. */
export const shortHash = (hash: string, length = 10): string => hash.slice(0, length);
