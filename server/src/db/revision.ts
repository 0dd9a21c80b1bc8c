import { type AnyColumn, eq, type SQL, sql } from 'drizzle-orm';

// The SQL half of optimistic concurrency (see server/src/lib/revision.ts): repos use these two in every
// update of an editable table, so the revision is compared and bumped by the UPDATE itself.

/** `revision = revision + 1`, for the SET of an update. */
export const nextRevision = (column: AnyColumn): SQL => sql`${column} + 1`;

/** `revision = <n>`, for the WHERE of an update: no row matches once another write has bumped it. */
export const atRevision = (column: AnyColumn, revision: number): SQL => eq(column, revision);
