import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { apiKeys } from '../../db/schema/api-keys.js';
import { users } from '../../db/schema/users.js';

export const apiKeyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  role: apiKeys.role,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  createdBy: users.email,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  expiresAt: apiKeys.expiresAt,
};

const withCreator = (tx: Tx) =>
  tx.select(apiKeyColumns).from(apiKeys).leftJoin(users, eq(users.id, apiKeys.createdBy));

export type ApiKeyRow = Awaited<ReturnType<ReturnType<typeof withCreator>['execute']>>[number];

export const listApiKeys = async (
  tx: Tx,
  orgId: string,
  q: { limit: number; offset: number; includeRevoked: boolean },
) => {
  const where: (SQL | undefined)[] = [eq(apiKeys.orgId, orgId)];
  if (!q.includeRevoked) where.push(isNull(apiKeys.revokedAt));
  const [items, [total]] = await Promise.all([
    withCreator(tx)
      .where(and(...where))
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
      .limit(q.limit)
      .offset(q.offset),
    tx
      .select({ n: count() })
      .from(apiKeys)
      .where(and(...where)),
  ]);
  return { items, total: total?.n ?? 0 };
};

export const findApiKey = async (tx: Tx, orgId: string, id: string) => {
  const [row] = await withCreator(tx)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)))
    .limit(1);
  return row;
};

export const insertApiKey = async (tx: Tx, values: typeof apiKeys.$inferInsert) => {
  const [row] = await tx.insert(apiKeys).values(values).returning({ id: apiKeys.id });
  return row!.id;
};

export const revokeApiKey = (tx: Tx, orgId: string, id: string) =>
  tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
