import { and, asc, desc, eq } from 'drizzle-orm';
import type { Finding } from '#shared/schemas/assignments.js';
import { bulkInsert } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { findings } from '../../db/schema/assignments.js';

export type FindingRow = typeof findings.$inferSelect;

/**
 * Whole rows (id and time made by the caller), so nothing is read back. One JSON parameter (bulkInsert): the
 * query builder's multi-row VALUES took ~3 ms to build for the ~25 findings of a risky questionnaire, and its
 * text changed with the count.
 */
export const insertFindings = (tx: Tx, rows: FindingRow[]): Promise<void> => bulkInsert(tx, findings, rows);

export const listAssignmentFindings = (tx: Tx, orgId: string, assignmentId: string) =>
  tx
    .select()
    .from(findings)
    .where(and(eq(findings.orgId, orgId), eq(findings.assignmentId, assignmentId)))
    .orderBy(asc(findings.createdAt), asc(findings.key));

/** A supplier's findings, newest first; only those in `status` unless it is `all`. */
export const listSupplierFindings = (
  tx: Tx,
  orgId: string,
  supplierId: string,
  status: 'open' | 'closed' | 'risk_accepted' | 'all',
) =>
  tx
    .select()
    .from(findings)
    .where(
      and(
        eq(findings.orgId, orgId),
        eq(findings.supplierId, supplierId),
        status === 'all' ? undefined : eq(findings.status, status),
      ),
    )
    .orderBy(desc(findings.createdAt), asc(findings.key));

export const toFinding = (r: typeof findings.$inferSelect): Finding => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
});

/** One finding of the organisation (what a task is made from), or undefined. */
export const findFinding = async (tx: Tx, orgId: string, id: string): Promise<FindingRow | undefined> => {
  const [row] = await tx
    .select()
    .from(findings)
    .where(and(eq(findings.orgId, orgId), eq(findings.id, id)))
    .limit(1);
  return row;
};

/**
 * Sets a finding's status (it follows its remediation task: closed, risk_accepted, open again). Answers the
 * status it had, or undefined when there is no such finding.
 */
export const setFindingStatus = async (
  tx: Tx,
  orgId: string,
  id: string,
  status: FindingRow['status'],
): Promise<FindingRow | undefined> => {
  const before = await findFinding(tx, orgId, id);
  if (!before || before.status === status) return before;
  await tx
    .update(findings)
    .set({ status })
    .where(and(eq(findings.orgId, orgId), eq(findings.id, id)));
  return before;
};
