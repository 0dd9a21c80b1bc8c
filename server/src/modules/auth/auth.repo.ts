import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiKeys } from '../../db/schema/api-keys.js';
import { organizations } from '../../db/schema/orgs.js';
import { memberships, sessions, users } from '../../db/schema/users.js';

// These queries run on the system connection, before a tenant is known: they resolve WHO is asking and
// for WHICH organisation, and nothing else. Everything after that runs through withTenant().

export const findUserByEmail = async (db: Db, email: string) => {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
};

export const listActiveMemberships = (db: Db, userId: string) =>
  db
    .select({
      role: memberships.role,
      org: { id: organizations.id, name: organizations.name, slug: organizations.slug },
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.createdAt), asc(organizations.name));

export const insertSession = async (
  db: Db,
  values: { tokenHash: string; userId: string; orgId: string; expiresAt: Date },
) => {
  const [row] = await db.insert(sessions).values(values).returning();
  return row!;
};

/** A live session with its user and the role of its current organisation (active memberships only). */
export const findLiveSession = async (db: Db, tokenHash: string, now: Date) => {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      orgId: sessions.orgId,
      expiresAt: sessions.expiresAt,
      user: { id: users.id, email: users.email, name: users.name },
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, sessions.userId),
        eq(memberships.orgId, sessions.orgId),
        eq(memberships.status, 'active'),
      ),
    )
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
};

export const revokeSession = (db: Db, sessionId: string) =>
  db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));

export const revokeUserSessionsInOrg = (db: Db, userId: string, orgId: string) =>
  db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), eq(sessions.orgId, orgId), isNull(sessions.revokedAt)));

export const setSessionOrg = (db: Db, sessionId: string, orgId: string) =>
  db.update(sessions).set({ orgId }).where(eq(sessions.id, sessionId));

export const touchLastLogin = (db: Db, userId: string) =>
  db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));

export const findLiveApiKey = async (db: Db, keyHash: string) => {
  const [row] = await db
    .select({ id: apiKeys.id, orgId: apiKeys.orgId, name: apiKeys.name, role: apiKeys.role })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
};

/**
 * Marks the key used. At most once a minute per key: an integration calling many times a second must not
 * turn every read into a write on the same row.
 */
export const touchApiKey = (db: Db, id: string) =>
  db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
