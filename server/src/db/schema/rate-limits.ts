import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window counters for request rate limits and login throttling, shared by every API process on the
 * database. Not tenant data (keys name client addresses and e-mails, never an organisation); expired rows are
 * swept away.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** What is counted, e.g. `rl:global:203.0.113.7` or `login:ip:203.0.113.7`. */
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt)],
);
