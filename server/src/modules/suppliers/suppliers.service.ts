import { profileChangedDetail, scoredFieldsAmong } from '#shared/domain/scoring/triggers.js';
import type {
  Supplier,
  SupplierChainRisk,
  SupplierCreate,
  SupplierFilter,
  SuppliersQuery,
  SupplierTreeNode,
  SupplierUpdate,
} from '#shared/schemas/suppliers.js';
import { SHARE_NEEDS_HEADCOUNT, sharesWithoutHeadcount } from '#shared/schemas/suppliers.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, conflict, notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { isUniqueViolation } from '../../lib/pg-errors.js';
import { checkRevision, written } from '../../lib/revision.js';
import type { ReassessSuppliers } from '../assessments/assessments.reassess.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import { auditSnapshot, createColumns, diffColumns, toColumns, toSupplier } from './suppliers.mapping.js';
import * as repo from './suppliers.repo.js';
import { chainPath, rollUpChainRisk } from './suppliers-chain.repo.js';
import { exportSuppliersCsv } from './suppliers-export.js';
import { followTreeChange, tierAfterUpdate, tierOfNew } from './suppliers-tiers.js';

/** The parent must be this organisation's, and must not be the supplier itself or one of its descendants. */
const checkParent = async (tx: Tx, orgId: string, parentId: string, selfId?: string) => {
  const chain = await repo.ancestorIds(tx, orgId, parentId);
  if (chain.length === 0) throw unprocessable(`Parent supplier ${parentId} was not found`, 'parentId');
  if (selfId && chain.includes(selfId)) {
    throw unprocessable('A supplier cannot sit below itself in the supply chain', 'parentId');
  }
};

/**
 * Worker shares need a headcount above zero, judged on the change merged onto the stored supplier (a PATCH of
 * a share alone cannot be judged by the schema). Names the shares sent, or the headcount when only it changed.
 */
const checkWorkforce = (before: Supplier, input: SupplierUpdate) => {
  const merged = {
    headcount: input.headcount !== undefined ? input.headcount : before.headcount,
    migrantWorkerShare:
      input.migrantWorkerShare !== undefined ? input.migrantWorkerShare : before.migrantWorkerShare,
    agencyWorkerShare:
      input.agencyWorkerShare !== undefined ? input.agencyWorkerShare : before.agencyWorkerShare,
  };
  const bad = sharesWithoutHeadcount(merged);
  if (bad.length === 0) return;
  const sent = bad.filter((f) => input[f] !== undefined);
  const issues =
    sent.length > 0
      ? sent.map((path) => ({ path, message: SHARE_NEEDS_HEADCOUNT }))
      : [{ path: 'headcount', message: 'Headcount must be above zero while a worker share is recorded' }];
  throw new AppError('validation_failed', issues[0]!.message, issues);
};

const duplicateRef = (ref: string | null | undefined) =>
  conflict(`Another supplier already has the external reference "${ref}"`, 'externalRef');

/** The supplier as it is now (what a 409 shows), read again after a write that lost a race. */
const currentSupplier = async (tx: Tx, orgId: string, id: string) => {
  const row = await repo.findSupplier(tx, orgId, id);
  return row && toSupplier(row);
};

/** Reads the supplier an update is about, refusing it (409) when it is not at the `expected` revision. */
const loadForUpdate = async (tx: Tx, orgId: string, id: string, expected: number | undefined) => {
  const before = await repo.findSupplier(tx, orgId, id);
  if (!before) throw notFound('Supplier', id);
  checkRevision('supplier', expected, toSupplier(before));
  return before;
};

/** The guarded write of an update read by loadForUpdate (409 when another write came in between). */
const writeSupplier = async (
  tx: Tx,
  orgId: string,
  before: repo.SupplierRow,
  values: Partial<repo.SupplierInsert>,
) =>
  written(await repo.updateSupplier(tx, orgId, before.id, before.revision, values), 'supplier', () =>
    currentSupplier(tx, orgId, before.id),
  );

/** The supplier as written, with the risk summary the reassessment in the same transaction just set. */
const afterReassessment = async (tx: Tx, orgId: string, row: repo.SupplierRow, assessed: unknown[]) =>
  toSupplier(assessed.length > 0 ? ((await repo.findSupplier(tx, orgId, row.id)) ?? row) : row);

interface Deps {
  db: Db;
  /** Scores suppliers now, in the caller's transaction (the assessments module's reassessSuppliers). */
  reassess: ReassessSuppliers;
}

