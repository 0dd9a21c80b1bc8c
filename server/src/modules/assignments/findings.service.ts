import type { SupplierFindings, SupplierFindingsQuery } from '#shared/schemas/assignment-review.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { notFound } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import { listSupplierFindings, toFinding } from './findings.repo.js';

interface Deps {
  db: Db;
  suppliers: Pick<SuppliersRepo, 'findSupplier'>;
}

/** Findings as the supplier page lists them (opened on accepting a questionnaire; remediation comes later). */
export const createFindingsService = ({ db, suppliers }: Deps) => ({
  async forSupplier(
    ctx: RequestCtx,
    supplierId: string,
    q: SupplierFindingsQuery,
  ): Promise<SupplierFindings> {
    requireRole(ctx, 'executive');
    return withTenant(db, ctx.orgId, async (tx) => {
      if (!(await suppliers.findSupplier(tx, ctx.orgId, supplierId))) throw notFound('Supplier', supplierId);
      return { items: (await listSupplierFindings(tx, ctx.orgId, supplierId, q.status)).map(toFinding) };
    });
  },
});
export type FindingsService = ReturnType<typeof createFindingsService>;
