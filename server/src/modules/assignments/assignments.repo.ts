import { and, count, desc, eq, gt, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { CriterionAnswersSchema } from '#shared/domain/scoring/types.js';
import {
  type AssignmentsQuery,
  OPEN_ASSIGNMENT_STATUSES,
  type PortalLinkState,
} from '#shared/schemas/assignments.js';
import { uuidArray } from '../../db/bulk.js';
import type { Db, Tx } from '../../db/client.js';
import { fixedSelect } from '../../db/fixed.js';
import { queueFirst } from '../../db/in-flight.js';
import { atRevision, nextRevision } from '../../db/revision.js';
import { questionnaireAssignments as a, questionnaireAnswers as ans } from '../../db/schema/assignments.js';
import { questionnaireTemplates as tpl } from '../../db/schema/questionnaires.js';
import { suppliers } from '../../db/schema/suppliers.js';
import { rowsOf } from '../../db/tenant.js';
import type { AcceptedAnswers } from '../assessments/assessments.write.js';
import { organizationNameById } from '../orgs/orgs.repo.js';

export type AssignmentInsert = typeof a.$inferInsert;
export type AnswerRow = typeof ans.$inferSelect;

/** An assignment with the names lists show: its supplier's, and its template version's. */
const listedColumns = {
  id: a.id,
  orgId: a.orgId,
  supplierId: a.supplierId,
  templateId: a.templateId,
  status: a.status,
  dueDate: a.dueDate,
  message: a.message,
  locale: a.locale,
  linkExpiresAt: a.linkExpiresAt,
  linkRevokedAt: a.linkRevokedAt,
  linkRecipient: a.linkRecipient,
  sentAt: a.sentAt,
  submittedAt: a.submittedAt,
  reviewComments: a.reviewComments,
  returnedAt: a.returnedAt,
  acceptedAt: a.acceptedAt,
  validUntil: a.validUntil,
  recurrence: a.recurrence,
  recurrenceMonths: a.recurrenceMonths,
  previousId: a.previousId,
  nextId: sql<string | null>`(select n.id from ${a} n where n.previous_id = ${a.id})`,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  revision: a.revision,
  supplierName: suppliers.name,
  templateName: tpl.name,
  templateVersion: tpl.version,
};
export type AssignmentRow = {
  [K in Exclude<keyof typeof listedColumns, 'nextId'>]: (typeof listedColumns)[K]['_']['data'];
} & { templateVersion: number; nextId: string | null };

const joined = (tx: Tx) =>
  tx
    .select(listedColumns)
    .from(a)
    .innerJoin(suppliers, eq(suppliers.id, a.supplierId))
    .innerJoin(tpl, eq(tpl.id, a.templateId));

export const insertAssignment = async (tx: Tx, values: AssignmentInsert) => {
  const [row] = await tx.insert(a).values(values).returning({ id: a.id });
  return row!.id;
};

/**
 * A recurrence's new assignment, or undefined when `previousId` already has one: the unique key makes a
 * second runner wait for the first one's transaction and then insert nothing.
 */
export const insertRecurrence = async (tx: Tx, values: AssignmentInsert & { previousId: string }) => {
  const [row] = await tx.insert(a).values(values).onConflictDoNothing().returning({ id: a.id });
  return row?.id;
};

// Built once (fixedSelect): read on every request about one questionnaire, accepting included.
const assignmentById = fixedSelect<AssignmentRow, { orgId: string; id: string }>((tx) =>
  joined(tx)
    .where(and(eq(a.orgId, sql.placeholder('orgId')), eq(a.id, sql.placeholder('id'))))
    .limit(1),
);

export const findAssignment = async (tx: Tx, orgId: string, id: string): Promise<AssignmentRow | undefined> =>
  (await assignmentById(tx, { orgId, id }))[0];

const today = () => new Date().toISOString().slice(0, 10);

export const listAssignments = async (tx: Tx, orgId: string, q: AssignmentsQuery) => {
  const where: (SQL | undefined)[] = [eq(a.orgId, orgId)];
  if (q.status) where.push(eq(a.status, q.status));
  if (q.supplierId) where.push(eq(a.supplierId, q.supplierId));
  if (q.templateId) where.push(eq(a.templateId, q.templateId));
  const open = inArray(a.status, [...OPEN_ASSIGNMENT_STATUSES]);
  if (q.overdue === 'true') where.push(and(open, lt(a.dueDate, today())));
  if (q.overdue === 'false') where.push(sql`not (${and(open, lt(a.dueDate, today()))})`);
  const filter = and(...where);
  const [items, [total]] = await Promise.all([
    joined(tx).where(filter).orderBy(desc(a.createdAt), desc(a.id)).limit(q.limit).offset(q.offset),
    tx.select({ n: count() }).from(a).where(filter),
  ]);
  return { items: items as AssignmentRow[], total: total?.n ?? 0 };
};

/**
 * The guarded update: the row's new time and revision, or undefined when another write bumped the revision
 * since it was read.
 */
export const updateAssignment = async (
  tx: Tx,
  orgId: string,
  id: string,
  revision: number,
  values: Partial<AssignmentInsert>,
) => {
  const [row] = await tx
    .update(a)
    .set({ ...values, updatedAt: new Date(), revision: nextRevision(a.revision) })
    .where(and(eq(a.orgId, orgId), eq(a.id, id), atRevision(a.revision, revision)))
    .returning({ updatedAt: a.updatedAt, revision: a.revision });
  return row;
};

/**
 * The current generation of links as the officer sees it (every link of it expires together). Not a
 * revision of its own: the caller either just inserted the row or already moved it to a new revision.
 */
export const setLinkState = (
  tx: Tx,
  orgId: string,
  id: string,
  link: { expiresAt: Date; recipient: string | null },
) =>
  tx
    .update(a)
    .set({ linkExpiresAt: link.expiresAt, linkRevokedAt: null, linkRecipient: link.recipient })
    .where(and(eq(a.orgId, orgId), eq(a.id, id)));

/** The template version's definition (unparsed): the templates module's row, read by id. */
export const findTemplateDefinition = async (tx: Tx, orgId: string, templateId: string) => {
  const [row] = await tx
    .select({ definition: tpl.definition })
    .from(tpl)
    .where(and(eq(tpl.orgId, orgId), eq(tpl.id, templateId)))
    .limit(1);
  return row?.definition;
};

// ---- answers -------------------------------------------------------------------------------------------

const answersOfOne = fixedSelect<AnswerRow, { orgId: string; id: string }>((tx) =>
  tx
    .select()
    .from(ans)
    .where(and(eq(ans.orgId, sql.placeholder('orgId')), eq(ans.assignmentId, sql.placeholder('id')))),
);

export const listAnswers = (tx: Tx, orgId: string, assignmentIds: string[]): Promise<AnswerRow[]> =>
  assignmentIds.length === 0
    ? Promise.resolve([])
    : assignmentIds.length === 1
      ? answersOfOne(tx, { orgId, id: assignmentIds[0]! })
      : tx
          .select()
          .from(ans)
          .where(and(eq(ans.orgId, orgId), inArray(ans.assignmentId, assignmentIds)));

// ---- the portal's way in: a definer function finds the link's organisation before any tenant is set ----

/**
 * Everything a portal request needs, read at once inside the link's organisation: the assignment (locked
 * for writes by lockAssignment), its organisation's name, the state of the link it was opened with (from
 * portal_link(), the one place that says whether a link works) and its answers. Undefined when the assignment
 * or that link is not there. Each round trip counts: 200 suppliers autosaving at once make every one of
 * them a wait in the database's and the server's queues.
 */
export const openForPortal = async (
  tx: Tx,
  orgId: string,
  id: string,
  tokenHash: string,
  { lock }: { lock: boolean },
) => {
  const query = tx
    .select({
      ...listedColumns,
      organisation: organizationNameById(sql`${a.orgId}`),
      linkState: sql<'live' | 'expired' | 'revoked' | null>`(select p.state from portal_link(${tokenHash}) p
        where p.assignment_id = ${a.id})`,
      answers: sql<AnswerJson[]>`coalesce((select json_agg(json_build_object('id', x.id, 'orgId', x.org_id,
        'assignmentId', x.assignment_id, 'questionId', x.question_id, 'value', x.value,
        'updatedAt', x.updated_at, 'revision', x.revision)) from ${ans} x where x.assignment_id = ${a.id}), '[]')`,
    })
    .from(a)
    .innerJoin(suppliers, eq(suppliers.id, a.supplierId))
    .innerJoin(tpl, eq(tpl.id, a.templateId))
    .where(and(eq(a.orgId, orgId), eq(a.id, id)))
    .limit(1);
  // A write locks the row in a statement of its own, queued before the read and sent with it (one round
  // trip): the read then starts once the lock is granted and its snapshot sees what the previous holder
  // committed. One locking statement would re-read the locked row but keep its answers from before the wait
  // (a save and a submit racing could then both act on answers the other had changed).
  const locked = lock ? await queueFirst(lockAssignment(tx, orgId, id)) : undefined;
  const [row] = await query;
  await locked?.result;
  if (!row || row.linkState === null) return undefined;
  const { organisation, linkState, answers, ...assignment } = row;
  return {
    row: assignment as AssignmentRow,
    organisation: organisation ?? '',
    linkState,
    answers: answers.map((x): AnswerRow => ({ ...x, updatedAt: new Date(x.updatedAt) })),
  };
};
type AnswerJson = Omit<AnswerRow, 'updatedAt'> & { updatedAt: string };

/**
 * Where a link hash leads (through the definer function portal_link(), before any tenant is known); whether
 * the link still works is read by each request under its lock (openForPortal, portal_save_answer()).
 */
export const findPortalLink = async (db: Db, tokenHash: string) => {
  const row = rowsOf<{ assignment_id: string; org_id: string }>(
    await db.execute(sql`select assignment_id, org_id from portal_link(${tokenHash})`),
  )[0];
  return row && { assignmentId: row.assignment_id, orgId: row.org_id };
};

/** What the portal keeps about an assignment: its template version and its supplier's name. */
export const findPortalTarget = async (tx: Tx, orgId: string, id: string) => {
  const [row] = await tx
    .select({ templateId: a.templateId, supplierName: suppliers.name })
    .from(a)
    .innerJoin(suppliers, eq(suppliers.id, a.supplierId))
    .where(and(eq(a.orgId, orgId), eq(a.id, id)))
    .limit(1);
  return row;
};

/**
 * An assignment's link state: that of its current generation of links (every link of it expires and is
 * revoked together), from the assignment's columns: revoked wins, then not issued (no expiry: no link was ever
 * minted), then expired at or before `now` (the database's clock unless given), else live. THE SOURCE OF
 * TRUTH for it: the server asks it in SQL through this expression, and `linkStateOf` (assignments.mapping.ts)
 * repeats the rule only to present a row already read, at the caller's clock. portal_link() (migration 0026)
 * answers whether one token's own row in portal_links is live, expired or revoked, which is what the portal
 * asks; it stays a separate SQL function because the portal calls it before any tenant is known (SECURITY
 * DEFINER, past row-level security), so it cannot use this expression.
 */
export const linkStateSql = (now: Date | SQL = sql`now()`) =>
  sql<PortalLinkState>`case when ${a.linkRevokedAt} is not null then 'revoked'
    when ${a.linkExpiresAt} is null then 'not_issued'
    when ${gt(a.linkExpiresAt, now)} then 'live' else 'expired' end`;

/**
 * Whether the supplier can open its questionnaire through its link right now. The one place outside the
 * portal that asks, so where links are kept may change behind it. Undefined when there is no such assignment.
 */
export const supplierLinkState = async (tx: Tx, orgId: string, assignmentId: string) => {
  const [row] = await tx
    .select({
      state: linkStateSql(),
      expiresAt: a.linkExpiresAt,
      revokedAt: a.linkRevokedAt,
    })
    .from(a)
    .where(and(eq(a.orgId, orgId), eq(a.id, assignmentId)))
    .limit(1);
  return row;
};

/** An assignment's supplier id by id, as a scalar subquery (the audit list names a questionnaire by it). */
export const assignmentSupplierIdById = (id: SQL): SQL<string | null> =>
  sql`(select ${a.supplierId} from ${a} where ${a.id} = ${id})`;

/**
 * Each supplier's accepted, unexpired answers as scoring takes them: those of its most recently accepted
 * questionnaire whose validity has not run out by `today` (YYYY-MM-DD, the caller's UTC day), with that
 * questionnaire's id and template version (stored with the assessment that scores them). Only `supplierIds`
 * when given (a batch being assessed), else the whole organisation (what-if). Suppliers without any are
 * absent from the map.
 *
 * `today` comes from the caller, never SQL's current_date: that is the day in the session's TimeZone, so on a
 * server set to, say, UTC+14 answers would stop counting a day before the schedule (which counts UTC days)
 * expires them, or go on counting a day after.
 */
export const acceptedCriterionAnswers = async (
  tx: Tx,
  orgId: string,
  today: string,
  supplierIds?: readonly string[],
): Promise<Map<string, AcceptedAnswers>> => {
  if (supplierIds?.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([a.supplierId], {
      supplierId: a.supplierId,
      assignmentId: a.id,
      templateId: a.templateId,
      templateVersion: tpl.version,
      answers: a.criterionAnswers,
    })
    .from(a)
    .innerJoin(tpl, eq(tpl.id, a.templateId))
    .where(
      and(
        eq(a.orgId, orgId),
        supplierIds ? sql`${a.supplierId} = any(${uuidArray(supplierIds)})` : undefined,
        eq(a.status, 'accepted'),
        sql`${a.validUntil} >= ${today}::date`,
      ),
    )
    .orderBy(a.supplierId, desc(a.acceptedAt));
  return new Map(
    rows.map((r) => [
      r.supplierId,
      {
        assignmentId: r.assignmentId,
        templateId: r.templateId,
        templateVersion: r.templateVersion,
        answers: CriterionAnswersSchema.parse(r.answers),
      },
    ]),
  );
};

/**
 * Locks one assignment row for the rest of the transaction (FOR NO KEY UPDATE: writers of the same assignment
 * queue; readers do not wait). Every write that depends on the assignment's status takes it first.
 */
export const lockAssignment = (tx: Tx, orgId: string, id: string) => lockedRow(tx, { orgId, id });
const lockedRow = fixedSelect<{ id: string }, { orgId: string; id: string }>((tx) =>
  tx
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.orgId, sql.placeholder('orgId')), eq(a.id, sql.placeholder('id'))))
    .for('no key update'),
);

