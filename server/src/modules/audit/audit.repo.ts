import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNull,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AuditExportQuery } from '#shared/schemas/audit.js';
import type { Tx } from '../../db/client.js';
import { auditCheckpoints, auditEvents, auditPersonalValues } from '../../db/schema/audit.js';

export type AuditRow = typeof auditEvents.$inferSelect;
export type LabelledAuditRow = AuditRow & { entityLabel: string | null };
export type PersonalRow = typeof auditPersonalValues.$inferSelect;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `label` is the entity's name (entityLabelSql): shown, and searched by `q.entity`. */
const filtersOf = (orgId: string, q: Partial<AuditExportQuery>, label: SQL): SQL | undefined => {
  const where: (SQL | undefined)[] = [eq(auditEvents.orgId, orgId)];
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.entity) where.push(sql`${label} ilike ${`%${likeEscape(q.entity)}%`}`);
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.actorType) where.push(eq(auditEvents.actorType, q.actorType));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.from) where.push(gte(auditEvents.createdAt, new Date(q.from)));
  if (q.to) where.push(lte(auditEvents.createdAt, new Date(q.to)));
  return and(...where);
};

const labelledColumns = (label: SQL<string | null>) => ({
  ...getTableColumns(auditEvents),
  entityLabel: label,
});

export const listAuditEvents = async (
  tx: Tx,
  orgId: string,
  q: AuditExportQuery & { limit: number; offset: number },
  label: SQL<string | null>,
) => {
  const where = filtersOf(orgId, q, label);
  const [items, [totalRow]] = await Promise.all([
    tx
      .select(labelledColumns(label))
      .from(auditEvents)
      .where(where)
      .orderBy(q.order === 'asc' ? asc(auditEvents.seq) : desc(auditEvents.seq))
      .limit(q.limit)
      .offset(q.offset),
    tx.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { items: items as LabelledAuditRow[], total: totalRow?.n ?? 0 };
};

/** One page of the events matching the filters, after sequence `after` in the list's order (keyset). */
export const filteredEventsAfter = async (
  tx: Tx,
  orgId: string,
  q: AuditExportQuery,
  after: number | undefined,
  limit: number,
  label: SQL<string | null>,
): Promise<LabelledAuditRow[]> => {
  const newestFirst = q.order !== 'asc';
  const where = filtersOf(orgId, q, label);
  return (await tx
    .select(labelledColumns(label))
    .from(auditEvents)
    .where(
      after === undefined
        ? where
        : and(where, newestFirst ? sql`${auditEvents.seq} < ${after}` : sql`${auditEvents.seq} > ${after}`),
    )
    .orderBy(newestFirst ? desc(auditEvents.seq) : asc(auditEvents.seq))
    .limit(limit)) as LabelledAuditRow[];
};

/** The chain in order, in pages, so verifying a long history never holds it all in memory. */
export async function* walkAuditChain(tx: Tx, orgId: string, pageSize = 1000): AsyncGenerator<AuditRow[]> {
  let after = 0;
  for (;;) {
    const page = await tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), sql`${auditEvents.seq} > ${after}`))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

/** The personal values kept beside these events. */
export const personalValuesOf = (tx: Tx, orgId: string, eventIds: string[]): Promise<PersonalRow[]> =>
  eventIds.length === 0
    ? Promise.resolve([])
    : tx
        .select()
        .from(auditPersonalValues)
        .where(and(eq(auditPersonalValues.orgId, orgId), inArray(auditPersonalValues.eventId, eventIds)));

export const listCheckpoints = (tx: Tx, orgId: string) =>
  tx
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.orgId, orgId))
    .orderBy(asc(auditCheckpoints.seq), asc(auditCheckpoints.createdAt));

export type ErasableValue = PersonalRow & { seq: number };

const erasableColumns = { ...getTableColumns(auditPersonalValues), seq: auditEvents.seq };

/**
 * Kept (not yet erased) personal values of a person known by e-mail: the e-mail values themselves and the
 * personal values recorded beside them in the same object (a contact's name and phone, a user's name).
 */
export const erasableByEmail = async (tx: Tx, orgId: string, email: string): Promise<ErasableValue[]> => {
  const pv = auditPersonalValues;
  const matches = await tx
    .select({ eventId: pv.eventId, path: pv.path })
    .from(pv)
    .where(
      and(
        eq(pv.orgId, orgId),
        isNull(pv.erasedAt),
        sql`lower(${pv.value}) = lower(${email})`,
        sql`(${pv.path} = 'email' or ${pv.path} like '%.email')`,
      ),
    );
  if (matches.length === 0) return [];
  const rows = await tx
    .select(erasableColumns)
    .from(pv)
    .innerJoin(auditEvents, eq(auditEvents.id, pv.eventId))
    .where(
      and(
        eq(pv.orgId, orgId),
        isNull(pv.erasedAt),
        inArray(
          pv.eventId,
          matches.map((m) => m.eventId),
        ),
      ),
    );
  const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('.')));
  const subjects = new Set(matches.map((m) => `${m.eventId}|${parentOf(m.path)}`));
  return rows.filter((r) => subjects.has(`${r.eventId}|${parentOf(r.path)}`));
};

/** Kept personal values of every event about one entity. */
export const erasableByEntity = (tx: Tx, orgId: string, entityType: string, entityId: string) =>
  tx
    .select(erasableColumns)
    .from(auditPersonalValues)
    .innerJoin(auditEvents, eq(auditEvents.id, auditPersonalValues.eventId))
    .where(
      and(
        eq(auditPersonalValues.orgId, orgId),
        isNull(auditPersonalValues.erasedAt),
        eq(auditEvents.entityType, entityType),
        eq(auditEvents.entityId, entityId),
      ),
    );

export const markErased = async (
  tx: Tx,
  orgId: string,
  values: { eventId: string; path: string }[],
  erasureEventId: string,
  at: Date,
) => {
  for (const v of values) {
    await tx
      .update(auditPersonalValues)
      .set({ value: null, salt: null, erasedAt: at, erasureEventId })
      .where(
        and(
          eq(auditPersonalValues.orgId, orgId),
          eq(auditPersonalValues.eventId, v.eventId),
          eq(auditPersonalValues.path, v.path),
        ),
      );
  }
};

/** Events written before personal fields were digested whose stored payload holds this e-mail in clear. */
export const clearTextEventCount = async (tx: Tx, orgId: string, email: string): Promise<number> => {
  const [row] = await tx
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        sql`position(lower(${JSON.stringify(email)}) in lower(${auditEvents.payload}::text)) > 0`,
      ),
    );
  return row?.n ?? 0;
};
