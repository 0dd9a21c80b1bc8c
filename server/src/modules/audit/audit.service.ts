import type { AuditEvent, AuditQuery } from '#shared/schemas/audit.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { type AuditRow, listAuditEvents } from './audit.repo.js';
import { verifyAuditChain } from './audit-verify.js';

const toEvent = (r: AuditRow): AuditEvent => ({ ...r, createdAt: r.createdAt.toISOString() });

export const createAuditService = ({ db }: { db: Db }) => ({
  /** Admins and officers read the trail; executives see reports instead. */
  async list(ctx: RequestCtx, q: AuditQuery) {
    requireRole(ctx, 'officer');
    const page = await withTenant(db, ctx.orgId, (tx) => listAuditEvents(tx, ctx.orgId, q));
    return { items: page.items.map(toEvent), total: page.total, limit: q.limit, offset: q.offset };
  },

  async verify(ctx: RequestCtx) {
    requireRole(ctx, 'officer');
    return withTenant(db, ctx.orgId, (tx) => verifyAuditChain(tx, ctx.orgId));
  },
});

export type AuditService = ReturnType<typeof createAuditService>;