/**
 * Serialises, per supplier, the writes that change which accepted answers count for it: accepting a
 * questionnaire and dealing with an expired one. Each reads the supplier's accepted answers and rescores it,
 * so without this an expiry could read them while an acceptance was under way (not yet committed), then write
 * its rescore (without the new answers) after the acceptance's, leaving the supplier scored as if it had none.
 * Taken after the assignment's own row lock and before the audit chain's, in both (one order, no deadlock).
 * A transaction advisory lock: the suppliers table is not this module's, and it is released however the
 * transaction ends.
 */
export const lockSupplierAnswers = (tx: Tx, orgId: string, supplierId: string) =>
  tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`supplier-answers:${orgId}:${supplierId}`}, 0))`,
  );

/** The supplier of assignment `id`, as a scalar subquery (for the suppliers module's reads by id). */
export const supplierIdOf = (orgId: string, id: string): SQL<string | null> =>
  sql`(select ${a.supplierId} from ${a} where ${a.orgId} = ${orgId} and ${a.id} = ${id})`;

/**
 * lockSupplierAnswers for the supplier of assignment `id`, read in the same statement, so that it can be sent
 * together with the assignment's row lock, before its answer (same key: the organisation's id as given, the
 * supplier's as PostgreSQL writes a uuid, which is how the drivers hand it over). Sent after lockAssignment,
 * it runs once the row lock is held: the supplier read is then the row's, which nobody else can change until
 * this transaction ends. Nothing is locked when the assignment is not there.
 */
export const lockSupplierAnswersOf = (tx: Tx, orgId: string, id: string) =>
  tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`supplier-answers:${orgId}:`} || ${a.supplierId}::text, 0))
      from ${a} where ${a.orgId} = ${orgId} and ${a.id} = ${id}`,
  );

