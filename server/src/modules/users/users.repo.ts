import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { UsersQuery } from '#shared/schemas/users.js';
import type { Tx } from '../../db/client.js';
import { atRevision, nextRevision } from '../../db/revision.js';
import { memberships, users } from '../../db/schema/users.js';
import { rowsOf } from '../../db/tenant.js';

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  status: memberships.status,
  createdAt: memberships.createdAt,
  lastLoginAt: users.lastLoginAt,
  revision: memberships.revision,
};

export type MemberRow = { [K in keyof typeof memberColumns]: (typeof memberColumns)[K]['_']['data'] } & {
  lastLoginAt: Date | null;
};

const sortColumns = {
  name: users.name,
  email: users.email,
  role: memberships.role,
  createdAt: memberships.createdAt,
} as const;

/** LIKE wildcards in user input are matched literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const listMembers = async (tx: Tx, orgId: string, q: UsersQuery) => {
  const where: (SQL | undefined)[] = [eq(memberships.orgId, orgId)];
  if (q.q) {
    const pattern = `%${likeEscape(q.q)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (q.role) where.push(eq(memberships.role, q.role));
  if (q.status) where.push(eq(memberships.status, q.status));
  const order = q.order === 'asc' ? asc : desc;
  const base = () =>
    tx.select(memberColumns).from(memberships).innerJoin(users, eq(users.id, memberships.userId));
  const [items, [total]] = await Promise.all([
    base()
      .where(and(...where))
      .orderBy(order(sortColumns[q.sort]), asc(users.id))
      .limit(q.limit)
      .offset(q.offset),
    tx
      .select({ n: count() })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(...where)),
  ]);
  return { items: items as MemberRow[], total: total?.n ?? 0 };
};

export const findMember = async (tx: Tx, orgId: string, userId: string): Promise<MemberRow | undefined> => {
  const [row] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row as MemberRow | undefined;
};

/** Locks the organisation's active admin memberships, so two concurrent demotions cannot both pass. */
export const lockActiveAdmins = (tx: Tx, orgId: string) =>
  tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')))
    .for('update');

/** How many active admins the organisation has (four-eyes publishing is on by default from two). */
export const countActiveAdmins = async (tx: Tx, orgId: string): Promise<number> => {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')),
    );
  return row?.n ?? 0;
};

/** The e-mail addresses of the organisation's active administrators, in a stable order (escalations). */
export const activeAdminEmails = async (tx: Tx, orgId: string): Promise<string[]> =>
  (
    await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')),
      )
      .orderBy(asc(users.email))
  ).map((r) => r.email);

export const insertUser = (
  tx: Tx,
  values: { id: string; email: string; name: string; passwordHash: string },
) =>
  // No RETURNING: under row-level security the new user is visible only once its membership exists.
  tx.insert(users).values(values);

export const insertMembership = (
  tx: Tx,
  values: { orgId: string; userId: string; role: MemberRow['role'] },
) => tx.insert(memberships).values(values);

/**
 * Changes a membership made from revision `revision` and bumps it; undefined when it is no longer at that
 * revision (another write got in first), so the caller answers 409.
 */
export const updateMembership = async (
  tx: Tx,
  orgId: string,
  userId: string,
  revision: number,
  patch: Partial<Pick<MemberRow, 'role' | 'status'>>,
) => {
  const [row] = await tx
    .update(memberships)
    .set({ ...patch, updatedAt: new Date(), revision: nextRevision(memberships.revision) })
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        atRevision(memberships.revision, revision),
      ),
    )
    .returning({ userId: memberships.userId });
  return row;
};

/** The person's name, e-mail and password hash, as a member of `orgId` sees it (a password change). */
export const findPasswordHolder = async (tx: Tx, orgId: string, userId: string) => {
  const [row] = await tx
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.orgId, orgId), eq(users.id, userId)))
    .limit(1);
  return row;
};

/**
 * Sets the password of the person behind the live session `sessionTokenHash` (the caller holds the session).
 * No organisation may write the shared account row itself (migration 0009); answers the person's id, or
 * undefined when the session is no longer live.
 */
export const setOwnPasswordHash = async (tx: Tx, sessionTokenHash: string, passwordHash: string) => {
  const [row] = rowsOf<{ user_id: string | null }>(
    await tx.execute(sql`select auth_set_own_password(${sessionTokenHash}, ${passwordHash}) as user_id`),
  );
  return row?.user_id ?? undefined;
};

/** A user's name by id, as a scalar subquery: the audit list shows and searches it in its own query. */
export const userNameById = (id: SQL): SQL<string | null> =>
  sql`(select ${users.name} from ${users} where ${users.id} = ${id})`;

/** A user's e-mail by id, as a scalar subquery (API key lists name who created each key). */
export const userEmailById = (id: SQL): SQL<string | null> =>
  sql`(select ${users.email} from ${users} where ${users.id} = ${id})`;

/** The users module's functions other modules may use (as `Pick<UsersRepo, …>` deps). */
export const usersRepo = {
  findPasswordHolder,
  setOwnPasswordHash,
  countActiveAdmins,
  findMember,
  activeAdminEmails,
};
export type UsersRepo = typeof usersRepo;
