import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Role } from '#shared/roles.js';
import type { Db, Tx } from '../../db/client.js';
import { sessions } from '../../db/schema/users.js';
import { rowsOf } from '../../db/tenant.js';

// Who is asking, and for which organisation, is known only after these run: they call the SECURITY DEFINER
// functions of migration 0007 (the request role cannot read sessions, keys or accounts across tenants), and
// answer only what authentication needs. Everything after them runs through withTenant().

const one = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T | undefined> =>
  rowsOf<T>(await db.execute(query))[0];

export interface LiveSession {
  sessionId: string;
  orgId: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string };
  role: Role;
}

/** A live session with its user and the role of its current organisation (active memberships only). */
export const findLiveSession = async (db: Db, tokenHash: string): Promise<LiveSession | undefined> => {
  const row = await one<{
    session_id: string;
    org_id: string;
    expires_at: Date | string;
    user_id: string;
    email: string;
    name: string;
    role: Role;
  }>(db, sql`select * from auth_session(${tokenHash})`);
  return (
    row && {
      sessionId: row.session_id,
      orgId: row.org_id,
      expiresAt: new Date(row.expires_at),
      user: { id: row.user_id, email: row.email, name: row.name },
      role: row.role,
    }
  );
};

/** The organisations the session's user is an active member of, oldest membership first. */
export const listSessionMemberships = async (db: Db, tokenHash: string) =>
  rowsOf<{ org_id: string; org_name: string; org_slug: string; role: Role }>(
    await db.execute(sql`select * from auth_session_memberships(${tokenHash})`),
  ).map((r) => ({ role: r.role, org: { id: r.org_id, name: r.org_name, slug: r.org_slug } }));

/** The account a sign-in checks its password against. */
export const findLoginUser = async (db: Db, email: string) => {
  const row = await one<{ user_id: string; password_hash: string }>(
    db,
    sql`select * from auth_login_user(${email})`,
  );
  return row && { id: row.user_id, passwordHash: row.password_hash };
};

/** Whether an e-mail already has an account: its id, else undefined. */
export const findUserIdByEmail = async (db: Db, email: string) =>
  (await one<{ id: string | null }>(db, sql`select user_id_by_email(${email}) as id`))?.id ?? undefined;

/**
 * Opens a session in the user's first active organisation (password already verified) and records the
 * sign-in time; undefined when every membership is deactivated (no session is created).
 */
export const startSession = async (
  db: Db,
  values: { tokenHash: string; userId: string; expiresAt: Date },
) => {
  const row = await one<{ session_id: string; org_id: string }>(
    db,
    sql`select * from auth_start_session(${values.tokenHash}, ${values.userId}, ${values.expiresAt.toISOString()})`,
  );
  return row && { sessionId: row.session_id, orgId: row.org_id };
};

/** Moves a live session to an organisation its user is an active member of: its id, else undefined. */
export const switchSessionOrg = async (db: Db, tokenHash: string, orgId: string) =>
  (await one<{ id: string | null }>(db, sql`select auth_switch_org(${tokenHash}, ${orgId}) as id`))?.id ??
  undefined;

/** A live API key (marked used, at most once a minute). */
export const useApiKey = async (db: Db, keyHash: string) =>
  one<{ id: string; orgId: string; name: string; role: Role }>(
    db,
    sql`select id, org_id as "orgId", name, role from auth_api_key(${keyHash})`,
  );

/**
 * The end of validity of a live API key (migration 0006's definer function), read before `useApiKey` marks
 * the key used; undefined for an unknown or revoked key, or one without an end.
 */
export const findApiKeyExpiry = async (db: Db, keyHash: string) => {
  const row = await one<{ expires_at: Date | string | null }>(
    db,
    sql`select auth_api_key_expiry(${keyHash}) as expires_at`,
  );
  return row?.expires_at ? new Date(row.expires_at) : undefined;
};

// Inside the tenant: the request role may revoke (and only revoke) its own organisation's sessions.

export const revokeSession = (tx: Tx, sessionId: string) =>
  tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));

export const revokeUserSessionsInOrg = (tx: Tx, userId: string, orgId: string) =>
  tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), eq(sessions.orgId, orgId), isNull(sessions.revokedAt)));

/**
 * Ends the user's sessions in the transaction's organisation except `keepSessionId` (a password change, run
 * once per organisation of the user); answers how many ended.
 */
export const revokeOtherSessionsInOrg = async (
  tx: Tx,
  userId: string,
  orgId: string,
  keepSessionId: string,
) => {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        eq(sessions.orgId, orgId),
        ne(sessions.id, keepSessionId),
        isNull(sessions.revokedAt),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
};

/** The auth module's functions other modules may use (as `Pick<AuthRepo, …>` deps). */
export const authRepo = { findUserIdByEmail, revokeUserSessionsInOrg };
export type AuthRepo = typeof authRepo;
