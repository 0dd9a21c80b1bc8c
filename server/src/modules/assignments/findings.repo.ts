import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
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

/**
 * Most severe first (severity is text, whose order is the alphabet's), then newest: the order every list of
 * findings is read in, on the review and supplier pages and in the supplier report.
 */
const MOST_SEVERE_FIRST = [
  desc(
    sql`case ${findings.severity} when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end`,
  ),
  desc(findings.createdAt),
  asc(findings.key),
];

/** The findings accepting a questionnaire opened, most severe first. */
export const listAssignmentFindings = (tx: Tx, orgId: string, assignmentId: string) =>
  tx
    .select()
    .from(findings)
    .where(and(eq(findings.orgId, orgId), eq(findings.assignmentId, assignmentId)))
    .orderBy(...MOST_SEVERE_FIRST);

/** A supplier's findings, most severe first, then newest; only those in `status` unless it is `all`. */
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
    .orderBy(...MOST_SEVERE_FIRST);

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

/**
 * The closed findings (their fix verified through a remediation task) of these questionnaires, by
 * questionnaire: what scoring reads as remediated (shared/src/domain/tasks/remediated.ts).
 */
export const closedFindingsOfAssignments = async (
  tx: Tx,
  orgId: string,
  assignmentIds: readonly string[],
): Promise<Map<string, { kind: FindingRow['kind']; key: string }[]>> => {
  const out = new Map<string, { kind: FindingRow['kind']; key: string }[]>();
  if (assignmentIds.length === 0) return out;
  const rows = await tx
    .select({ assignmentId: findings.assignmentId, kind: findings.kind, key: findings.key })
    .from(findings)
    .where(
      and(
        eq(findings.orgId, orgId),
        eq(findings.status, 'closed'),
        inArray(findings.assignmentId, [...assignmentIds]),
      ),
    )
    .orderBy(asc(findings.key));
  for (const r of rows) {
    if (!r.assignmentId) continue;
    const list = out.get(r.assignmentId) ?? [];
    list.push({ kind: r.kind, key: r.key });
    out.set(r.assignmentId, list);
  }
  return out;
};

/**
 * The ids of the organisation's suppliers with an open red flag, as a subquery (the supplier list's
 * `redFlags=open` filter: what the dashboard's "Open red flags" figure counts).
 */
export const suppliersWithOpenRedFlags = (orgId: string): SQL =>
  sql`(select ${findings.supplierId} from ${findings} where ${findings.orgId} = ${orgId} and ${findings.kind} = 'red_flag' and ${findings.status} = 'open')`;
