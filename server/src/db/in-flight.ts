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
