import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { apiKeys } from '../../db/schema/api-keys.js';

/** A user's e-mail by id, as a scalar subquery: the users module's (it owns the table), received from the service. */
export type EmailOfUser = (id: SQL) => SQL<string | null>;

const apiKeyColumns = (emailOf: EmailOfUser) => ({
  id: apiKeys.id,
  name: apiKeys.name,
  role: apiKeys.role,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  createdBy: emailOf(sql`${apiKeys.createdBy}`),
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  expiresAt: apiKeys.expiresAt,
});

/** Keys with the e-mail of the person who created them. */
const withCreator = (tx: Tx, emailOf: EmailOfUser) => tx.select(apiKeyColumns(emailOf)).from(apiKeys);

export type ApiKeyRow = Awaited<ReturnType<ReturnType<typeof withCreator>['execute']>>[number];

export const listApiKeys = async (
  tx: Tx,
  orgId: string,
  q: { limit: number; offset: number; includeRevoked: boolean },
  emailOf: EmailOfUser,
) => {
  const where: (SQL | undefined)[] = [eq(apiKeys.orgId, orgId)];
  if (!q.includeRevoked) where.push(isNull(apiKeys.revokedAt));
  const [items, [total]] = await Promise.all([
    withCreator(tx, emailOf)
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

export const findApiKey = async (tx: Tx, orgId: string, id: string, emailOf: EmailOfUser) => {
  const [row] = await withCreator(tx, emailOf)
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

/** An API key's name by id, as a scalar subquery: the audit list shows and searches it in its own query. */
export const apiKeyNameById = (id: SQL): SQL<string | null> =>
  sql`(select ${apiKeys.name} from ${apiKeys} where ${apiKeys.id} = ${id})`;
