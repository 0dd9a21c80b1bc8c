import { and, asc, eq } from 'drizzle-orm';
import type { Finding } from '#shared/schemas/assignments.js';
import type { Tx } from '../../db/client.js';
import { findings } from '../../db/schema/assignments.js';

export type FindingInsert = typeof findings.$inferInsert;

export const insertFindings = async (tx: Tx, rows: FindingInsert[]) =>
  rows.length === 0 ? [] : tx.insert(findings).values(rows).returning();

export const listAssignmentFindings = (tx: Tx, orgId: string, assignmentId: string) =>
  tx
    .select()
    .from(findings)
    .where(and(eq(findings.orgId, orgId), eq(findings.assignmentId, assignmentId)))
    .orderBy(asc(findings.createdAt), asc(findings.key));

export const toFinding = (r: typeof findings.$inferSelect): Finding => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
});
