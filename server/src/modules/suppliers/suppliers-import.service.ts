import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ImportIssue, ImportPreview, ImportResult } from '#shared/schemas/suppliers.js';
import type { Db, Tx } from '../../db/client.js';
import { inFlight } from '../../db/in-flight.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, conflict } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { appendAuditEvents, type RecordedEvent } from '../audit/audit-append.js';
import { auditSnapshot, diffColumns, toColumns } from './suppliers.mapping.js';
import * as repo from './suppliers.repo.js';
import { FIELDS_OF_COLUMN, type ParsedRow } from './suppliers-csv.js';
import { type ReadCsv, readSupplierCsv } from './suppliers-import.read.js';

const MAX_ERRORS_SHOWN = 1000;
const SAMPLE_ROWS = 200;
const INSERT_BATCH = 1000;
const LOOKUP_BATCH = 5000;

type Planned =
  | { row: ParsedRow; action: 'create'; id: string; values: repo.SupplierInsert; depth: number }
  | {
      row: ParsedRow;
      action: 'update';
      id: string;
      /** The revision the plan was made from: the write is refused if another one came in meanwhile. */
      revision: number;
      values: Partial<repo.SupplierInsert>;
      changes: Record<string, { from: unknown; to: unknown }>;
    }
  | { row: ParsedRow; action: 'unchanged'; id: string };

interface Plan {
  planned: Planned[];
  issues: ImportIssue[];
}

/** Decides, for every valid row, create / update / unchanged, resolving parents by external reference. */
const planImport = async (tx: Tx, orgId: string, csv: ReadCsv): Promise<Plan> => {
  const issues: ImportIssue[] = csv.rows.flatMap((r) => r.issues);
  const fields = new Set(csv.header.flatMap((c) => FIELDS_OF_COLUMN[c] ?? []));
  const firstRowOfRef = new Map<string, number>();
  const valid: ParsedRow[] = [];
  for (const r of csv.rows) {
    if (!r.input) continue;
    const ref = r.input.externalRef!;
    const first = firstRowOfRef.get(ref);
    if (first !== undefined) {
      issues.push({
        row: r.row,
        column: 'external_ref',
        message: `external_ref "${ref}" is also on line ${first}: each supplier once per file`,
      });
      continue;
    }
    firstRowOfRef.set(ref, r.row);
    valid.push(r);
  }
  const refs = [
    ...new Set([
      ...valid.map((r) => r.input!.externalRef!),
      ...valid.flatMap((r) => (r.parentRef ? [r.parentRef] : [])),
    ]),
  ];
  const existing = new Map<string, repo.SupplierRow>();
  for (let i = 0; i < refs.length; i += LOOKUP_BATCH) {
    for (const s of await repo.findByExternalRefs(tx, orgId, refs.slice(i, i + LOOKUP_BATCH)))
      existing.set(s.externalRef!, s);
  }
  const idOfRef = new Map<string, string>();
  for (const [ref, s] of existing) idOfRef.set(ref, s.id);
  for (const r of valid)
    if (!idOfRef.has(r.input!.externalRef!)) idOfRef.set(r.input!.externalRef!, randomUUID());

  const parentOfRef = new Map(valid.map((r) => [r.input!.externalRef!, r.parentRef]));
  const loops = chainsReachingLoops(parentOfRef);
  const depthOf = depthsInFile(parentOfRef);
  const planned: Planned[] = [];
  for (const r of valid) {
    const ref = r.input!.externalRef!;
    const id = idOfRef.get(ref)!;
    let parentId: string | null = null;
    if (r.parentRef) {
      const pid = idOfRef.get(r.parentRef);
      if (!pid) {
        issues.push({
          row: r.row,
          column: 'parent_external_ref',
          message: `No supplier with external_ref "${r.parentRef}" in the register or in this file`,
        });
        continue;
      }
      if (loops.has(ref)) {
        issues.push({
          row: r.row,
          column: 'parent_external_ref',
          message: 'The parent chain loops back to this supplier',
        });
        continue;
      }
      parentId = pid;
    }
    const all = { ...toColumns(r.input!), parentId };
    const before = existing.get(ref);
    if (!before) {
      planned.push({
        row: r,
        action: 'create',
        id,
        values: { ...all, orgId, id } as repo.SupplierInsert,
        depth: depthOf(ref),
      });
      continue;
    }
    const values: Partial<repo.SupplierInsert> = {};
    for (const [k, v] of Object.entries(all))
      if (fields.has(k)) values[k as keyof typeof values] = v as never;
    const changes = diffColumns(before, values);
    planned.push(
      Object.keys(changes).length === 0
        ? { row: r, action: 'unchanged', id }
        : { row: r, action: 'update', id, revision: before.revision, values, changes },
    );
  }
  issues.sort((a, b) => a.row - b.row);
  return { planned, issues };
};