export const createSuppliersService = ({ db, reassess }: Deps) => {
  const setArchived = (
    ctx: RequestCtx,
    id: string,
    archived: boolean,
    expected: number | undefined,
  ): Promise<Supplier> => {
    requireRole(ctx, 'officer');
    return withTenant(db, ctx.orgId, async (tx) => {
      const before = await loadForUpdate(tx, ctx.orgId, id, expected);
      if ((before.archivedAt !== null) === archived) return toSupplier(before);
      const row = await writeSupplier(tx, ctx.orgId, before, { archivedAt: archived ? new Date() : null });
      // An archived supplier and what sits below it leave its ancestors' chain risk (and come back with it).
      await rollUpChainRisk(tx, ctx.orgId, [id]);
      await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
        action: archived ? 'supplier.archived' : 'supplier.restored',
        entityType: 'supplier',
        entityId: id,
        payload: { name: before.name },
      });
      return toSupplier(row);
    });
  };

  return {
    async list(ctx: RequestCtx, q: SuppliersQuery) {
      requireRole(ctx, 'executive');
      const page = await withTenant(db, ctx.orgId, (tx) =>
        repo.listSuppliers(tx, repo.supplierFilter(ctx.orgId, q), q),
      );
      return { items: page.items.map(toSupplier), total: page.total, limit: q.limit, offset: q.offset };
    },

    /** The filtered register as a CSV stream (paging and sort do not apply: it is the whole filtered list). */
    exportCsv(ctx: RequestCtx, q: SupplierFilter) {
      requireRole(ctx, 'executive');
      return exportSuppliersCsv(db, ctx.orgId, repo.supplierFilter(ctx.orgId, q));
    },

    async get(ctx: RequestCtx, id: string): Promise<Supplier> {
      requireRole(ctx, 'executive');
      const row = await withTenant(db, ctx.orgId, (tx) => repo.findSupplier(tx, ctx.orgId, id));
      if (!row) throw notFound('Supplier', id);
      return toSupplier(row);
    },

    /** The supplier's chain risk and the suppliers from it down to the riskiest one. */
    async chainRisk(ctx: RequestCtx, id: string): Promise<SupplierChainRisk> {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, async (tx) => {
        const row = await repo.findSupplier(tx, ctx.orgId, id);
        if (!row) throw notFound('Supplier', id);
        const { chainRisk } = toSupplier(row);
        const path = chainRisk ? await chainPath(tx, ctx.orgId, id, chainRisk.supplierId) : [];
        return { chainRisk, path };
      });
    },

    async create(ctx: RequestCtx, input: SupplierCreate): Promise<Supplier> {
      requireRole(ctx, 'officer');
      try {
        return await withTenant(db, ctx.orgId, async (tx) => {
          if (input.parentId) await checkParent(tx, ctx.orgId, input.parentId);
          const tier = await tierOfNew(tx, ctx.orgId, input.parentId, input.tier);
          const row = await repo.insertSupplier(tx, { ...createColumns(ctx.orgId, input), tier });
          await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
            action: 'supplier.created',
            entityType: 'supplier',
            entityId: row.id,
            payload: { supplier: auditSnapshot(row) },
          });
          // A new supplier is rated at once when a policy is published: never "Not assessed" until someone asks.
          const assessed = await reassess(tx, ctx, [row.id], 'created', 'supplier added');
          return afterReassessment(tx, ctx.orgId, row, assessed);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateRef(input.externalRef);
        throw err;
      }
    },

    /**
     * Changes the fields sent. `expected` is the revision the change was made from (If-Match or the body's
     * `revision`): a stale one is refused with 409 and the supplier as it is now; none means last write wins.
     */
    async update(ctx: RequestCtx, id: string, input: SupplierUpdate, expected?: number): Promise<Supplier> {
      requireRole(ctx, 'officer');
      try {
        return await withTenant(db, ctx.orgId, async (tx) => {
          const before = await loadForUpdate(tx, ctx.orgId, id, expected);
          checkWorkforce(toSupplier(before), input);
          if (input.parentId) await checkParent(tx, ctx.orgId, input.parentId, id);
          const values = { ...toColumns(input), tier: await tierAfterUpdate(tx, ctx.orgId, before, input) };
          const changes = diffColumns(before, values);
          if (Object.keys(changes).length === 0) return toSupplier(before);
          const row = await writeSupplier(tx, ctx.orgId, before, values);
          await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
            action: 'supplier.updated',
            entityType: 'supplier',
            entityId: id,
            payload: { changes },
          });
          await followTreeChange(tx, {
            orgId: ctx.orgId,
            actor: ctx.actor,
            id,
            tierChanged: 'tier' in changes,
            oldParentId: before.parentId,
            parentChanged: 'parentId' in changes,
            reassess,
          });
          // A change to a field the policy scores makes the rating stale: reassess in this transaction.
          const scored = scoredFieldsAmong(Object.keys(changes));
          if (scored.length === 0) return toSupplier(row);
          const assessed = await reassess(tx, ctx, [id], 'profile_changed', profileChangedDetail(scored));
          return afterReassessment(tx, ctx.orgId, row, assessed);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateRef(input.externalRef);
        throw err;
      }
    },

    /** Archiving keeps the record and its history (auditors need both); it leaves lists and rescoring. */
    archive: (ctx: RequestCtx, id: string, expected?: number) => setArchived(ctx, id, true, expected),

    /** Brings an archived supplier back into lists and rescoring, with its history intact. */
    restore: (ctx: RequestCtx, id: string, expected?: number) => setArchived(ctx, id, false, expected),

    async tree(ctx: RequestCtx, id: string): Promise<SupplierTreeNode> {
      requireRole(ctx, 'executive');
      const rows = await withTenant(db, ctx.orgId, (tx) => repo.subtreeRows(tx, ctx.orgId, id));
      if (rows.length === 0) throw notFound('Supplier', id);
      const nodes = new Map<string, SupplierTreeNode>();
      for (const r of rows) {
        nodes.set(r.id, {
          id: r.id,
          name: r.name,
          country: r.country,
          tier: Number(r.tier),
          rating: r.rating as SupplierTreeNode['rating'],
          moreBelow: Boolean(r.more_below),
          children: [],
        });
      }
      for (const r of rows.slice(1)) if (r.parent_id) nodes.get(r.parent_id)?.children.push(nodes.get(r.id)!);
      return nodes.get(rows[0]!.id)!;
    },
  };
};

export type SuppliersService = ReturnType<typeof createSuppliersService>;
