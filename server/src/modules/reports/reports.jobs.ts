import { createHash } from 'node:crypto';
import { pipeline, Transform } from 'node:stream';
import { sql } from 'drizzle-orm';
import { ReportJobParamsSchema } from '#shared/schemas/jobs.js';
import { CreateReportSchema, REPORT_KIND_LABELS, type ReportKind } from '#shared/schemas/reports.js';
import type { Db, Tx } from '../../db/client.js';
import { rowsOf, withTenant, withTenantSnapshot } from '../../db/tenant.js';
import { AppError } from '../../lib/app-error.js';
import { SYSTEM_ACTOR } from '../../lib/context.js';
import type { FileStorage } from '../../lib/storage/file-storage.js';
import { appendAuditEvent, readAuditHead, signCheckpoint, storeCheckpoint } from '../audit/audit-append.js';
import { drainAuditQueue } from '../audit/audit-deferred.js';
import type { References } from '../datasets/datasets.references.js';
import type { JobHandler } from '../jobs/jobs.runner.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import type { ReportGenerators } from './generators.js';
import type { Progress, RenderedReport, ReportMeta } from './report-types.js';
import * as repo from './reports.repo.js';

export interface ReportJobsDeps {
  db: Db;
  storage: Pick<FileStorage, 'put' | 'delete'>;
  generators: ReportGenerators;
  policies: Pick<PoliciesRepo, 'findPublishedPolicy'>;
  references: Pick<References, 'shipped' | 'forDocument'>;
  /** The organisation's own name, read inside its transaction (the orgs module's). */
  organizationName: (tx: Tx, orgId: string) => Promise<string>;
}

/** Where a report's files live: under its organisation, named by the report's id (never by user input). */
export const reportKeys = (orgId: string, id: string) => ({
  pdf: `org/${orgId}/reports/${id}/pdf`,
  docx: `org/${orgId}/reports/${id}/docx`,
  markdown: `org/${orgId}/reports/${id}/markdown`,
});

/** SHA-256 and size of the bytes that pass through, computed as they stream into storage. */
const hashing = () => {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), byteSize: size }) };
};

/**
 * Progress writes that never hold the work up: each is chained behind the previous one, and only a change
 * of a whole percent (or the end) is written. `settled()` waits for the chain. While the snapshot
 * transaction is open the writes wait their turn (PGlite has one connection), which is why nothing awaits them.
 */
const progressWriter = (write: (done: number, total: number) => Promise<void>) => {
  let chain: Promise<void> = Promise.resolve();
  let last = -1;
  const report: Progress = (done, total) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    if (percent === last && done !== total) return;
    last = percent;
    chain = chain.then(() => write(done, total)).catch(() => {});
  };
  return { report, settled: () => chain };
};

/** A message the register can show: the generator's own words for a refusal, else where to look. */
const failureMessage = (err: unknown, jobId: string) =>
  err instanceof AppError
    ? err.message
    : `The report could not be generated: the log has the details (search for job ${jobId})`;

/**
 * Renders the reports of the register. The job reads everything the report prints in one READ ONLY,
 * REPEATABLE READ transaction (figures, policy version, sources, audit head agree with each other), signs the
 * audit head as a checkpoint, renders outside the transaction, streams the PDF into storage while hashing it,
 * and then issues it (ready, with its SHA-256) in one transaction with the signed checkpoint and the audit
 * event. A failure leaves the entry failed with a message, its files deleted,
 * and nothing issued.
 */
