/**
 * True for PostgreSQL's unique_violation (23505), whichever driver raised it: postgres.js and PGlite put
 * the code on the error; drizzle wraps it in a DrizzleQueryError whose `cause` carries it.
 */
export const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** Socket errors of a connection that could not be made or was cut (postgres.js passes Node's code on). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // postgres.js's own: the connection closed mid-query, the pool was ended, a connect timed out.
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * SQLSTATEs of a server that is going away or not yet back: class 08 (connection exception), 57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or in recovery), 53300
 * too_many_connections.
 */
const unavailableState = (code: string) =>
  code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';

/**
 * True when `err` (or an error it wraps) says the database cannot be reached right now, as opposed to a
 * query that is wrong: the request may succeed when retried, so it answers 503, not 500.
 */
export const isDatabaseUnavailable = (err: unknown): boolean => {
  const seen = new Set<unknown>();
  const stack: unknown[] = [err];
  while (stack.length > 0) {
    const e = stack.pop() as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | null;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || unavailableState(e.code))) return true;
    // PGlite (embedded) says so in words once its instance is closed.
    if (typeof e.message === 'string' && e.message === 'PGlite is closed') return true;
    stack.push(e.cause);
    // A connect to a host with several addresses fails with an AggregateError of one error per address.
    if (Array.isArray(e.errors)) stack.push(...e.errors);
  }
  return false;
};