// ---- the schedule's reads (inside one organisation) ------------------------------------------------------

/** Open questionnaires due between `from` and `to` whose links still work: the ones a reminder may be due for. */
export const listRemindable = (tx: Tx, orgId: string, from: string, to: string, now: Date) =>
  tx
    .select({ id: a.id, dueDate: a.dueDate, sentAt: a.sentAt })
    .from(a)
    .where(
      and(
        eq(a.orgId, orgId),
        inArray(a.status, [...OPEN_ASSIGNMENT_STATUSES]),
        sql`${a.dueDate} between ${from} and ${to}`,
        sql`${linkStateSql(now)} = 'live'`,
      ),
    )
    .orderBy(a.dueDate, a.id);

/** Accepted recurring questionnaires not yet re-sent. */
export const listRecurring = (tx: Tx, orgId: string) =>
  tx
    .select({
      id: a.id,
      dueDate: a.dueDate,
      validUntil: a.validUntil,
      recurrence: a.recurrence,
      recurrenceMonths: a.recurrenceMonths,
    })
    .from(a)
    .where(
      and(
        eq(a.orgId, orgId),
        eq(a.status, 'accepted'),
        isNotNull(a.recurrence),
        sql`not exists (select 1 from ${a} n where n.previous_id = ${a.id})`,
      ),
    );

