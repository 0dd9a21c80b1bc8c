import { and, count, desc, eq, sql } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk.js';
import type { Db } from '../../db/client.js';
import { assessments } from '../../db/schema/scoring.js';
import { ratingRank } from '../suppliers/suppliers.mapping.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AssessmentInsert = typeof assessments.$inferInsert;

/** Bulk insert; rows carry their ids and times (assessments are append-only: nothing comes back). */
export const insertAssessments = (tx: Db, rows: AssessmentRow[]) => bulkInsert(tx, assessments, rows);

/**
 * Points each supplier at its newest assessment and copies the summary the lists filter and sort on:
 * one UPDATE … FROM jsonb_to_recordset per batch (one parameter) rather than one statement per supplier.
 */
export const setCurrentAssessments = async (tx: Db, orgId: string, rows: AssessmentRow[]) => {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((a) => ({
      sid: a.supplierId,
      aid: a.id,
      rating: a.rating,
      rank: ratingRank(a.rating),
      inherent: a.inherentScore,
      residual: a.residualScore,
      at: a.createdAt.toISOString(),
      pv: a.policyVersion,
    })),
  );
  await tx.execute(sql`
    update suppliers s set current_assessment_id = v.aid, rating = v.rating, rating_rank = v.rank,
      inherent_score = v.inherent, residual_score = v.residual, assessed_at = v.at, policy_version = v.pv
    from jsonb_to_recordset(${json}::jsonb)
      as v(sid uuid, aid uuid, rating text, rank smallint, inherent float8, residual float8, at timestamptz, pv int)
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
