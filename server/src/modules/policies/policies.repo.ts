import { and, asc, desc, eq, getTableColumns, inArray, isNull, max, type SQL, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { PolicyDatasetsSchema, type PolicyDocument, PolicyDocumentSchema } from '#shared/schemas/policy.js';
import type { Tx } from '../../db/client.js';
import { fixedSelect } from '../../db/fixed.js';
import { atRevision, nextRevision } from '../../db/revision.js';
import { policies } from '../../db/schema/scoring.js';
import { rowsOf } from '../../db/tenant.js';

type PolicyTableRow = typeof policies.$inferSelect;
/** A policy row with its document parsed (the column is `unknown` until then). */
export type PolicyRow = Omit<PolicyTableRow, 'document'> & { document: PolicyDocument };
export type PolicyInsert = Omit<typeof policies.$inferInsert, 'document'> & { document: PolicyDocument };

/** Parsed documents of published or retired policies kept per process: the 100 used last. */
const keptDocuments = new LRUCache<string, PolicyDocument>({ max: 100 });

/** A published or retired policy's key in keptDocuments: its document can no longer change. */
const keptKey = (row: Pick<PolicyTableRow, 'orgId' | 'id' | 'revision'>) =>
  `${row.orgId}:${row.id}:${row.revision}`;

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

/**
 * The stored document through the contract's schema: every reader gets a checked PolicyDocument, and a row
 * that no longer fits (a schema change without its data migration) fails loudly here, not deep in scoring.
 * A policy past draft is frozen (a trigger refuses any change to its document: migration 0003), so its parse
 * is kept, by id and revision, and handed out frozen: every request scoring under the published policy would
 * otherwise re-validate its whole document, and the engine's per-document caches (compiled policy, stored
 * texts, provenance) hold across requests. Drafts are parsed on every read.
 */
const parsed = (row: PolicyTableRow): PolicyRow => {
  if (row.status === 'draft') return { ...row, document: PolicyDocumentSchema.parse(row.document) };
  const key = keptKey(row);
  let document = keptDocuments.get(key);
  if (!document) {
    document = deepFreeze(PolicyDocumentSchema.parse(row.document));
    keptDocuments.set(key, document);
  }
  return { ...row, document };
};

export const listPolicies = async (tx: Tx, orgId: string): Promise<PolicyRow[]> =>
  (
    await tx
      .select()
      .from(policies)
      .where(eq(policies.orgId, orgId))
      .orderBy(asc(policies.status), desc(policies.version), desc(policies.createdAt))
  ).map(parsed);

export const findPolicy = async (tx: Tx, orgId: string, id: string): Promise<PolicyRow | undefined> => {
  const [row] = await tx
    .select()
    .from(policies)
    .where(and(eq(policies.orgId, orgId), eq(policies.id, id)))
    .limit(1);
  return row && parsed(row);
};

/** Several policies by id (the versions a page of assessments was scored under). */
export const findPolicies = async (tx: Tx, orgId: string, ids: string[]): Promise<PolicyRow[]> =>
  ids.length === 0
    ? []
    : (
        await tx
          .select()
          .from(policies)
          .where(and(eq(policies.orgId, orgId), inArray(policies.id, ids)))
      ).map(parsed);

const { document: _document, ...policyHeadColumns } = getTableColumns(policies);

/**
 * The organisation's one published policy (the one assessments use), without its document: read by every
 * scoring path (accepting a questionnaire among them), built once (fixedSelect). The document (~20 KB of
 * JSON) is kept parsed per process, so it is read only the first time a process meets that revision.
 */
const publishedPolicyHead = fixedSelect<Omit<PolicyTableRow, 'document'>, { orgId: string }>((tx) =>
  tx
    .select(policyHeadColumns)
    .from(policies)
    .where(and(eq(policies.orgId, sql.placeholder('orgId')), eq(policies.status, 'published')))
    .limit(1),
);

/** The organisation's one published policy (the one assessments use), if any. */
export const findPublishedPolicy = async (tx: Tx, orgId: string): Promise<PolicyRow | undefined> => {
  const [head] = await publishedPolicyHead(tx, { orgId });
  if (!head) return undefined;
  const document = keptDocuments.get(keptKey(head));
  // First use in this process: the row again, with its document (kept by parsed()).
  return document ? { ...head, document } : findPolicy(tx, orgId, head.id);
};

export const insertPolicy = async (tx: Tx, values: PolicyInsert): Promise<PolicyRow> => {
  const [row] = await tx.insert(policies).values(values).returning();
  return parsed(row!);
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
  values: Partial<PolicyInsert>,
): Promise<PolicyRow | undefined> => {
  const [row] = await tx
    .update(policies)
    .set({ ...values, updatedAt: new Date(), revision: nextRevision(policies.revision) })
    .where(and(eq(policies.orgId, orgId), eq(policies.id, id), atRevision(policies.revision, revision)))
    .returning();
  return row && parsed(row);
};

/**
 * Deletes a draft read at `revision`; false when it is no longer that draft at that revision (edited or
 * published in between), so the caller answers 409. The status guard repeats the service's rule where the
 * row is, as the table's trigger does for published versions.
 */
export const deleteDraft = async (tx: Tx, orgId: string, id: string, revision: number): Promise<boolean> => {
  const rows = await tx
    .delete(policies)
    .where(
      and(
        eq(policies.orgId, orgId),
        eq(policies.id, id),
        eq(policies.status, 'draft'),
        isNull(policies.publishedAt),
        atRevision(policies.revision, revision),
      ),
    )
    .returning({ id: policies.id });
  return rows.length === 1;
};

export const nextPolicyVersion = async (tx: Tx, orgId: string) => {
  const [row] = await tx
    .select({ v: max(policies.version) })
    .from(policies)
    .where(eq(policies.orgId, orgId));
  return (row?.v ?? 0) + 1;
};

/** A policy's name by id, as a scalar subquery: the audit list shows and searches it in its own query. */
export const policyNameById = (id: SQL): SQL<string | null> =>
  sql`(select ${policies.name} from ${policies} where ${policies.id} = ${id})`;

/**
 * The policies that pin a loaded dataset edition (document.datasets), with their pins: an edition is
 * deleted only while none does, and lists show who uses each one.
 */
export const listDatasetPins = async (tx: Tx, orgId: string) =>
  (
    await tx
      .select({
        id: policies.id,
        name: policies.name,
        status: policies.status,
        version: policies.version,
        datasets: sql<unknown>`${policies.document}->'datasets'`,
      })
      .from(policies)
      .where(and(eq(policies.orgId, orgId), sql`${policies.document} ? 'datasets'`))
      .orderBy(desc(policies.createdAt))
  ).map(({ datasets, ...p }) => ({
    ...p,
    datasets: PolicyDatasetsSchema.parse(datasets),
  }));

/** The policies module's functions other modules may use (as `Pick<PoliciesRepo, …>` deps). */
export const policiesRepo = { findPolicy, findPolicies, findPublishedPolicy, insertPolicy, listDatasetPins };
export type PoliciesRepo = typeof policiesRepo;

/**
 * Takes the organisation's what-if lock for the rest of the transaction, or answers false when another
 * connection holds it: one what-if at a time per organisation across every API instance. A transaction
 * advisory lock, so it is released however the request ends (even if the process dies).
 */
export const tryWhatIfLock = async (tx: Tx, orgId: string): Promise<boolean> => {
  const rows = rowsOf<{ locked: boolean }>(
    await tx.execute(
      sql`select pg_try_advisory_xact_lock(hashtext('clearsource.what-if'), hashtext(${orgId})) as locked`,
    ),
  );
  return rows[0]?.locked === true;
};
