import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { type EditionContent, EditionContentSchema } from '#shared/schemas/datasets.js';
import type { Tx } from '../../db/client.js';
import { datasetEditions } from '../../db/schema/dataset-editions.js';

type EditionTableRow = typeof datasetEditions.$inferSelect;
/** An edition row with its rows parsed through the contract (the column is `unknown` until then). */
export type EditionRow = Omit<EditionTableRow, 'content'> & { content: EditionContent };
/** An edition without its rows, for lists (a list never needs hundreds of rows per edition). */
export type EditionSummaryRow = Omit<EditionTableRow, 'content'>;
export type EditionInsert = Omit<typeof datasetEditions.$inferInsert, 'content'> & {
  content: EditionContent;
};

const t = datasetEditions;
const { content: _content, ...summaryColumns } = getTableColumns(t);

const parsed = (row: EditionTableRow): EditionRow => ({
  ...row,
  content: EditionContentSchema.parse(row.content),
});

export const insertEdition = async (tx: Tx, values: EditionInsert): Promise<EditionRow> => {
  const [row] = await tx.insert(t).values(values).returning();
  return parsed(row!);
};

export const listEditions = (tx: Tx, orgId: string): Promise<EditionSummaryRow[]> =>
  tx.select(summaryColumns).from(t).where(eq(t.orgId, orgId)).orderBy(t.kind, desc(t.createdAt));

export const findEditionSummary = async (
  tx: Tx,
  orgId: string,
  id: string,
): Promise<EditionSummaryRow | undefined> => {
  const [row] = await tx
    .select(summaryColumns)
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  return row;
};

export const findEdition = async (tx: Tx, orgId: string, id: string): Promise<EditionRow | undefined> => {
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  return row && parsed(row);
};

/** The edition of this organisation with the same kind and file, if one was loaded before. */
export const findEditionBySha = async (tx: Tx, orgId: string, kind: EditionRow['kind'], sha256: string) => {
  const [row] = await tx
    .select(summaryColumns)
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.kind, kind), eq(t.sha256, sha256)))
    .limit(1);
  return row;
};

/**
 * Serialises, per organisation, making a policy pin editions and deleting an edition (a transaction advisory
 * lock: row locks would need UPDATE, which app_user does not have on this immutable table). Without it a
 * delete could check "no policy pins it" while a pin of it is being written, and both would commit.
 */
export const lockPins = async (tx: Tx, orgId: string): Promise<void> => {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('clearsource.edition-pins'), hashtext(${orgId}))`,
  );
};

/** Editions of this organisation among `ids` (for checking a policy's pins). */
export const findEditionSummaries = (tx: Tx, orgId: string, ids: string[]): Promise<EditionSummaryRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : tx
        .select(summaryColumns)
        .from(t)
        .where(and(eq(t.orgId, orgId), inArray(t.id, ids)));

export const deleteEdition = async (tx: Tx, orgId: string, id: string): Promise<boolean> =>
  (
    await tx
      .delete(t)
      .where(and(eq(t.orgId, orgId), eq(t.id, id)))
      .returning({ id: t.id })
  ).length === 1;
