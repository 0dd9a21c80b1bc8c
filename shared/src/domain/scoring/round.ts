/**
 * The one rounding rule: every number the engine reports is rounded to 2 decimals when it is produced, and
 * later steps compute from the rounded figures, so anyone can redo the breakdown's arithmetic from what it
 * shows. The 1e-7 nudge keeps binary representation from rounding 1.005-style halves down.
 */
export const r2 = (x: number): number => {
  if (x < 0) return -r2(-x);
  return Math.round(x * 100 + 1e-7) / 100;
};
