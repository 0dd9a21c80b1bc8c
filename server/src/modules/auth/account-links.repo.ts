import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db, RawTx, Tx } from '../../db/client.js';
import { accountLinks } from '../../db/schema/mail.js';
import { rowsOf } from '../../db/tenant.js';

export const insertLink = (tx: Tx, values: Omit<typeof accountLinks.$inferInsert, 'id' | 'createdAt'>) =>
  tx.insert(accountLinks).values(values);

/** Links of one kind issued to a person since `since` (a reset asked for again and again is not re-sent). */
export const countLinksSince = async (tx: Tx, orgId: string, userId: string, kind: string, since: Date) => {
  const [row] = await tx
    .select({ n: count() })
    .from(accountLinks)
    .where(
      and(
        eq(accountLinks.orgId, orgId),
        eq(accountLinks.userId, userId),
        eq(accountLinks.kind, kind as 'invitation'),
        gt(accountLinks.createdAt, since),
      ),
    );
  return row?.n ?? 0;
};

// Before anyone is signed in, links are read and spent through the definer functions of the migration.

export const lookupLink = async (db: Db, tokenHash: string) =>
  rowsOf<{
    kind: 'invitation' | 'password_reset';
    state: 'live' | 'used' | 'expired';
    email: string | null;
    name: string | null;
    org_name: string;
    expires_at: Date | string;
  }>(await db.execute(sql`select * from account_link_lookup(${tokenHash})`))[0];

/** Spends a live link and sets its account's password (inside the caller's transaction). */
export const spendLink = async (raw: RawTx, tokenHash: string, passwordHash: string) =>
  rowsOf<{ user_id: string; org_id: string; kind: 'invitation' | 'password_reset'; sessions_ended: number }>(
    await raw.execute(sql`select * from account_link_set_password(${tokenHash}, ${passwordHash})`),
  )[0];

/** Where a self-service reset for an e-mail is issued; undefined for an unknown e-mail. */
export const findResetTarget = async (db: Db, email: string) => {
  const row = rowsOf<{ user_id: string; org_id: string; org_name: string }>(
    await db.execute(sql`select * from account_reset_target(${email})`),
  )[0];
  return row && { userId: row.user_id, orgId: row.org_id, orgName: row.org_name };
};

/** How many organisations a member of this one belongs to (definer function; 0 for non-members). */
export const countMemberships = async (tx: Tx, userId: string) =>
  rowsOf<{ n: number }>(await tx.execute(sql`select account_membership_count(${userId}) as n`))[0]?.n ?? 0;
