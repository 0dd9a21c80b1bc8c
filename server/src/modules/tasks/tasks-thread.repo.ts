import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { taskComments as c, taskEvidenceFiles as ev } from '../../db/schema/tasks.js';
import { apiKeyNameById } from '../api-keys/api-keys.repo.js';
import { userNameById } from '../users/users.repo.js';

// A task's thread and evidence (task_comments, task_evidence_files): append-only, read oldest first.

/** Who wrote or uploaded: one of the three columns (none: the platform). */
export interface ActorColumns {
  userId: string | null;
  apiKeyId: string | null;
  linkId: string | null;
}

export type CommentRow = typeof c.$inferSelect & { authorName: string | null };
export type EvidenceRow = typeof ev.$inferSelect & { uploaderName: string | null };

export const insertComment = async (
  tx: Tx,
  v: { orgId: string; taskId: string; by: ActorColumns; body: string; toStatus?: CommentRow['toStatus'] },
) => {
  const [row] = await tx
    .insert(c)
    .values({
      orgId: v.orgId,
      taskId: v.taskId,
      authorUserId: v.by.userId,
      authorApiKeyId: v.by.apiKeyId,
      authorLinkId: v.by.linkId,
      body: v.body,
      toStatus: v.toStatus ?? null,
    })
    .returning({ id: c.id });
  return row!.id;
};

export const listComments = async (tx: Tx, orgId: string, taskId: string) =>
  (await tx
    .select({
      ...getTableColumns(c),
      authorName: sql<string | null>`coalesce(${userNameById(sql`${c.authorUserId}`)}, ${apiKeyNameById(
        sql`${c.authorApiKeyId}`,
      )})`,
    })
    .from(c)
    .where(and(eq(c.orgId, orgId), eq(c.taskId, taskId)))
    .orderBy(asc(c.createdAt), asc(c.id))) as CommentRow[];

export const insertEvidence = async (
  tx: Tx,
  v: Omit<typeof ev.$inferInsert, 'uploadedByUserId' | 'uploadedByApiKeyId' | 'uploadedByLinkId'> & {
    by: ActorColumns;
  },
) => {
  const { by, ...rest } = v;
  await tx.insert(ev).values({
    ...rest,
    uploadedByUserId: by.userId,
    uploadedByApiKeyId: by.apiKeyId,
    uploadedByLinkId: by.linkId,
  });
};

const evidenceColumns = {
  ...getTableColumns(ev),
  uploaderName: sql<string | null>`coalesce(${userNameById(sql`${ev.uploadedByUserId}`)}, ${apiKeyNameById(
    sql`${ev.uploadedByApiKeyId}`,
  )})`,
};

export const listEvidence = async (tx: Tx, orgId: string, taskId: string) =>
  (await tx
    .select(evidenceColumns)
    .from(ev)
    .where(and(eq(ev.orgId, orgId), eq(ev.taskId, taskId)))
    .orderBy(asc(ev.createdAt), asc(ev.id))) as EvidenceRow[];

export const findEvidence = async (tx: Tx, orgId: string, taskId: string, id: string) => {
  const [row] = await tx
    .select(evidenceColumns)
    .from(ev)
    .where(and(eq(ev.orgId, orgId), eq(ev.taskId, taskId), eq(ev.id, id)))
    .limit(1);
  return row as EvidenceRow | undefined;
};

/** How many files one task holds, and their bytes together (its quota's measure). */
export const evidenceUsage = async (tx: Tx, orgId: string, taskId: string) => {
  const [row] = await tx
    .select({ files: count(), bytes: sql<number>`coalesce(sum(${ev.size}), 0)::float8` })
    .from(ev)
    .where(and(eq(ev.orgId, orgId), eq(ev.taskId, taskId)));
  return { files: row?.files ?? 0, bytes: Number(row?.bytes ?? 0) };
};
