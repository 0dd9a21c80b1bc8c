import type { ApiKey, ApiKeyCreate } from '#shared/schemas/api-keys.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { randomToken, sha256Hex } from '../../lib/tokens.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import * as repo from './api-keys.repo.js';

/** Recognisable in logs and secret scanners; the random part carries 256 bits. */
const KEY_PREFIX = 'cs_live_';

const toApiKey = (r: repo.ApiKeyRow): ApiKey => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
  expiresAt: r.expiresAt?.toISOString() ?? null,
});

interface Deps {
  db: Db;
  /** Key lists show who created each key (the users module owns their e-mails). */
  users: { emailById: repo.EmailOfUser };
}

export const createApiKeysService = ({ db, users }: Deps) => ({
  async list(ctx: RequestCtx, q: { limit: number; offset: number; includeRevoked: boolean }) {
    requireRole(ctx, 'admin');
    const page = await withTenant(db, ctx.orgId, (tx) => repo.listApiKeys(tx, ctx.orgId, q, users.emailById));
    return { items: page.items.map(toApiKey), total: page.total, limit: q.limit, offset: q.offset };
  },

  /** Creates a key; the answer is the only time the key itself is ever shown. */
  async create(ctx: RequestCtx, input: ApiKeyCreate): Promise<ApiKey & { key: string }> {
    requireRole(ctx, 'admin');
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      const message = 'The expiry must lie in the future';
      throw new AppError('validation_failed', message, [{ path: 'expiresAt', message }]);
    }
    const key = `${KEY_PREFIX}${randomToken()}`;
    const prefix = key.slice(0, KEY_PREFIX.length + 6);
    return withTenant(db, ctx.orgId, async (tx) => {
      const id = await repo.insertApiKey(tx, {
        orgId: ctx.orgId,
        name: input.name,
        role: input.role,
        prefix,
        keyHash: sha256Hex(key),
        createdBy: ctx.userId,
        expiresAt,
      });
      await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
        action: 'api_key.created',
        entityType: 'api_key',
        entityId: id,
        payload: {
          name: input.name,
          role: input.role,
          prefix,
          ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
        },
      });
      return { ...toApiKey((await repo.findApiKey(tx, ctx.orgId, id, users.emailById))!), key };
    });
  },

  /** Revokes at once; revoking twice is harmless and writes no second event. */
  async revoke(ctx: RequestCtx, id: string): Promise<ApiKey> {
    requireRole(ctx, 'admin');
    return withTenant(db, ctx.orgId, async (tx) => {
      const before = await repo.findApiKey(tx, ctx.orgId, id, users.emailById);
      if (!before) throw notFound('API key', id);
      if (!before.revokedAt) {
        await repo.revokeApiKey(tx, ctx.orgId, id);
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'api_key.revoked',
          entityType: 'api_key',
          entityId: id,
          payload: { name: before.name, prefix: before.prefix },
        });
      }
      return toApiKey((await repo.findApiKey(tx, ctx.orgId, id, users.emailById))!);
    });
  },
});

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