/**
 * The file's rows whose parent chain (through rows of the same file) runs into a loop, itself included.
 * Each row is walked once: a chain stops at the first row already decided.
 */
const chainsReachingLoops = (parentOf: Map<string, string | undefined>): Set<string> => {
  const decided = new Map<string, boolean>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let loops = false;
    for (let p: string | undefined = start; p !== undefined; p = parentOf.get(p)) {
      const known = decided.get(p);
      if (known !== undefined) {
        loops = known;
        break;
      }
      if (onPath.has(p)) {
        loops = true;
        break;
      }
      onPath.add(p);
      path.push(p);
    }
    for (const p of path) decided.set(p, loops);
  }
  return new Set([...decided].flatMap(([ref, loops]) => (loops ? [ref] : [])));
};

/**
 * How many of a row's ancestors are rows of the same file, so parents are inserted before their children.
 * Only asked of rows whose chain has no loop; each row is walked once.
 */
const depthsInFile = (parentOf: Map<string, string | undefined>) => {
  const depth = new Map<string, number>();
  return (ref: string): number => {
    const path: string[] = [];
    let p: string | undefined = ref;
    let base = -1;
    while (p !== undefined && parentOf.has(p)) {
      const known = depth.get(p);
      if (known !== undefined) {
        base = known;
        break;
      }
      path.push(p);
      p = parentOf.get(p);
    }
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!, ++base);
    return depth.get(ref)!;
  };
};

const counts = (planned: Planned[]) => ({
  create: planned.filter((p) => p.action === 'create').length,
  update: planned.filter((p) => p.action === 'update').length,
  unchanged: planned.filter((p) => p.action === 'unchanged').length,
});

export const createSupplierImportService = ({ db }: { db: Db }) => ({
  /** Validates and plans without writing anything. */
  async preview(ctx: RequestCtx, file: Readable, fileName: string): Promise<ImportPreview> {
    requireRole(ctx, 'officer');
    const csv = await readSupplierCsv(file, fileName);
    const { planned, issues } = await withTenant(db, ctx.orgId, (tx) => planImport(tx, ctx.orgId, csv));
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
      };
    });
    return {
      fileName,
      sha256: csv.sha256,
      rows: csv.rows.length,
      ...counts(planned),
      errorCount: issues.length,
      errors: issues.slice(0, MAX_ERRORS_SHOWN),
      sample,
    };
  },

  /**
   * Applies the file in one transaction: any invalid row refuses the whole file (422, nothing written), and
   * re-importing the same file changes nothing. Every created or changed supplier gets its audit event.
   */
  async commit(ctx: RequestCtx, file: Readable, fileName: string): Promise<ImportResult> {
    requireRole(ctx, 'officer');
    const csv = await readSupplierCsv(file, fileName);
    return withTenant(db, ctx.orgId, async (tx) => {
      const { planned, issues } = await planImport(tx, ctx.orgId, csv);
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
      // The next batch is built while PostgreSQL inserts the previous one.
      const writes = inFlight();
      const events: RecordedEvent[] = [];
      for (let i = 0; i < creates.length; i += INSERT_BATCH) {
        const batch = creates.slice(i, i + INSERT_BATCH);
        await writes.add(
          repo.insertSuppliers(
            tx,
            batch.map((p) => p.values),
          ),
        );
        for (const { id, values } of batch) {
          events.push({
            action: 'supplier.created',
            entityType: 'supplier',
            entityId: id,
            payload: { supplier: auditSnapshot(values), importId: csv.sha256 },
          });
        }
      }
      await writes.drain();
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
      const c = counts(planned);
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
      // The chain is locked last, so other writers of the organisation wait as little as possible.
      await appendAuditEvents(tx, ctx.orgId, ctx.actor, events);
      return result;
    });
  },
});

export type SupplierImportService = ReturnType<typeof createSupplierImportService>;
