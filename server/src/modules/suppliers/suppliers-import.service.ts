import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { scoredFieldsAmong } from '#shared/domain/scoring/triggers.js';
import type { ImportPreview, ImportResult } from '#shared/schemas/suppliers.js';
import type { Db, Tx } from '../../db/client.js';
import { inFlight } from '../../db/in-flight.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, conflict } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import type { ReassessSuppliers } from '../assessments/assessments.reassess.js';
import type { Rescore } from '../assessments/rescore.job.js';
import { openAuditChain, type RecordedEvent } from '../audit/audit-append.js';
import { auditSnapshot } from './suppliers.mapping.js';
import * as repo from './suppliers.repo.js';
import { recomputeChainRisk, rollUpChainRisk, syncSubtreeTiers } from './suppliers-chain.repo.js';
import { goodsNotRecognised, importGoodWarnings } from './suppliers-goods.js';
import { countActions, type Plan, planImport, refsToLookUp } from './suppliers-import.plan.js';
import { type ReadCsv, readSupplierCsv } from './suppliers-import.read.js';
import { TIER_FOLLOWS_DETAIL, tierFollowEvents } from './suppliers-tiers.js';

const MAX_ERRORS_SHOWN = 1000;
const SAMPLE_ROWS = 200;
const INSERT_BATCH = 1000;
const LOOKUP_BATCH = 5000;

/** Looks up the suppliers the plan needs (batched: one parameter per lookup), then plans the file. */
const planFile = async (tx: Tx, orgId: string, csv: ReadCsv): Promise<Plan> => {
  const refs = refsToLookUp(csv.rows);
  const existing = new Map<string, repo.SupplierRow>();
  for (let i = 0; i < refs.length; i += LOOKUP_BATCH) {
    for (const s of await repo.findByExternalRefs(tx, orgId, refs.slice(i, i + LOOKUP_BATCH)))
      existing.set(s.externalRef!, s);
  }
  return planImport({ orgId, header: csv.header, rows: csv.rows, existing, newId: randomUUID });
};

/** Past this many moved suppliers a whole-organisation recompute is cheaper than rolling up each one. */
const ROLL_UP_AT_MOST = 1000;

/** The suppliers a commit makes stale: every one created, and those updated in a field the policy scores. */
const idsToAssess = (planned: Plan['planned']): string[] =>
  planned.flatMap((p) =>
    p.action === 'create' || (p.action === 'update' && scoredFieldsAmong(Object.keys(p.changes)).length > 0)
      ? [p.id]
      : [],
  );

interface Deps {
  db: Db;
  /** How a commit assesses what it created or changed (the assessments module's functions). */
  assess: {
    reassess: ReassessSuppliers;
    queue: Rescore['queueReassessment'];
    /** Starts the job runner once the commit's transaction has committed. */
    kick: () => void;
    /** Up to this many suppliers are assessed in the request; more go to a background job. */
    inRequestMax: number;
  };
}

