import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { policies } from './scoring.js';
import { users } from './users.js';

/**
 * Four-eyes publishing: a request to publish a draft policy, pinned at the revision the requester reviewed,
 * and its outcome (approved by another admin, rejected, or withdrawn). At most one pending request per draft.
 */
export const policyPublishRequests = pgTable(
  'policy_publish_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    // A draft never published may be deleted: its requests (all decided by then) go with it.
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    policyRevision: integer('policy_revision').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'withdrawn'] })
      .notNull()
      .default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id),
    comment: text('comment').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionComment: text('decision_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('policy_publish_requests_org_policy_idx').on(t.orgId, t.policyId, t.createdAt),
    uniqueIndex('policy_publish_requests_one_pending_uq').on(t.policyId).where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * An organisation's explicit choice on four-eyes publishing. No row: the default (required with two or more
 * active admins), so the rule follows the team as it grows until an admin decides otherwise.
 */
export const publishApprovalSettings = pgTable('publish_approval_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  required: boolean('required').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
