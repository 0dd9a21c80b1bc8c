/**
 * Keeps up to `depth` statements of one transaction in flight, so the application builds the next batch
 * (validation, scoring, hashing) while PostgreSQL writes the previous one. postgres.js pipelines them on the
 * transaction's connection in order; PGlite runs them one after another. Every statement added must be
 * started already (a drizzle query runs once awaited: pass the promise of an async function that awaits it).
 * `drain()` before the transaction ends: it rethrows the first failure.
 */
export const inFlight = (depth = 2) => {
  const pending: Promise<unknown>[] = [];
  return {
    async add(statement: Promise<unknown>): Promise<void> {
      // Awaited later, in order; until then a failure must not count as unhandled.
      statement.catch(() => {});
      pending.push(statement);
      // One turn of the event loop: the drivers send a statement from promise callbacks, which would
      // otherwise wait for the caller's next stretch of CPU work to finish.
      await new Promise((resolve) => setImmediate(resolve));
      while (pending.length > depth) await pending.shift();
    },
    async drain(): Promise<void> {
      while (pending.length > 0) await pending.shift();
    },
  };
};

export type InFlight = ReturnType<typeof inFlight>;

/**
 * Starts `statement` and waits one turn of the event loop, so the driver has queued it before the caller
 * sends anything else: statements sent after it, even without waiting for it, run after it (postgres.js
 * pipelines a transaction's statements in the order queued; PGlite runs them one after another). Whether a
 * drizzle query is queued at once or a few promise callbacks later depends on how it is wrapped, so when the
 * order matters (a lock before the reads it protects) queue the first one this way. Answers the statement's
 * promise, not yet awaited (`.result`).
 */
export const queueFirst = async <T>(statement: PromiseLike<T>): Promise<{ result: Promise<T> }> => {
  const result = Promise.resolve(statement);
  // Awaited by the caller; until then a failure must not count as unhandled.
  result.catch(() => {});
  await new Promise((resolve) => setImmediate(resolve));
  return { result };
};