export const createReportJobs = ({
  db,
  storage,
  generators,
  policies,
  references,
  organizationName,
}: ReportJobsDeps) => {
  /** What the report prints about itself, read in the snapshot (after its data, as the seam asks). */
  const readMeta = async (tx: Tx, orgId: string, report: repo.ReportRow): Promise<ReportMeta> => {
    // The snapshot's own time, the instant the data was read; milliseconds, as the register keeps it.
    const [{ now }] = rowsOf<{ now: Date | string }>(await tx.execute(sql`select now() as now`)) as [
      { now: Date | string },
    ];
    const policy = await policies.findPublishedPolicy(tx, orgId);
    const ref = policy ? await references.forDocument(tx, orgId, policy.document) : references.shipped;
    const issuedAt = new Date(new Date(now).getTime());
    const auditHead = await readAuditHead(tx, orgId);
    // The head signed as a checkpoint recorded at the issue time, before rendering, so the report prints it;
    // stored when the report is issued. Signature and time are deterministic: the same snapshot gives the
    // same bytes.
    const checkpoint = auditHead ? signCheckpoint(orgId, auditHead, issuedAt, 'report') : null;
    return {
      registerNumber: report.registerNumber,
      kind: report.kind,
      issuedAt,
      organisation: { id: orgId, name: await organizationName(tx, orgId) },
      issuedBy: { name: report.issuedByName },
      policy:
        policy && policy.version !== null
          ? { id: policy.id, name: policy.name, version: policy.version }
          : null,
      sources: ref.datasets,
      auditHead,
      auditSignature: checkpoint && { keyId: checkpoint.keyId, signature: checkpoint.signature },
    };
  };

  /** The report's data and what it prints about itself, from one read-only snapshot of the organisation. */
  const readSnapshot = async (orgId: string, report: repo.ReportRow, progress: Progress) => {
    const generator = generatorOf(report.kind);
    const params = CreateReportSchema.parse(report.parameters);
    // Queued audit events are chained first, so the head the report prints covers every committed change.
    await withTenant(db, orgId, (tx) => drainAuditQueue(tx, orgId));
    return withTenantSnapshot(db, orgId, async (tx) => {
      const data = await generator.load(tx, orgId, params as never, progress);
      const meta = await readMeta(tx, orgId, report);
      return { generator, data, meta };
    });
  };

  const generatorOf = (kind: ReportKind) => {
    const generator = generators[kind];
    if (!generator)
      throw new AppError('unprocessable', `${REPORT_KIND_LABELS[kind]}s cannot be generated on this server`);
    return generator;
  };

  /** Streams the PDF into storage while hashing and counting it; then the editable drafts, if any. */
  const store = async (keys: ReturnType<typeof reportKeys>, rendered: RenderedReport) => {
    const hashed = hashing();
    let sourceError: Error | undefined;
    pipeline(rendered.pdf, hashed.stream, (err) => {
      if (err) sourceError = err;
    });
    await storage.put(keys.pdf, hashed.stream);
    if (sourceError) throw sourceError;
    const pdf = hashed.result();
    let docxKey: string | null = null;
    let markdownKey: string | null = null;
    if (rendered.docx) {
      await storage.put(keys.docx, await rendered.docx());
      docxKey = keys.docx;
    }
    if (rendered.markdown) {
      await storage.put(keys.markdown, Buffer.from(rendered.markdown(), 'utf8'));
      markdownKey = keys.markdown;
    }
    return { ...pdf, pdfKey: keys.pdf, docxKey, markdownKey };
  };

  /** Marks the entry failed with a message and audits it; its files (if any were written) are deleted. */
  const fail = async (orgId: string, report: repo.ReportRow, error: string) => {
    const keys = reportKeys(orgId, report.id);
    await Promise.all(Object.values(keys).map((k) => storage.delete(k).catch(() => {})));
    await withTenant(db, orgId, async (tx) => {
      const row = await repo.markFailed(tx, orgId, report.id, error);
      if (!row) return;
      await appendAuditEvent(tx, orgId, SYSTEM_ACTOR, {
        action: 'report.failed',
        entityType: 'report',
        entityId: report.id,
        payload: { registerNumber: report.registerNumber, kind: report.kind, error },
      });
    });
  };

  /** Reads, renders, stores and issues one report of the register. */
  const issue = async (orgId: string, reportId: string, jobId: string, write: Progress) => {
    const report = await withTenant(db, orgId, async (tx) => {
      const found = await repo.findReport(tx, orgId, reportId);
      if (!found || !(await repo.markRunning(tx, orgId, reportId)).length) return undefined;
      return found;
    });
    // Gone, or already issued or failed (a job run twice): nothing more to do.
    if (!report) throw new Error(`report ${reportId} is not waiting to be rendered`);
    const progress = progressWriter(async (done, total) => {
      await write(done, total);
    });
    const keys = reportKeys(orgId, report.id);
    try {
      const { generator, data, meta } = await readSnapshot(orgId, report, progress.report);
      const rendered = generator.render(data, meta, progress.report);
      const stored = await store(keys, rendered);
      await progress.settled();
      const issued = await withTenant(db, orgId, async (tx) => {
        const row = await repo.markReady(tx, orgId, report.id, {
          title: rendered.title.slice(0, 500),
          issuedAt: meta.issuedAt,
          policyId: meta.policy?.id ?? null,
          policyName: meta.policy?.name ?? null,
          policyVersion: meta.policy?.version ?? null,
          auditHeadSeq: meta.auditHead?.seq ?? null,
          auditHeadHash: meta.auditHead?.hash ?? null,
          sha256: stored.sha256,
          byteSize: stored.byteSize,
          pageCount: rendered.pageCount,
          pdfKey: stored.pdfKey,
          docxKey: stored.docxKey,
          markdownKey: stored.markdownKey,
        });
        if (!row) throw new Error(`report ${report.id} stopped running before it was issued`);
        // The checkpoint the report prints, kept with the others (another may name the same event: fine).
        if (meta.auditHead && meta.auditSignature) {
          await storeCheckpoint(tx, orgId, {
            ...meta.auditHead,
            createdAt: meta.issuedAt.toISOString(),
            reason: 'report',
            ...meta.auditSignature,
          });
        }
        await appendAuditEvent(tx, orgId, SYSTEM_ACTOR, {
          action: 'report.issued',
          entityType: 'report',
          entityId: report.id,
          payload: {
            registerNumber: report.registerNumber,
            kind: report.kind,
            sha256: stored.sha256,
            byteSize: stored.byteSize,
            pageCount: rendered.pageCount,
          },
        });
        return row;
      });
      return {
        reportId: issued.id,
        registerNumber: issued.registerNumber,
        sha256: stored.sha256,
        pageCount: rendered.pageCount,
      };
    } catch (err) {
      await progress.settled();
      await fail(orgId, report, failureMessage(err, jobId));
      throw err;
    }
  };

  /** The `report` job: its params name the register entry. */
  const handler: JobHandler = async ({ job, progress }) => {
    const { reportId } = ReportJobParamsSchema.parse(job.params);
    return issue(job.orgId, reportId, job.id, progress);
  };

  return { handler, readSnapshot, issue };
};

export type ReportJobs = ReturnType<typeof createReportJobs>;
