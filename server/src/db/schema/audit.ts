import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHECKPOINT_REASONS } from '#shared/schemas/audit-anchors.js';
import { organizations } from './orgs.js';

/**
 * Append-only, hash-chained audit trail (one chain per organisation). A trigger refuses UPDATE, DELETE and
 * TRUNCATE (see the rls_and_audit migration); `hash` = SHA-256 of `prev_hash` and the canonical event.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    actorType: text('actor_type', { enum: ['user', 'api_key', 'supplier_link', 'system'] }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('audit_events_org_seq_uq').on(t.orgId, t.seq),
    index('audit_events_org_entity_idx').on(t.orgId, t.entityType, t.entityId),
    index('audit_events_org_created_idx').on(t.orgId, t.createdAt),
    index('audit_events_org_actor_idx').on(t.orgId, t.actorId),
  ],
);

/**
 * Signed records of a chain head (see audit-anchor.ts for the threat model). Append-only like the events:
 * a checkpoint that could be edited would vouch for nothing.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    reason: text('reason', { enum: CHECKPOINT_REASONS }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_org_seq_idx').on(t.orgId, t.seq)],
);

/**
 * Personal values of audit payloads, kept beside their event: the payload (and so the hash) holds only
 * `{ "$pd": sha256(salt || value) }` at `path`. Erasure nulls `value` and `salt` (nothing else may change, see
 * the audit_anchors migration); the digest stays and the chain still verifies.
 */
export const auditPersonalValues = pgTable(
  'audit_personal_values',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => auditEvents.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** Dot path in the payload, array indexes as numbers: `supplier.contacts.0.email`. */
    path: text('path').notNull(),
    digest: text('digest').notNull(),
    /** 16 random bytes, hex. */
    salt: text('salt'),
    value: text('value'),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    erasureEventId: uuid('erasure_event_id'),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.path] }),
    index('audit_personal_values_org_value_idx').on(t.orgId, sql`lower(${t.value})`),
  ],
);

/**
 * Events queued for their place in the chain: each row commits with its change and is linked into the chain
 * afterwards, in `n` order, by audit_pending_drain() (migration 0042; audit-deferred.ts). Written only by
 * audit-deferred.ts and portal_save_answer() (migration 0030).
 */
export const auditPending = pgTable(
  'audit_pending',
  {
    id: uuid('id').primaryKey(),
    n: bigint('n', { mode: 'number' }).generatedAlwaysAsIdentity(),
    orgId: uuid('org_id').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    canonicalBeforeTime: text('canonical_before_time').notNull(),
    canonicalBeforeSeq: text('canonical_before_seq').notNull(),
  },
  (t) => [index('audit_pending_org_n_idx').on(t.orgId, t.n)],
);
