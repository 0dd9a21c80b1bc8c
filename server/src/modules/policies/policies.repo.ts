import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { atRevision, nextRevision } from '../../db/revision.js';
import { policies } from '../../db/schema/scoring.js';

export type PolicyRow = typeof policies.$inferSelect;

export const listPolicies = (tx: Tx, orgId: string) =>
  tx
    .select()
    .from(policies)
    .where(eq(policies.orgId, orgId))
    .orderBy(asc(policies.status), desc(policies.version), desc(policies.createdAt));

export const findPolicy = async (tx: Tx, orgId: string, id: string) => {
  const [row] = await tx
    .select()
    .from(policies)
    .where(and(eq(policies.orgId, orgId), eq(policies.id, id)))
    .limit(1);
  return row;
};

/** Several policies by id (the versions a page of assessments was scored under). */
export const findPolicies = (tx: Tx, orgId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : tx
        .select()
        .from(policies)
        .where(and(eq(policies.orgId, orgId), inArray(policies.id, ids)));

/** The organisation's one published policy (the one assessments use), if any. */
export const findPublishedPolicy = async (tx: Tx, orgId: string) => {
  const [row] = await tx
    .select()
    .from(policies)
    .where(and(eq(policies.orgId, orgId), eq(policies.status, 'published')))
    .limit(1);
  return row;
};

export const insertPolicy = async (tx: Tx, values: typeof policies.$inferInsert) => {
  const [row] = await tx.insert(policies).values(values).returning();
  return row!;
};

/**
 * Changes a policy made from revision `revision` and bumps it; undefined when it is no longer at that
 * revision (another write got in first), so the caller answers 409.
 */
export const updatePolicy = async (
  tx: Tx,
  orgId: string,
  id: string,
  revision: number,
  values: Partial<typeof policies.$inferInsert>,
): Promise<PolicyRow | undefined> => {
  const [row] = await tx
    .update(policies)
    .set({ ...values, updatedAt: new Date(), revision: nextRevision(policies.revision) })
    .where(and(eq(policies.orgId, orgId), eq(policies.id, id), atRevision(policies.revision, revision)))
    .returning();
  return row;
};

export const nextPolicyVersion = async (tx: Tx, orgId: string) => {
  const [row] = await tx
    .select({ v: max(policies.version) })
    .from(policies)
    .where(eq(policies.orgId, orgId));
  return (row?.v ?? 0) + 1;
};

/** The policies module's functions other modules may use (as `Pick<PoliciesRepo, …>` deps). */
export const policiesRepo = { findPolicy, findPolicies, findPublishedPolicy, insertPolicy };
export type PoliciesRepo = typeof policiesRepo;
