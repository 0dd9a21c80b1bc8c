import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A tenant. Not tenant-scoped itself: it is the tenant. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
