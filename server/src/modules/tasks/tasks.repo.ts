import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import {
  ACTIVE_TASK_STATUSES,
  type TaskSupplierFilter,
  type TasksQuery,
  type TaskWeekFilter,
} from '#shared/schemas/tasks.js';
import type { Tx } from '../../db/client.js';
import { fixedSelect } from '../../db/fixed.js';
import { atRevision, nextRevision } from '../../db/revision.js';
import { remediationTasks as t } from '../../db/schema/tasks.js';
import { apiKeyNameById } from '../api-keys/api-keys.repo.js';
import { supplierFilter, supplierIdsWhere, supplierNameById } from '../suppliers/suppliers.repo.js';
import { userNameById } from '../users/users.repo.js';

// The remediation_tasks table: only this file reads or writes it (STYLE §5). Names of the supplier and the
// people a task mentions come from their owning modules' "name by id" subqueries, in the same statement.

export type TaskInsert = typeof t.$inferInsert;

const taskColumns = {
  ...getTableColumns(t),
  supplierName: sql<string>`coalesce(${supplierNameById(sql`${t.supplierId}`)}, '')`,
  ownerName: userNameById(sql`${t.ownerId}`),
  submittedByName: sql<string | null>`coalesce(${userNameById(sql`${t.submittedByUserId}`)}, ${apiKeyNameById(
    sql`${t.submittedByApiKeyId}`,
  )})`,
  riskAcceptedByName: userNameById(sql`${t.riskAcceptedBy}`),
  closedByName: userNameById(sql`${t.closedBy}`),
  createdByName: userNameById(sql`${t.createdBy}`),
};

export type TaskRow = typeof t.$inferSelect & {
  supplierName: string;
  ownerName: string | null;
  submittedByName: string | null;
  riskAcceptedByName: string | null;
  closedByName: string | null;
  createdByName: string | null;
};

const ACTIVE = [...ACTIVE_TASK_STATUSES];

/** Past its due date on `today` and not done: the board's red flag and the reminders' list. */
export const overdueSql = (today: string): SQL<boolean> =>
  sql<boolean>`(${t.status} in ('open', 'in_progress', 'pending_verification') and ${t.dueDate} < ${today}::date)`;

const select = (tx: Tx) => tx.select(taskColumns).from(t);

/** A task's title by id, as a scalar subquery (the audit list names task events by it). */
export const taskTitleById = (id: SQL): SQL<string | null> =>
  sql`(select ${t.title} from ${t} where ${t.id} = ${id})`;

export const findTask = async (tx: Tx, orgId: string, id: string, { lock = false } = {}) => {
  const q = select(tx)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: t }) : await q;
  return row as TaskRow | undefined;
};

export const findTaskByFinding = async (tx: Tx, orgId: string, findingId: string) => {
  const [row] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.findingId, findingId)))
    .limit(1);
  return row;
};

/** Several tasks of the organisation, locked (bulk actions: all or nothing). */
export const findTasks = async (tx: Tx, orgId: string, ids: string[]) =>
  (await select(tx)
    .where(and(eq(t.orgId, orgId), inArray(t.id, ids)))
    .orderBy(asc(t.id))
    .for('update', { of: t })) as TaskRow[];

export const insertTask = async (tx: Tx, values: TaskInsert) => {
  const [row] = await tx.insert(t).values(values).returning({ id: t.id });
  return row!.id;
};

/** The guarded write: matches nothing once another write has bumped the revision (the caller's 409). */
export const updateTask = async (
  tx: Tx,
  orgId: string,
  id: string,
  revision: number,
  values: Partial<TaskInsert>,
): Promise<boolean> => {
  const rows = await tx
    .update(t)
    .set({ ...values, updatedAt: new Date(), revision: nextRevision(t.revision) })
    .where(and(eq(t.orgId, orgId), eq(t.id, id), atRevision(t.revision, revision)))
    .returning({ id: t.id });
  return rows.length > 0;
};

export interface TaskFilter extends TaskSupplierFilter, TaskWeekFilter {
  orgId: string;
  supplierId?: string | undefined;
  findingId?: string | undefined;
  severity?: string | undefined;
  ownerId?: string | undefined;
  status?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  /** Only tasks shown to the supplier (the portal). */
  supplierVisible?: boolean;
}

/**
 * `at` within the week starting on Monday `week` (a UTC day), as dashboard.repo's burn-down buckets it
 * (`date_trunc('week', at at time zone 'UTC')`): a range on the column, so its index may serve.
 */
const inWeek = (at: typeof t.createdAt | typeof t.closedAt, week: string): SQL =>
  sql`(${at} >= ${week}::timestamp at time zone 'UTC' and ${at} < (${week}::date + 7)::timestamp at time zone 'UTC')`;

