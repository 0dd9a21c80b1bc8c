import { and, count, desc, eq, ilike, max, type SQL, sql } from 'drizzle-orm';
import { type TemplateDefinition, TemplateDefinitionSchema } from '#shared/schemas/questionnaires.js';
import type { TemplatesQuery } from '#shared/schemas/templates.js';
import type { Tx } from '../../db/client.js';
import { atRevision, nextRevision } from '../../db/revision.js';
import { questionnaireTemplates as t } from '../../db/schema/questionnaires.js';

type Raw = typeof t.$inferSelect;
export type TemplateRow = Omit<Raw, 'definition'> & { definition: TemplateDefinition };
export type TemplateInsert = Omit<typeof t.$inferInsert, 'definition'> & { definition: TemplateDefinition };

/** Stored definitions were validated on the way in; parsing on read keeps the type honest (STYLE §5). */
const parsed = (r: Raw): TemplateRow => ({ ...r, definition: TemplateDefinitionSchema.parse(r.definition) });

export const findTemplate = async (tx: Tx, orgId: string, id: string) => {
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  return row && parsed(row);
};

/** The organisation's template versions, most recently changed first, without their definitions' weight. */
export const listTemplates = async (tx: Tx, orgId: string, q: TemplatesQuery) => {
  const where: (SQL | undefined)[] = [eq(t.orgId, orgId)];
  if (q.status) where.push(eq(t.status, q.status));
  if (q.q) where.push(ilike(t.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const filter = and(...where);
  const [items, [total]] = await Promise.all([
    tx.select().from(t).where(filter).orderBy(desc(t.updatedAt), desc(t.id)).limit(q.limit).offset(q.offset),
    tx.select({ n: count() }).from(t).where(filter),
  ]);
  return { items: items.map(parsed), total: total?.n ?? 0 };
};

export const insertTemplate = async (tx: Tx, values: TemplateInsert): Promise<TemplateRow> => {
  const [row] = await tx.insert(t).values(values).returning();
  return parsed(row!);
};

/** The guarded update: no row when another write bumped the revision since it was read. */
export const updateTemplate = async (
  tx: Tx,
  orgId: string,
  id: string,
  revision: number,
  values: Partial<TemplateInsert>,
): Promise<TemplateRow | undefined> => {
  const [row] = await tx
    .update(t)
    .set({ ...values, updatedAt: new Date(), revision: nextRevision(t.revision) })
    .where(and(eq(t.orgId, orgId), eq(t.id, id), atRevision(t.revision, revision)))
    .returning();
  return row && parsed(row);
};

export const deleteDraft = async (tx: Tx, orgId: string, id: string, revision: number) =>
  (
    await tx
      .delete(t)
      .where(and(eq(t.orgId, orgId), eq(t.id, id), eq(t.status, 'draft'), atRevision(t.revision, revision)))
      .returning({ id: t.id })
  ).length > 0;

/** The family's current published version (the one new assignments send), if any. */
export const findPublishedInFamily = async (tx: Tx, orgId: string, familyId: string) => {
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.familyId, familyId), eq(t.status, 'published')))
    .limit(1);
  return row && parsed(row);
};

export const findDraftInFamily = async (tx: Tx, orgId: string, familyId: string) => {
  const [row] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.familyId, familyId), eq(t.status, 'draft')))
    .limit(1);
  return row;
};

export const nextVersionInFamily = async (tx: Tx, orgId: string, familyId: string) => {
  const [row] = await tx
    .select({ v: max(t.version) })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.familyId, familyId)));
  return (row?.v ?? 0) + 1;
};

/** A template's name by id, as a scalar subquery: the audit list shows and searches it in its own query. */
export const templateNameById = (id: SQL): SQL<string | null> =>
  sql`(select ${t.name} from ${t} where ${t.id} = ${id})`;

/** The templates module's functions other modules may use (as `Pick<TemplatesRepo, …>` deps). */
export const templatesRepo = { findTemplate, insertTemplate, findPublishedInFamily };
export type TemplatesRepo = typeof templatesRepo;