/** Accepted questionnaires whose answers expired before `today` and were not yet dealt with. */
export const listExpiredUnhandled = (tx: Tx, orgId: string, today: string) =>
  tx
    .select({ id: a.id, supplierId: a.supplierId, validUntil: a.validUntil })
    .from(a)
    .where(
      and(eq(a.orgId, orgId), eq(a.status, 'accepted'), lt(a.validUntil, today), isNull(a.expiryHandledAt)),
    );

/** Marks an expiry dealt with; false when another runner did it first. */
export const markExpiryHandled = async (tx: Tx, orgId: string, id: string) =>
  (
    await tx
      .update(a)
      .set({ expiryHandledAt: new Date() })
      .where(and(eq(a.orgId, orgId), eq(a.id, id), isNull(a.expiryHandledAt)))
      .returning({ id: a.id })
  ).length > 0;

/** Which organisations have schedule work (a definer function: the only read across organisations). */
export const scheduleOrgs = async (db: Db, from: string, to: string, today: string) =>
  rowsOf<{ org_id: string }>(
    await db.execute(
      sql`select * from questionnaire_schedule_orgs(${from}::date, ${to}::date, ${today}::date)`,
    ),
  ).map((r) => r.org_id);

/**
 * The share of active suppliers whose accepted answers still count (one statement): each active supplier's
 * latest valid-until among its accepted questionnaires decides whether it is covered, expiring soon, or expired.
 */
