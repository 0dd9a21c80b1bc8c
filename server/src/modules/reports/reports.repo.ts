import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ReportListQuery, ReportStatus } from '#shared/schemas/reports.js';
import type { Db, Tx } from '../../db/client.js';
import { reports } from '../../db/schema/reports.js';
import { rowsOf } from '../../db/tenant.js';
import { jobProgressById } from '../jobs/jobs.repo.js';

export type ReportInsert = typeof reports.$inferInsert;

/** A register entry as the API reads it: the row, and its job's progress while it renders. */
const listedColumns = {
  row: reports,
  progress: jobProgressById(sql`${reports.jobId}`),
};

const withProgress = (r: {
  row: typeof reports.$inferSelect;
  progress: { done: number; total: number } | null;
}) => ({
  ...r.row,
  progress: r.progress,
});
export type ReportRow = ReturnType<typeof withProgress>;

/**
 * The organisation's next register number (1, 2, …). Takes the organisation's register lock until the
 * transaction ends, so two concurrent requests cannot both read the same maximum; the statement after the
 * lock reads what the previous holder committed (each statement of a READ COMMITTED transaction takes a new
 * snapshot). The unique key (org_id, register_seq) stays the last word.
 */
export const nextRegisterSeq = async (tx: Tx, orgId: string): Promise<number> => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`reports:${orgId}`}, 0))`);
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${reports.registerSeq}), 0)::int` })
    .from(reports)
    .where(eq(reports.orgId, orgId));
  return Number(row?.last ?? 0) + 1;
};

export const insertReport = async (tx: Tx, values: ReportInsert) => {
  const [row] = await tx.insert(reports).values(values).returning();
  return withProgress({ row: row!, progress: null });
};

export const findReport = async (tx: Tx, orgId: string, id: string, opts: { lock?: boolean } = {}) => {
  const q = tx
    .select(listedColumns)
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.id, id)))
    .limit(1);
  const [row] = await (opts.lock ? q.for('update', { of: reports }) : q);
  return row && withProgress(row);
};

/** The register, newest first, filtered by kind and supplier. */
export const listReports = async (tx: Tx, orgId: string, q: ReportListQuery) => {
  const where: (SQL | undefined)[] = [eq(reports.orgId, orgId)];
  if (q.kind) where.push(eq(reports.kind, q.kind));
  if (q.supplierId) where.push(eq(reports.supplierId, q.supplierId));
  const filter = and(...where);
  const [items, [total]] = await Promise.all([
    tx
      .select(listedColumns)
      .from(reports)
      .where(filter)
      .orderBy(desc(reports.createdAt), desc(reports.registerSeq))
      .limit(q.limit)
      .offset(q.offset),
    tx.select({ n: count() }).from(reports).where(filter),
  ]);
  return { items: items.map(withProgress), total: total?.n ?? 0 };
};

/** The rendering job took it (a job put back in the queue after a crash takes it again). */
export const markRunning = (tx: Tx, orgId: string, id: string) =>
  tx
    .update(reports)
    .set({ status: 'running', updatedAt: new Date() })
    .where(and(eq(reports.orgId, orgId), eq(reports.id, id), inArray(reports.status, ['queued', 'running'])))
    .returning({ id: reports.id });

type Outcome = Pick<
  ReportInsert,
  | 'title'
  | 'issuedAt'
  | 'policyId'
  | 'policyName'
  | 'policyVersion'
  | 'auditHeadSeq'
  | 'auditHeadHash'
  | 'sha256'
  | 'byteSize'
  | 'pageCount'
  | 'pdfKey'
  | 'docxKey'
  | 'markdownKey'
>;

/** Issues the report (from running only: a report is issued once); undefined when it was not running. */
export const markReady = async (tx: Tx, orgId: string, id: string, values: Outcome) => {
  const [row] = await tx
    .update(reports)
    .set({ ...values, status: 'ready' satisfies ReportStatus, error: null, updatedAt: new Date() })
    .where(and(eq(reports.orgId, orgId), eq(reports.id, id), eq(reports.status, 'running')))
    .returning();
  return row;
};

/** Records the failure (a ready report never becomes failed); undefined when it was already finished. */
export const markFailed = async (tx: Tx, orgId: string, id: string, error: string) => {
  const [row] = await tx
    .update(reports)
    .set({ status: 'failed' satisfies ReportStatus, error, updatedAt: new Date() })
    .where(and(eq(reports.orgId, orgId), eq(reports.id, id), inArray(reports.status, ['queued', 'running'])))
    .returning();
  return row;
};

export interface IssuedReport {
  reportId: string;
  registerNumber: string;
  kind: string;
  issuedAt: Date;
  issuedByName: string;
  organisationName: string;
}

/**
 * The ready report whose PDF has this SHA-256, in any organisation: through the SECURITY DEFINER function of
 * migration 0039 (the public verify endpoint has no tenant), which answers only what the endpoint may tell.
 */
export const findIssuedBySha256 = async (db: Db, sha256: string): Promise<IssuedReport | undefined> => {
  const [row] = rowsOf<{
    report_id: string;
    register_number: string;
    kind: string;
    issued_at: Date | string;
    issued_by_name: string;
    organisation_name: string;
  }>(await db.execute(sql`select * from report_by_sha256(${sha256})`));
  return (
    row && {
      reportId: row.report_id,
      registerNumber: row.register_number,
      kind: row.kind,
      issuedAt: new Date(row.issued_at),
      issuedByName: row.issued_by_name,
      organisationName: row.organisation_name,
    }
  );
};
