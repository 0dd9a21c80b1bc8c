import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { bulkInsert, type JsonText } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { assessments } from '../../db/schema/scoring.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AssessmentInsert = typeof assessments.$inferInsert;

/**
 * Bulk insert; rows carry their ids and times (assessments are append-only: nothing comes back). `result`
 * may come as its JSON text already (JsonText), serialised once with the hash.
 */
export const insertAssessments = (
  tx: Tx,
  rows: (Omit<AssessmentRow, 'result'> & { result: AssessmentRow['result'] | JsonText })[],
) => bulkInsert(tx, assessments, rows);

export const listForSupplier = async (
  tx: Tx,
  orgId: string,
  supplierId: string,
  limit: number,
  offset: number,
) => {
  const where = and(eq(assessments.orgId, orgId), eq(assessments.supplierId, supplierId));
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(assessments)
      .where(where)
      .orderBy(desc(assessments.createdAt), desc(assessments.id))
      .limit(limit)
      .offset(offset),
    tx.select({ n: count() }).from(assessments).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
};

/** The supplier an assessment is of, by id, as a scalar subquery (the audit list names it). */
export const assessmentSupplierId = (id: SQL): SQL<string | null> =>
  sql`(select ${assessments.supplierId} from ${assessments} where ${assessments.id} = ${id})`;

/** The policy an assessment was scored under (a remediation task reads its suggested actions), or undefined. */
export const assessmentPolicyId = async (tx: Tx, orgId: string, id: string): Promise<string | undefined> => {
  const [row] = await tx
    .select({ policyId: assessments.policyId })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, id)))
    .limit(1);
  return row?.policyId ?? undefined;
};
