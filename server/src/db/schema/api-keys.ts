import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { users } from './users.js';

/** Tenant-owned integration keys. The key is shown once; only its SHA-256 is kept. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'officer', 'executive'] }).notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Optional end of validity; past it the key is refused like a revoked one. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    index('api_keys_org_idx').on(t.orgId),
    // The target of same-organisation keys naming the key that acted (remediation tasks, migration 0031).
    unique('api_keys_id_org_uq').on(t.id, t.orgId),
  ],
);