const whereOf = (f: TaskFilter, today: string) => {
  const w: (SQL | undefined)[] = [eq(t.orgId, f.orgId)];
  if (f.supplierId) w.push(eq(t.supplierId, f.supplierId));
  if (f.findingId) w.push(eq(t.findingId, f.findingId));
  if (f.severity) w.push(eq(t.severity, f.severity as TaskRow['severity']));
  if (f.ownerId === 'none') w.push(isNull(t.ownerId));
  else if (f.ownerId) w.push(eq(t.ownerId, f.ownerId));
  if (f.status) w.push(eq(t.status, f.status as TaskRow['status']));
  if (f.overdue === 'true') w.push(overdueSql(today));
  if (f.overdue === 'false') w.push(sql`not ${overdueSql(today)}`);
  if (f.supplierVisible) w.push(eq(t.supplierVisible, true));
  // The burn-down's weeks (TaskWeekFilterSchema): a closure counts while the task is still closed.
  if (f.openedWeek) w.push(inWeek(t.createdAt, f.openedWeek));
  if (f.closedWeek) w.push(and(eq(t.status, 'closed'), inWeek(t.closedAt, f.closedWeek)));
  // The dashboard's filters: the supplier list's own WHERE (not archived, as the dashboard counts). A week
  // filter is a dashboard figure too, so it counts current suppliers' tasks only even without them.
  if (f.tag || f.country || f.tier || f.good || f.openedWeek || f.closedWeek) {
    const { tag, country, tier, good } = f;
    const suppliers = supplierFilter(f.orgId, { tag, country, tier, good, archived: 'false' });
    w.push(sql`${t.supplierId} in ${supplierIdsWhere(suppliers)}`);
  }
  return and(...w);
};

/**
 * The board's two statements, unexecuted: the page (overdue first, then by due date, soonest first, then the
 * most severe, then oldest) and its count. Exported so the bench can send the very same SQL raw.
 */
export const taskListQueries = (
  tx: Tx,
  f: TaskFilter,
  page: Pick<TasksQuery, 'limit' | 'offset'>,
  today: string,
) => {
  const where = whereOf(f, today);
  return {
    items: select(tx)
      .where(where)
      .orderBy(
        desc(overdueSql(today)),
        asc(t.dueDate),
        sql`array_position(array['critical','high','medium','low'], ${t.severity})`,
        asc(t.createdAt),
        asc(t.id),
      )
      .limit(page.limit)
      .offset(page.offset),
    total: tx.select({ n: count() }).from(t).where(where),
  };
};

// The board's statements for filters without the supplier list's (tag, country, tier, good), by which
// filters are set: built once each (fixedSelect, every value a placeholder) and then only run. The board is
// the most requested list; building its two statements again on every request cost more CPU than
// PostgreSQL spent running them for a supplier's few tasks (issue 10's bench).
type BoardValues = Record<string, unknown>;
const boards = new Map<
  string,
  {
    items: (tx: Tx, v: BoardValues) => Promise<TaskRow[]>;
    total: (tx: Tx, v: BoardValues) => Promise<{ n: number }[]>;
  }
>();
const placeholderFilter = (f: TaskFilter) => {
  const p = (name: string) => sql.placeholder(name) as unknown as string;
  return {
    orgId: p('orgId'),
    supplierId: f.supplierId && p('supplierId'),
    findingId: f.findingId && p('findingId'),
    severity: f.severity && p('severity'),
    // 'none' picks another predicate (is null), so it is part of the shape, not a value.
    ownerId: f.ownerId === 'none' ? 'none' : f.ownerId && p('ownerId'),
    status: f.status && p('status'),
    overdue: f.overdue,
    supplierVisible: f.supplierVisible,
    openedWeek: f.openedWeek && p('openedWeek'),
    closedWeek: f.closedWeek && p('closedWeek'),
  } satisfies TaskFilter;
};
const boardOf = (f: TaskFilter) => {
  const shape = placeholderFilter(f);
  const key = JSON.stringify(shape);
  let board = boards.get(key);
  if (!board) {
    const built = (tx: Tx) =>
      taskListQueries(
        tx,
        shape,
        {
          limit: sql.placeholder('limit') as unknown as number,
          offset: sql.placeholder('offset') as unknown as number,
        },
        sql.placeholder('today') as unknown as string,
      );
    board = {
      items: fixedSelect<TaskRow, BoardValues>((tx) => built(tx).items),
      total: fixedSelect<{ n: number }, BoardValues>((tx) => built(tx).total),
    };
    boards.set(key, board);
  }
  return board;
};

/** The board: one page of tasks and how many match. */
export const listTasks = async (
  tx: Tx,
  f: TaskFilter,
  page: Pick<TasksQuery, 'limit' | 'offset'>,
  today: string,
) => {
  if (f.tag || f.country || f.tier || f.good) {
    const q = taskListQueries(tx, f, page, today);
    const [items, [total]] = await Promise.all([q.items, q.total]);
    return { items: items as TaskRow[], total: total?.n ?? 0 };
  }
  const board = boardOf(f);
  const values = { ...f, ...page, today };
  const [items, [total]] = await Promise.all([board.items(tx, values), board.total(tx, values)]);
  return { items, total: total?.n ?? 0 };
};

/** Every task of the organisation overdue on `today` (for reminders), soonest-due first. */
export const listOverdue = async (tx: Tx, orgId: string, today: string) =>
  (await select(tx)
    .where(and(eq(t.orgId, orgId), inArray(t.status, ACTIVE), lt(t.dueDate, today)))
    .orderBy(asc(t.dueDate), asc(t.id))) as TaskRow[];

/** Risk-accepted tasks whose acceptance ran out before `today` (the expiry job reopens them). */
export const listExpiredRiskAcceptances = (tx: Tx, orgId: string, today: string) =>
  tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.status, 'risk_accepted'), lt(t.riskAcceptedUntil, today)))
    .orderBy(asc(t.riskAcceptedUntil), asc(t.id));
