/**
 * True for PostgreSQL's unique_violation (23505), whichever driver raised it: postgres.js and PGlite put
 * the code on the error; drizzle wraps it in a DrizzleQueryError whose `cause` carries it.
 */
export const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};
