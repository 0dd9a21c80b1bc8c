import { MailKindSchema, type OutboxMessage, type OutboxQuery } from '#shared/schemas/mail.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { notFound } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { findMessage, listMessages, type OutboxRow } from './mail.repo.js';

/** What leaves the server about a message: its delivery, never its wording or link. */
const toMessage = (r: OutboxRow): OutboxMessage => ({
  id: r.id,
  kind: MailKindSchema.parse(r.kind),
  to: r.toAddress,
  entityType: r.entityType,
  entityId: r.entityId,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'queued' ? r.nextAttemptAt.toISOString() : null,
  lastError: r.lastError,
  sentAt: r.sentAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** The outbox as officers and admins read it: who was told what, and whether it arrived at their mail server. */
export const createMailService = ({ db }: { db: Db }) => ({
  async list(ctx: RequestCtx, q: OutboxQuery) {
    requireRole(ctx, 'officer');
    const page = await withTenant(db, ctx.orgId, (tx) => listMessages(tx, ctx.orgId, q));
    return { items: page.items.map(toMessage), total: page.total, limit: q.limit, offset: q.offset };
  },

  async get(ctx: RequestCtx, id: string): Promise<OutboxMessage> {
    requireRole(ctx, 'officer');
    const row = await withTenant(db, ctx.orgId, (tx) => findMessage(tx, ctx.orgId, id));
    if (!row) throw notFound('Message', id);
    return toMessage(row);
  },
});

export type MailService = ReturnType<typeof createMailService>;
