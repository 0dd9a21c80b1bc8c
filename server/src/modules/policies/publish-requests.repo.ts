import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { PublishRequestsQuery } from '#shared/schemas/publish-requests.js';
import type { Tx } from '../../db/client.js';
import { policyPublishRequests, publishApprovalSettings } from '../../db/schema/policy-approvals.js';

// The only queries on policy_publish_requests and publish_approval_settings (owned by the policies module).

export type PublishRequestRow = typeof policyPublishRequests.$inferSelect & {
  requestedByName: string | null;
  decidedByName: string | null;
};
/** A user's name by id as a scalar subquery (the users module's, received by the caller). */
export type NameById = (id: SQL) => SQL<string | null>;

const t = policyPublishRequests;
const columns = (nameOf: NameById) => ({
  id: t.id,
  orgId: t.orgId,
  policyId: t.policyId,
  policyRevision: t.policyRevision,
  status: t.status,
  requestedBy: t.requestedBy,
  comment: t.comment,
  decidedBy: t.decidedBy,
  decisionComment: t.decisionComment,
  createdAt: t.createdAt,
  decidedAt: t.decidedAt,
  requestedByName: nameOf(sql`${t.requestedBy}`),
  decidedByName: nameOf(sql`${t.decidedBy}`),
});

export const listRequests = (
  tx: Tx,
  orgId: string,
  q: PublishRequestsQuery,
  nameOf: NameById,
): Promise<PublishRequestRow[]> => {
  const where = [eq(t.orgId, orgId)];
  if (q.policyId) where.push(eq(t.policyId, q.policyId));
  if (q.status) where.push(eq(t.status, q.status));
  return tx
    .select(columns(nameOf))
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.createdAt))
    .limit(200);
};

export const findRequest = async (
  tx: Tx,
  orgId: string,
  id: string,
  nameOf: NameById,
): Promise<PublishRequestRow | undefined> => {
  const [row] = await tx
    .select(columns(nameOf))
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  return row;
};

/** The draft's pending request, if any (the unique partial index allows one). */
export const findPendingRequest = async (tx: Tx, orgId: string, policyId: string) => {
  const [row] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.policyId, policyId), eq(t.status, 'pending')))
    .limit(1);
  return row;
};

export const insertRequest = async (tx: Tx, values: typeof t.$inferInsert) => {
  const [row] = await tx.insert(t).values(values).returning({ id: t.id });
  return row!;
};

/** Decides a pending request; undefined when it is no longer pending (another admin decided first). */
export const decideRequest = async (
  tx: Tx,
  orgId: string,
  id: string,
  values: Pick<typeof t.$inferInsert, 'status' | 'decidedBy' | 'decisionComment'>,
) => {
  const [row] = await tx
    .update(t)
    .set({ ...values, decidedAt: new Date() })
    .where(and(eq(t.orgId, orgId), eq(t.id, id), eq(t.status, 'pending')))
    .returning({ id: t.id });
  return row;
};

/** The organisation's explicit choice, or undefined for the default. */
export const findApprovalSetting = async (tx: Tx, orgId: string): Promise<boolean | undefined> => {
  const [row] = await tx
    .select({ required: publishApprovalSettings.required })
    .from(publishApprovalSettings)
    .where(eq(publishApprovalSettings.orgId, orgId))
    .limit(1);
  return row?.required;
};

/** Sets the explicit choice, or (null) removes it so the default applies again. */
export const saveApprovalSetting = async (
  tx: Tx,
  orgId: string,
  required: boolean | null,
  userId: string | null,
) => {
  if (required === null) {
    await tx.delete(publishApprovalSettings).where(eq(publishApprovalSettings.orgId, orgId));
    return;
  }
  await tx
    .insert(publishApprovalSettings)
    .values({ orgId, required, updatedBy: userId })
    .onConflictDoUpdate({
      target: publishApprovalSettings.orgId,
      set: { required, updatedBy: userId, updatedAt: new Date() },
    });
};
