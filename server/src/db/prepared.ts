import type { Sql } from 'postgres';

/** Statements larger than this are sent unprepared (see below): their texts vary with their lists' lengths. */
const MAX_PREPARED_PARAMETERS = 64;
const MAX_PREPARED_LENGTH = 8_192;

type Unsafe = Sql['unsafe'];
type Callback = (sql: Sql) => unknown;

/**
 * The postgres.js client as drizzle should use it: its queries prepared. drizzle asks postgres.js to prepare
 * only the queries it names (`.prepare('name')`), and postgres.js then asks PostgreSQL to describe every
 * unprepared statement with parameters before running it, so that it knows the parameters' types: two round
 * trips per query, each a wait in both the database's and the server's queues (measured under the portal's
 * autosave load: four socket writes per save where one statement was sent). Prepared, a statement is
 * described once per connection and then runs in one round trip. postgres.js keeps them per connection, by
 * text and parameter types, for the connection's life (it replaces connections after 30–60 minutes), and
 * prepares again by itself a statement PostgreSQL has dropped. Statements whose texts change with the length
 * of a list (many parameters, long texts) are left unprepared so that connections do not collect them.
 */
export const preparing = (client: Sql): Sql =>
  new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        const unsafe: Unsafe = (query, parameters, options) =>
          target.unsafe(query, parameters, {
            ...options,
            prepare:
              options?.prepare === true ||
              ((parameters?.length ?? 0) <= MAX_PREPARED_PARAMETERS && query.length <= MAX_PREPARED_LENGTH),
          });
        return unsafe;
      }
      // A transaction's (and a savepoint's) queries go through the handle given to its callback.
      if (prop === 'begin' || prop === 'savepoint') {
        const original = Reflect.get(target, prop, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const fn = args.at(-1) as Callback;
          return original.call(target, ...args.slice(0, -1), (sql: Sql) => fn(preparing(sql)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
