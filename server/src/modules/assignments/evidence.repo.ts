import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { EvidenceFile } from '#shared/schemas/portal.js';
import type { Tx } from '../../db/client.js';
import { evidenceFiles as ev } from '../../db/schema/assignments.js';

export type EvidenceRow = typeof ev.$inferSelect;

export const insertEvidence = async (tx: Tx, values: typeof ev.$inferInsert) => {
  const [row] = await tx.insert(ev).values(values).returning();
  return row!;
};

/** How many evidence files one questionnaire holds, and their bytes together (its quota's measure). */
export const evidenceUsage = async (tx: Tx, orgId: string, assignmentId: string) => {
  const [row] = await tx
    .select({ files: count(), bytes: sql<number>`coalesce(sum(${ev.size}), 0)::float8` })
    .from(ev)
    .where(and(eq(ev.orgId, orgId), eq(ev.assignmentId, assignmentId)));
  return { files: row?.files ?? 0, bytes: Number(row?.bytes ?? 0) };
};

export const listEvidence = (tx: Tx, orgId: string, assignmentId: string) =>
  tx
    .select()
    .from(ev)
    .where(and(eq(ev.orgId, orgId), eq(ev.assignmentId, assignmentId)))
    .orderBy(asc(ev.createdAt), asc(ev.id));

export const findEvidence = async (tx: Tx, orgId: string, assignmentId: string, id: string) => {
  const [row] = await tx
    .select()
    .from(ev)
    .where(and(eq(ev.orgId, orgId), eq(ev.assignmentId, assignmentId), eq(ev.id, id)))
    .limit(1);
  return row;
};

export const toEvidenceFile = (r: EvidenceRow): EvidenceFile => ({
  id: r.id,
  questionId: r.questionId,
  fileName: r.fileName,
  mediaType: r.mediaType,
  size: r.size,
  sha256: r.sha256,
  createdAt: r.createdAt.toISOString(),
});
