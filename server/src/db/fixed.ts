import type { Query } from 'drizzle-orm';
import type { SelectedFieldsOrdered } from 'drizzle-orm/pg-core';
import type { Tx } from './client.js';

/** A select as drizzle builds it: its text and parameters, and its flat selection (key → column or SQL). */
interface Buildable {
  toSQL(): Query;
  readonly _: { readonly selectedFields: unknown };
}

/**
 * A select whose shape never changes, built by the query builder once (on first use, with
 * `sql.placeholder(…)` for its values) and then only run: each call binds the values on the caller's
 * transaction and maps the rows as the builder does. On hot paths most of drizzle's CPU went into building
 * the same text again on every request (accepting a questionnaire: ~1 ms of its reads). Flat selections
 * only (no nested objects): the fields are taken in the selection's key order, as the builder takes them.
 */
export const fixedSelect = <Row, Values extends Record<string, unknown>>(build: (tx: Tx) => Buildable) => {
  let built: { query: Query; fields: SelectedFieldsOrdered } | undefined;
  return (tx: Tx, values: Values): Promise<Row[]> => {
    if (!built) {
      const select = build(tx);
      const selected = select._.selectedFields as Record<string, SelectedFieldsOrdered[number]['field']>;
      built = {
        query: select.toSQL(),
        fields: Object.entries(selected).map(([key, field]) => ({ path: [key], field })),
      };
    }
    return tx._.session.prepareQuery(built.query, built.fields, undefined, true).execute(values) as Promise<
      Row[]
    >;
  };
};
