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

/**
 * A week by its Monday (YYYY-MM-DD, a UTC day), as the burn-down's axis names it: "16 Nov", or "16 Nov 2026"
 * with the year where the week stands alone (the user's locale). The day is read in UTC, so no zone moves it.
 */
export const formatWeek = (monday: string, { year = false } = {}): string =>
  new Date(`${monday}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(year ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });

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

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export const formatInteger = (value: number): string => integer.format(value);

/** Scores keep the engine's two decimals, so a number on screen matches the one in its formula. */
export const formatScore = (value: number): string => twoDecimals.format(value);

/** A share already in percent (0–100). */
export const formatPercent = (value: number): string => `${twoDecimals.format(value)}%`;

/** An amount in its ISO 4217 currency; falls back to "1,000 XYZ" for a code Intl does not know. */
export const formatMoney = (amount: number, currency: string): string => {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    return `${integer.format(amount)} ${currency}`;
  }
};

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

export const formatBytes = (bytes: number): string => {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
};
