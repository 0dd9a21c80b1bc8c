import { normalizeIP } from '@fastify/rate-limit';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { clearCounter, hitCounter, uncountHit } from '../rate-limits/rate-limits.repo.js';

export interface LoginThrottleOptions {
  /** Failed attempts per client address and e-mail per window (guessing one person's password). */
  maxPerAccount: number;
  /** Failed attempts per client address per window, whatever the e-mail (one password tried on many accounts). */
  maxPerAddress: number;
  windowSeconds: number;
}

/** A 429 that says when to come back; the route copies `retryAfterSeconds` into `Retry-After`. */
export class ThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'rate_limited',
      `Too many failed sign-in attempts: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    );
  }
}

/**
 * Throttles password guessing, in the database so every API process shares the counts. Only failures count:
 * each attempt is counted before the password is checked (so a burst of parallel guesses cannot slip past),
 * and a success takes its count back and clears that person's failures. The per-address count is not cleared
 * by a success, or an attacker could reset it by signing in to an account of their own between guesses.
 */
export const createLoginThrottle = (db: Db, opts: LoginThrottleOptions) => {
  const windowMs = opts.windowSeconds * 1000;
  return {
    /**
     * Counts an attempt from `address` at `email`; throws ThrottledError once either budget is spent. Call
     * `succeeded()` when the password turned out right.
     */
    async begin(address: string, email: string) {
      // IPv6 clients usually hold a whole /64 (or more): count the block, as the request limit does.
      const client = normalizeIP(address);
      const accountKey = `login:account:${client}|${email.toLowerCase()}`;
      const addressKey = `login:address:${client}`;
      const account = await hitCounter(db, accountKey, windowMs);
      const perAddress = await hitCounter(db, addressKey, windowMs);
      const waitsMs: number[] = [];
      if (account.count > opts.maxPerAccount) waitsMs.push(account.ttlMs);
      if (perAddress.count > opts.maxPerAddress) waitsMs.push(perAddress.ttlMs);
      if (waitsMs.length > 0) throw new ThrottledError(Math.max(1, Math.ceil(Math.max(...waitsMs) / 1000)));
      return {
        succeeded: async () => {
          await clearCounter(db, accountKey);
          await uncountHit(db, addressKey);
        },
      };
    },
  };
};

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
