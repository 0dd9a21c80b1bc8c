import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Db } from '../../db/client.js';
import { type Counter, hitCounter, readCounter } from './rate-limits.repo.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * Hands a counter to the plugin's callback. A counter that is missing (a statement answered no row: seen once
 * while the test killed sessions) is an error like any other, so the plugin lets the request through
 * (skipOnError); read outside the error path, it would have thrown from a promise callback: an unhandled
 * rejection, which ends Node, and a request that never answers.
 */
const answer = (counter: Promise<Counter | undefined>, callback: Callback) => {
  counter
    .then((c) => {
      if (!c) throw new Error('The rate-limit counter statement answered no row');
      return { current: c.count, ttl: c.ttlMs };
    })
    .then(
      (result) => callback(null, result),
      (err: Error) => callback(err),
    );
};

/**
 * A @fastify/rate-limit store on the `rate_limits` table, so that every API process on one database shares
 * one budget per client (the plugin's default store is per process: two instances behind a load balancer
 * would each allow the full limit). Fixed windows only: `continueExceeding` and `exponentialBackoff` are not
 * implemented (the app uses neither). The plugin builds the store itself (`new Store(options)`), so the
 * database comes in through this closure.
 */
export const pgRateLimitStore = (db: Db) => {
  class PgRateLimitStore implements FastifyRateLimitStore {
    /** Keys of routes with their own limit are kept apart from the global budget, as the default store does. */
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = 'rl:global:',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      answer(hitCounter(db, this.prefix + key, timeWindow), callback);
    }

    read(key: string, callback: Callback): void {
      answer(readCounter(db, this.prefix + key), callback);
    }

    /** The plugin passes the route's merged limit options, with the route itself under `routeInfo`. */
    child(routeOptions: object) {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new PgRateLimitStore({}, `rl:${String(route?.method ?? '')} ${String(route?.url ?? 'custom')}:`);
    }
  }
  return PgRateLimitStore;
};
