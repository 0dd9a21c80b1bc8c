import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessments } from '../../db/schema/scoring.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AssessmentInsert = typeof assessments.$inferInsert;

const RATING_RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;

/** Multi-row insert; callers keep batches under the bind-parameter limit (16 columns a row). */
export const insertAssessments = (tx: Db, rows: AssessmentInsert[]) =>
  rows.length === 0
    ? Promise.resolve([] as AssessmentRow[])
    : tx.insert(assessments).values(rows).returning();

/**
 * Points each supplier at its newest assessment and copies the summary the lists filter and sort on.
 * One UPDATE … FROM (VALUES …) per batch rather than one statement per supplier.
 */
export const setCurrentAssessments = async (tx: Db, orgId: string, rows: AssessmentRow[]) => {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (a) =>
        sql`(${a.supplierId}::uuid, ${a.id}::uuid, ${a.rating}, ${RATING_RANK[a.rating]}::smallint, ${a.inherentScore}::float8, ${a.residualScore}::float8, ${a.createdAt.toISOString()}::timestamptz, ${a.policyVersion}::int)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    update suppliers s set current_assessment_id = v.aid, rating = v.rating, rating_rank = v.rank,
      inherent_score = v.inherent, residual_score = v.residual, assessed_at = v.at, policy_version = v.pv
    from (values ${values}) as v(sid, aid, rating, rank, inherent, residual, at, pv)
    where s.org_id = ${orgId} and s.id = v.sid`);
};

export const listForSupplier = async (
  tx: Db,
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

/** Every stored assessment of an organisation, page by page (for reproduction checks). */
export const pageOfAssessments = (tx: Db, orgId: string, afterId: string | null, limit: number) =>
  tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), afterId ? sql`${assessments.id} > ${afterId}::uuid` : undefined))
    .orderBy(assessments.id)
    .limit(limit);
