import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { portalLinks as l } from '../../db/schema/assignments.js';

export type PortalLinkInsert = Omit<typeof l.$inferInsert, 'id' | 'createdAt' | 'revokedAt'>;

/** Adds a link (its hash only) to an assignment; the ones it already has keep working. */
export const insertPortalLink = async (tx: Tx, values: PortalLinkInsert) => {
  await tx.insert(l).values(values);
};

/** Every live link of the assignment stops working; answers how many did. */
export const revokePortalLinks = async (tx: Tx, orgId: string, assignmentId: string, at = new Date()) =>
  (
    await tx
      .update(l)
      .set({ revokedAt: at })
      .where(and(eq(l.orgId, orgId), eq(l.assignmentId, assignmentId), isNull(l.revokedAt)))
      .returning({ id: l.id })
  ).length;
