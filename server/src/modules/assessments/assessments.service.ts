import type { Assessment } from '#shared/schemas/assessments.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import { toAssessment } from './assessments.mapping.js';
import { listForSupplier } from './assessments.repo.js';
import type { AssessSuppliers } from './assessments.write.js';

interface Deps {
  db: Db;
  suppliers: Pick<SuppliersRepo, 'findSupplier'>;
  policies: Pick<PoliciesRepo, 'findPolicies' | 'findPublishedPolicy'>;
  assessSuppliers: AssessSuppliers;
}

export const createAssessmentsService = ({ db, suppliers, policies, assessSuppliers }: Deps) => ({
  async list(ctx: RequestCtx, supplierId: string, q: { limit: number; offset: number }) {
    requireRole(ctx, 'executive');
    return withTenant(db, ctx.orgId, async (tx) => {
      if (!(await suppliers.findSupplier(tx, ctx.orgId, supplierId))) throw notFound('Supplier', supplierId);
      const page = await listForSupplier(tx, ctx.orgId, supplierId, q.limit, q.offset);
      const ids = [...new Set(page.items.map((a) => a.policyId))];
      const docs = new Map((await policies.findPolicies(tx, ctx.orgId, ids)).map((p) => [p.id, p.document]));
      return {
        items: page.items.map((a) => {
          const doc = docs.get(a.policyId);
          // A foreign key and the freeze trigger keep every assessment's policy version: never reached.
          if (!doc) throw new Error(`assessment ${a.id}: policy ${a.policyId} not found`);
          return toAssessment(a, doc);
        }),
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      };
    });
  },

  /** Scores one supplier now under the organisation's published policy. */
  async assess(ctx: RequestCtx, supplierId: string): Promise<Assessment> {
    requireRole(ctx, 'officer');
    return withTenant(db, ctx.orgId, async (tx) => {
      const supplier = await suppliers.findSupplier(tx, ctx.orgId, supplierId);
      if (!supplier) throw notFound('Supplier', supplierId);
      if (supplier.archivedAt)
        throw unprocessable('This supplier is archived: restore it before assessing it');
      const policy = await policies.findPublishedPolicy(tx, ctx.orgId);
      if (!policy)
        throw unprocessable('No scoring policy is published yet: an administrator must publish one first');
      const [written] = await assessSuppliers(tx, {
        orgId: ctx.orgId,
        policy,
        suppliers: [supplier],
        trigger: 'manual',
        actor: ctx.actor,
      });
      return toAssessment(written!, policy.document);
    });
  },
});

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
