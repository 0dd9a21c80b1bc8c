import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { users } from './users.js';

/**
 * Dataset editions an administrator loaded (ILAB goods, US TIP tiers, GSI), per organisation. Immutable once
 * stored: a policy pins one by id and scores from its rows, so an edition is only ever added, or deleted
 * while no policy pins it. The shipped editions are files (shared/reference-data), never rows here.
 */
export const datasetEditions = pgTable(
  'dataset_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind', { enum: ['us_tip', 'gsi', 'ilab'] }).notNull(),
    edition: text('edition').notNull(),
    publisher: text('publisher').notNull(),
    url: text('url').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 (hex) of the file as uploaded: what assessments cite, and what makes a second upload a duplicate. */
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    /** The parsed rows (EditionContentSchema in shared/schemas/datasets.ts). */
    content: jsonb('content').$type<unknown>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    /** Who loaded it as the audit trail names them (a user, or an API key). */
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dataset_editions_org_kind_idx').on(t.orgId, t.kind, t.createdAt),
    unique('dataset_editions_org_kind_sha_uq').on(t.orgId, t.kind, t.sha256),
  ],
);
