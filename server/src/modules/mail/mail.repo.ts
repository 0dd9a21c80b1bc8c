import { type AnyColumn, and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { OutboxQuery } from '#shared/schemas/mail.js';
import type { Db, Tx } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/mail.js';
import { rowsOf } from '../../db/tenant.js';

export type OutboxRow = typeof mailOutbox.$inferSelect;
export type OutboxInsert = Omit<typeof mailOutbox.$inferInsert, 'id' | 'createdAt'>;

export const insertMessage = async (tx: Tx, values: OutboxInsert) => {
  const [row] = await tx.insert(mailOutbox).values(values).returning({ id: mailOutbox.id });
  return row!;
};

export const findMessage = async (tx: Tx, orgId: string, id: string) => {
  const [row] = await tx
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.id, id)))
    .limit(1);
  return row;
};

/** The organisation's messages, newest first, filtered as the query says. */
export const listMessages = async (tx: Tx, orgId: string, q: OutboxQuery) => {
  const where: (SQL | undefined)[] = [eq(mailOutbox.orgId, orgId)];
  if (q.status) where.push(eq(mailOutbox.status, q.status));
  if (q.entityType) where.push(eq(mailOutbox.entityType, q.entityType));
  if (q.entityId) where.push(eq(mailOutbox.entityId, q.entityId));
  const filter = and(...where);
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(mailOutbox)
      .where(filter)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(q.limit)
      .offset(q.offset),
    tx.select({ n: count() }).from(mailOutbox).where(filter),
  ]);
  return { items, total: total?.n ?? 0 };
};

// The worker serves every organisation: it claims across them through the definer functions of the
// migration, and reads and settles each message inside its organisation (withTenant).

/** Claims up to `limit` due messages of any organisation (ids and organisations only); SKIP LOCKED inside. */
export const claimDue = async (db: Db, limit: number) =>
  rowsOf<{ id: string; org_id: string }>(
    await db.execute(sql`select * from mail_outbox_claim(${limit})`),
  ).map((r) => ({ id: r.id, orgId: r.org_id }));

/** Messages left "sending" by a process that died go back to the queue. */
export const requeueStale = (db: Db) => db.execute(sql`select mail_outbox_requeue_stale()`);

const settle = (tx: Tx, orgId: string, id: string, values: Partial<OutboxRow>) =>
  tx
    .update(mailOutbox)
    .set(values)
    .where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')));

/** Sent: the link is erased, it is in the recipient's mailbox now. */
export const markSent = (tx: Tx, orgId: string, id: string, messageId: string) =>
  settle(tx, orgId, id, { status: 'sent', sentAt: new Date(), messageId, linkSealed: null, lastError: null });

/** Back in the queue until `nextAttemptAt`. */
export const markRetry = (tx: Tx, orgId: string, id: string, lastError: string, nextAttemptAt: Date) =>
  settle(tx, orgId, id, { status: 'queued', lastError, nextAttemptAt, claimedAt: null });

/** Given up after its last attempt: the link is erased (whoever needs it asks for a new one). */
export const markFailed = (tx: Tx, orgId: string, id: string, lastError: string) =>
  settle(tx, orgId, id, { status: 'failed', lastError, linkSealed: null });

/** A message's delivery state by id, as a scalar subquery (a reminder shows how its e-mail went). */
export const mailStatusById = (id: SQL | AnyColumn) =>
  sql<
    OutboxRow['status'] | null
  >`(select ${mailOutbox.status} from ${mailOutbox} where ${mailOutbox.id} = ${id})`;

/** The mail module's functions other modules may use (as `Pick<MailRepo, …>` deps). */
export const mailRepo = { insertMessage };
export type MailRepo = typeof mailRepo;
