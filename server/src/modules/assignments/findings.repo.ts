import { and, asc, desc, eq } from 'drizzle-orm';
import type { Finding } from '#shared/schemas/assignments.js';
import type { Tx } from '../../db/client.js';
import { findings } from '../../db/schema/assignments.js';

export type FindingRow = typeof findings.$inferSelect;

/** Whole rows (id and time made by the caller), so nothing is read back. */
export const insertFindings = async (tx: Tx, rows: FindingRow[]): Promise<void> => {
  if (rows.length > 0) await tx.insert(findings).values(rows);
};

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
