import { bigint, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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
