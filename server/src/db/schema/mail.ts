import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { users } from './users.js';

/**
 * E-mail waiting to be sent, being sent, sent or given up (tenant-owned). A message is queued in the same
 * transaction as the change that causes it and delivered after commit by the mail worker, so a mailer that
 * is down loses nothing: the send is retried with backoff and its state is visible.
 *
 * A message may carry a secret link (a questionnaire, an invitation, a password reset). The link is never
 * stored readable: `link_sealed` holds it encrypted with a key kept outside the database
 * (server/src/lib/sealing.ts) and is erased once the message is sent or given up.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** What the message is (MAIL_KINDS in shared/schemas/mail.ts): it chooses the wording. */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    /** What the wording needs besides the link (names, dates): MailParams in shared/schemas/mail.ts. */
    params: jsonb('params').$type<unknown>().notNull(),
    /** The secret link, sealed (AES-256-GCM); null when the message has none or once it left. */
    linkSealed: text('link_sealed'),
    /** What the message is about (an assignment, a user), so its page can show the delivery state. */
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'not_sent'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** The last failure as the mail server put it (never the message body, so never a link). */
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The Message-ID the SMTP server accepted, for tracing a complaint to one message. */
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_outbox_org_entity_idx').on(t.orgId, t.entityType, t.entityId, t.createdAt),
    index('mail_outbox_org_created_idx').on(t.orgId, t.createdAt),
    // The worker's scan: due messages of every organisation.
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/**
 * Single-use links that let a person set a password without being signed in: an invitation to a new account,
 * or a password reset. Only the SHA-256 of the token is stored; it expires and is spent by its first use.
 * Tenant-owned (the organisation that sent it); read before sign-in through the definer functions of the
 * migration, which answer only what the link's page needs.
 */
export const accountLinks = pgTable(
  'account_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['invitation', 'password_reset'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('account_links_org_user_idx').on(t.orgId, t.userId, t.createdAt)],
);
