import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { AuditEventInput, AuditQuery } from '#shared/schemas/audit.js';
import { bulkInsert } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import type { Actor } from '../../lib/context.js';
import { GENESIS_HASH, hashEvent } from './audit-hash.js';

export type AuditRow = typeof auditEvents.$inferSelect;

export type RecordedEvent = AuditEventInput & { entityId: string };

/**
 * Opens the organisation's chain for appending, in the transaction of the change the events record, so both
 * commit or neither does. The advisory lock serialises writers of one organisation, so two concurrent
 * transactions cannot both link to the same predecessor. `seal` numbers and hashes events in order (pure
 * CPU: large imports and rescores seal one batch while PostgreSQL writes the previous one); `insert` writes
 * sealed rows. Batches cost one lock and one read however many events they add.
 */
export const openAuditChain = async (tx: Tx, orgId: string, actor: Actor) => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${orgId}`}, 0))`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.orgId, orgId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  // Milliseconds: what both JS and the timestamptz column keep exactly, so the hash re-computes.
  const createdAt = new Date();
  return {
    seal: (events: RecordedEvent[]): SealedEvent[] =>
      events.map((event) => {
        seq += 1;
        const fields = {
          orgId,
          seq,
          actorType: actor.type,
          actorId: actor.id,
          actorLabel: actor.label,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
          payload: event.payload as Record<string, unknown>,
          createdAt,
          prevHash,
        };
        prevHash = hashEvent(fields);
        return { ...fields, hash: prevHash };
      }),
    insert: async (rows: SealedEvent[]) => {
      for (let i = 0; i < rows.length; i += AUDIT_INSERT_BATCH) {
        await bulkInsert(tx, auditEvents, rows.slice(i, i + AUDIT_INSERT_BATCH));
      }
    },
  };
};

type SealedEvent = typeof auditEvents.$inferInsert;

// Rows per INSERT: bounds the size of the one JSON parameter, not the parameter count.
const AUDIT_INSERT_BATCH = 5000;

/** Appends events to the organisation's chain, in order, in the caller's transaction. */
export const appendAuditEvents = async (tx: Tx, orgId: string, actor: Actor, events: RecordedEvent[]) => {
  if (events.length === 0) return;
  const chain = await openAuditChain(tx, orgId, actor);
  await chain.insert(chain.seal(events));
};

export const appendAuditEvent = (tx: Tx, orgId: string, actor: Actor, event: RecordedEvent) =>
  appendAuditEvents(tx, orgId, actor, [event]);

const filtersOf = (orgId: string, q: Partial<AuditQuery>): SQL | undefined => {
  const where: (SQL | undefined)[] = [eq(auditEvents.orgId, orgId)];
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.actorType) where.push(eq(auditEvents.actorType, q.actorType));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.from) where.push(gte(auditEvents.createdAt, new Date(q.from)));
  if (q.to) where.push(lte(auditEvents.createdAt, new Date(q.to)));
  return and(...where);
};

export const listAuditEvents = async (tx: Tx, orgId: string, q: AuditQuery) => {
  const where = filtersOf(orgId, q);
  const [items, [totalRow]] = await Promise.all([
    tx
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(q.order === 'asc' ? asc(auditEvents.seq) : desc(auditEvents.seq))
      .limit(q.limit)
      .offset(q.offset),
    tx.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { items, total: totalRow?.n ?? 0 };
};

/** The chain in order, in pages, so verifying a long history never holds it all in memory. */
export async function* walkAuditChain(tx: Tx, orgId: string, pageSize = 1000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const page = await tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), sql`${auditEvents.seq} > ${after}`))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}