export const createSupplierImportService = ({ db, assess }: Deps) => ({
  /** Validates and plans without writing anything. */
  async preview(ctx: RequestCtx, file: Readable, fileName: string): Promise<ImportPreview> {
    requireRole(ctx, 'officer');
    const csv = await readSupplierCsv(file, fileName);
    const { planned, issues } = await withTenant(db, ctx.orgId, (tx) => planFile(tx, ctx.orgId, csv));
    const byRow = new Map(planned.map((p) => [p.row.row, p]));
    const sample = csv.rows.slice(0, SAMPLE_ROWS).map((r) => {
      const p = byRow.get(r.row);
      return {
        row: r.row,
        action: p?.action ?? ('error' as const),
        externalRef: r.input?.externalRef ?? r.cells.externalRef,
        name: r.input?.name ?? r.cells.name,
        country: r.input?.country ?? r.cells.country,
        changedFields: p?.action === 'update' ? Object.keys(p.changes) : [],
        goodsNotRecognised: goodsNotRecognised(r.input?.goods ?? []),
      };
    });
    // Goods the list does not know import as they are (and score as unknown data): a warning, not an error.
    const goods = importGoodWarnings(
      csv.rows.flatMap((r) => (r.input?.goods ? [{ row: r.row, goods: r.input.goods }] : [])),
      MAX_ERRORS_SHOWN,
    );
    return {
      fileName,
      sha256: csv.sha256,
      rows: csv.rows.length,
      ...countActions(planned),
      errorCount: issues.length,
      errors: issues.slice(0, MAX_ERRORS_SHOWN),
      sample,
      goodWarningCount: goods.count,
      goodWarnings: goods.warnings,
    };
  },

  /**
   * Applies the file in one transaction: any invalid row refuses the whole file (422, nothing written), and
   * re-importing the same file changes nothing. Every created or changed supplier gets its audit event.
   * What it created or changed in a scored field is then assessed: in the same transaction for a small file,
   * by a background job queued in it for a large one (`assessJobId`). The seed scripts, which assess the
   * whole register themselves afterwards, pass `assess: false`.
   */
  async commit(
    ctx: RequestCtx,
    file: Readable,
    fileName: string,
    opts: { assess?: boolean } = {},
  ): Promise<ImportResult> {
    requireRole(ctx, 'officer');
    const csv = await readSupplierCsv(file, fileName);
    const result = await withTenant(db, ctx.orgId, async (tx) => {
      const { planned, issues } = await planFile(tx, ctx.orgId, csv);
      if (issues.length > 0) {
        throw new AppError(
          'unprocessable',
          `${issues.length} problem${issues.length === 1 ? '' : 's'} in the file: nothing was imported. Fix them and upload again.`,
          issues
            .slice(0, MAX_ERRORS_SHOWN)
            .map((i) => ({ path: `row ${i.row}${i.column ? `: ${i.column}` : ''}`, message: i.message })),
        );
      }
      const creates = planned
        .flatMap((p) => (p.action === 'create' ? [p] : []))
        .sort((a, b) => a.depth - b.depth);
      // One pipeline: each batch of suppliers and its audit events are built and hashed while PostgreSQL
      // writes the previous batch, through one queue (the first failure is the one reported). The chain is
      // opened before the first insert rather than after the last: hashing then overlaps the writes, and no
      // event is kept in memory beyond its batch. Other writers of the organisation would wait for this
      // transaction's end in any case (the lock is held until then).
      const writes = inFlight();
      const chain = await openAuditChain(tx, ctx.orgId, ctx.actor, writes);
      for (let i = 0; i < creates.length; i += INSERT_BATCH) {
        const batch = creates.slice(i, i + INSERT_BATCH);
        await writes.add(
          repo.insertSuppliers(
            tx,
            batch.map((p) => p.values),
          ),
        );
        await chain.append(
          batch.map(({ id, values }) => ({
            action: 'supplier.created',
            entityType: 'supplier',
            entityId: id,
            payload: { supplier: auditSnapshot(values), importId: csv.sha256 },
          })),
        );
      }
      await writes.drain();
      const events: RecordedEvent[] = [];
      for (const p of planned) {
        if (p.action !== 'update') continue;
        // Upsert semantics: the file applies on top of whatever the register holds (no If-Match), but a
        // supplier edited between the plan and this write would make the recorded changes wrong.
        if (!(await repo.updateSupplier(tx, ctx.orgId, p.id, p.revision, p.values))) {
          throw conflict(
            `The supplier on line ${p.row.row} was changed while the file was being imported: nothing was imported. Upload the file again.`,
          );
        }
        events.push({
          action: 'supplier.updated',
          entityType: 'supplier',
          entityId: p.id,
          payload: { changes: p.changes, importId: csv.sha256 },
        });
      }
      // Suppliers of the register below a moved or re-tiered row follow it (the file's own rows already do).
      const moved = planned.flatMap((p) =>
        p.action === 'update' && ('parentId' in p.changes || 'tier' in p.changes) ? [p] : [],
      );
      const followers = await syncSubtreeTiers(
        tx,
        ctx.orgId,
        moved.map((p) => p.id),
      );
      events.push(...tierFollowEvents(followers, csv.sha256));
      await assess.reassess(
        tx,
        ctx,
        followers.map((f) => f.id),
        'profile_changed',
        TIER_FOLLOWS_DETAIL,
      );
      const reparented = moved.filter((p) => 'parentId' in p.changes);
      if (reparented.length > ROLL_UP_AT_MOST) await recomputeChainRisk(tx, ctx.orgId);
      else {
        await rollUpChainRisk(
          tx,
          ctx.orgId,
          reparented.flatMap((p) => [
            p.id,
            ...(p.changes.parentId!.from ? [p.changes.parentId!.from as string] : []),
          ]),
        );
      }
      const c = countActions(planned);
      const result = {
        fileName,
        sha256: csv.sha256,
        rows: csv.rows.length,
        created: c.create,
        updated: c.update,
        unchanged: c.unchanged,
      };
      events.push({
        action: 'supplier.import_committed',
        entityType: 'supplier_import',
        entityId: csv.sha256,
        payload: result,
      });
      await chain.append(events);
      await chain.close();
      // Assessed after every row is written, never inside the insert loop: the rows go in at full speed.
      const ids = opts.assess === false ? [] : idsToAssess(planned);
      const detail = `imported from ${fileName}`;
      if (ids.length > assess.inRequestMax) {
        const jobId = await assess.queue(tx, ctx, ids, 'import', detail);
        return { ...result, assessed: 0, assessJobId: jobId };
      }
      const written = await assess.reassess(tx, ctx, ids, 'import', detail);
      return { ...result, assessed: written.length, assessJobId: null };
    });
    if (result.assessJobId) assess.kick();
    return result;
  },
});

export type SupplierImportService = ReturnType<typeof createSupplierImportService>;