export const answerCoverage = async (tx: Tx, orgId: string, today: string, soon: string) => {
  const rows = rowsOf<{ active: number; covered: number; expiring: number; expired: number }>(
    await tx.execute(sql`
      with latest as (
        select s.id, (select max(q.valid_until) from ${a} q
                      where q.org_id = s.org_id and q.supplier_id = s.id and q.status = 'accepted') as until
        from ${suppliers} s where s.org_id = ${orgId} and s.archived_at is null
      )
      select count(*)::int as active,
             (count(*) filter (where until >= ${today}::date))::int as covered,
             (count(*) filter (where until >= ${today}::date and until <= ${soon}::date))::int as expiring,
             (count(*) filter (where until < ${today}::date))::int as expired
      from latest`),
  );
  return rows[0] ?? { active: 0, covered: 0, expiring: 0, expired: 0 };
};

/**
 * The supplier's questionnaire whose link works longest from `now` (not revoked, not expired), if any: the
 * way a message about something else (a remediation task) gives the supplier its portal, which opens on any
 * live link of the supplier.
 */
export const findLiveLinkOfSupplier = async (tx: Tx, orgId: string, supplierId: string, now: Date) => {
  const [row] = await tx
    .select({ id: a.id, linkExpiresAt: a.linkExpiresAt })
    .from(a)
    .where(
      and(
        eq(a.orgId, orgId),
        eq(a.supplierId, supplierId),
        isNull(a.linkRevokedAt),
        gt(a.linkExpiresAt, now),
      ),
    )
    .orderBy(desc(a.linkExpiresAt))
    .limit(1);
  return row?.linkExpiresAt ? { assignmentId: row.id, expiresAt: row.linkExpiresAt } : undefined;
};
