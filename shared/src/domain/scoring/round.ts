/**
 * The one rounding rule: every number the engine reports is rounded to 2 decimals when it is produced, and
 * later steps compute from the rounded figures, so anyone can redo the breakdown's arithmetic from what it
 * shows. The 1e-7 nudge keeps binary representation from rounding 1.005-style halves down.
 */
export const r2 = (x: number): number => {
  if (x < 0) return -r2(-x);
  return Math.round(x * 100 + 1e-7) / 100;
};

/**
 * Exactly String(n), faster for numbers with at most 2 decimals (what r2 returns): V8's shortest-form
 * printing of a fractional double costs more than the rest of a score, and every breakdown text has some.
 */
export const fmt = (n: number): string => {
  if (Number.isInteger(n)) return String(n);
  const abs = n < 0 ? -n : n;
  const cents = Math.round(abs * 100);
  // only when abs is exactly the double nearest cents / 100 is String's shortest form the 2-decimal one
  if (cents / 100 !== abs || abs >= 1e15) return String(n);
  const frac = cents % 100;
  const decimals = frac % 10 === 0 ? String(frac / 10) : frac < 10 ? `0${frac}` : String(frac);
  return `${n < 0 ? '-' : ''}${(cents - frac) / 100}.${decimals}`;
};
