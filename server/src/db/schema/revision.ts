import { integer } from 'drizzle-orm/pg-core';

/**
 * The optimistic-concurrency column of every editable table: the number of edits the record has had (1 on
 * creation). An update names the revision it was made from and bumps it; see server/src/db/revision.ts.
 * Called "revision" because "version" already means a policy's published number.
 */
export const revisionColumn = () => integer('revision').notNull().default(1);
