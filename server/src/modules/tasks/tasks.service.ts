import type { Changes } from '#shared/schemas/audit.js';
import {
  DEFAULT_DUE_DAYS,
  type Task,
  type TaskBulkUpdate,
  type TaskCreate,
  type TaskDetail,
  type TasksQuery,
  type TaskUpdate,
  todayUtc,
} from '#shared/schemas/tasks.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { isUniqueViolation } from '../../lib/pg-errors.js';
import { checkRevision, staleRevision } from '../../lib/revision.js';
import type { FindingRow } from '../assignments/findings.repo.js';
import { findFinding } from '../assignments/findings.repo.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { UsersRepo } from '../users/users.repo.js';
import { checkEditable, checkOwner } from './tasks.checks.js';
import { taskActorOf, toComment, toEvidenceFile, toTask } from './tasks.mapping.js';
import * as repo from './tasks.repo.js';
import { listComments, listEvidence } from './tasks-thread.repo.js';

/** The suggested action for a finding (the policy's remediation text for its criterion or red flag), if any. */
export type SuggestionOf = (tx: Tx, orgId: string, finding: FindingRow) => Promise<string | undefined>;

export interface TasksDeps {
  db: Db;
  suppliers: Pick<SuppliersRepo, 'findSupplier'>;
  users: Pick<UsersRepo, 'findMember'>;
  suggestionOf?: SuggestionOf;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The task as it is now, with its thread and evidence. */
export const loadDetail = async (tx: Tx, orgId: string, id: string, today = todayUtc()) => {
  const row = await repo.findTask(tx, orgId, id);
  if (!row) throw notFound('Task', id);
  const [comments, evidence] = await Promise.all([listComments(tx, orgId, id), listEvidence(tx, orgId, id)]);
  return {
    ...toTask(row, today),
    comments: comments.map((c) => toComment(c, row.supplierName)),
    evidence: evidence.map((e) => toEvidenceFile(e, row.supplierName)),
  } satisfies TaskDetail;
};

/** 409 for a second task of the same finding, with the existing one (its id) as `current`. */
const taskExists = async (tx: Tx, orgId: string, findingId: string, id: string) => {
  const existing = await repo.findTask(tx, orgId, id);
  const message = `A task already exists for this finding (${id}): open it instead of making a second one`;
  return new AppError(
    'conflict',
    message,
    [{ path: 'findingId', message }],
    existing ? toTask(existing) : { id, revision: 0, findingId },
  );
};

const EDITABLE = ['title', 'description', 'severity', 'ownerId', 'dueDate', 'supplierVisible'] as const;

/** The fields `input` changes on `row`, as the audit trail records them. */
const changesOf = (row: repo.TaskRow, input: Partial<Pick<TaskUpdate, (typeof EDITABLE)[number]>>) => {
  const changes: Changes = {};
  for (const k of EDITABLE) {
    const v = input[k];
    if (v !== undefined && v !== row[k]) changes[k] = { from: row[k], to: v };
  }
  return changes;
};

const valuesOf = (changes: Changes) =>
  Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to])) as Partial<repo.TaskInsert>;

/** Remediation tasks for staff: the board, one task, making and editing tasks, bulk actions. */
export const createTasksService = ({ db, suppliers, users, suggestionOf }: TasksDeps) => {
  const fromFinding = async (tx: Tx, ctx: RequestCtx, input: TaskCreate, findingId: string) => {
    const finding = await findFinding(tx, ctx.orgId, findingId);
    if (!finding) throw unprocessable(`Finding ${findingId} was not found`, 'findingId');
    const existing = await repo.findTaskByFinding(tx, ctx.orgId, findingId);
    if (existing) throw await taskExists(tx, ctx.orgId, findingId, existing.id);
    const suggestion = suggestionOf ? await suggestionOf(tx, ctx.orgId, finding) : undefined;
    return {
      supplierId: finding.supplierId,
      findingId,
      criterion: finding.key,
      severity: finding.severity,
      title: input.title ?? finding.title.slice(0, 200),
      // A finding's detail quotes its questions in full: cut to what a task's description may hold.
      description: input.description ?? suggestion ?? finding.detail.slice(0, 5000),
      dueDate: input.dueDate ?? addDays(todayUtc(), DEFAULT_DUE_DAYS[finding.severity]),
    };
  };

  const byHand = async (tx: Tx, ctx: RequestCtx, input: TaskCreate) => {
    const supplierId = input.supplierId!;
    const supplier = await suppliers.findSupplier(tx, ctx.orgId, supplierId);
    if (!supplier) throw unprocessable(`Supplier ${supplierId} was not found`, 'supplierId');
    // An archived supplier is out of the programme: restore it before asking it for corrective action.
    if (supplier.archivedAt)
      throw unprocessable(`${supplier.name} is archived: restore it before giving it a task`, 'supplierId');
    return {
      supplierId,
      findingId: null,
      criterion: input.criterion ?? null,
      severity: input.severity!,
      title: input.title!,
      description: input.description ?? '',
      dueDate: input.dueDate!,
    };
  };

  return {
    async list(ctx: RequestCtx, q: TasksQuery) {
      requireRole(ctx, 'executive');
      const today = todayUtc();
      // One supplier's tasks (its page, and the board filtered to it) are found through its index whatever
      // the values: generic plans. Other filters are left to PostgreSQL's planning per value.
      const page = await withTenant(
        db,
        ctx.orgId,
        (tx) => repo.listTasks(tx, { ...q, orgId: ctx.orgId }, q, today),
        { genericPlans: Boolean(q.supplierId) },
      );
      return {
        items: page.items.map((r) => toTask(r, today)),
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      };
    },

    async get(ctx: RequestCtx, id: string): Promise<TaskDetail> {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, (tx) => loadDetail(tx, ctx.orgId, id));
    },

    /** By hand, or from a finding (one task per finding: a second answers 409 with the first). */
    async create(ctx: RequestCtx, input: TaskCreate): Promise<Task> {
      requireRole(ctx, 'officer');
      try {
        return await withTenant(db, ctx.orgId, async (tx) => {
          const base = input.findingId
            ? await fromFinding(tx, ctx, input, input.findingId)
            : await byHand(tx, ctx, input);
          await checkOwner(tx, users, ctx.orgId, input.ownerId);
          const values = {
            ...base,
            orgId: ctx.orgId,
            ownerId: input.ownerId ?? null,
            supplierVisible: input.supplierVisible,
            createdBy: ctx.userId,
          };
          const id = await repo.insertTask(tx, values);
          await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
            action: 'task.created',
            entityType: 'task',
            entityId: id,
            payload: {
              supplierId: values.supplierId,
              findingId: values.findingId,
              criterion: values.criterion,
              title: values.title,
              severity: values.severity,
              ownerId: values.ownerId,
              dueDate: values.dueDate,
              supplierVisible: values.supplierVisible,
            },
          });
          return toTask((await repo.findTask(tx, ctx.orgId, id))!);
        });
      } catch (err) {
        // Two officers made a task of the same finding at once: the second learns of the first.
        if (input.findingId && isUniqueViolation(err)) {
          const findingId = input.findingId;
          throw await withTenant(db, ctx.orgId, async (tx) => {
            const existing = await repo.findTaskByFinding(tx, ctx.orgId, findingId);
            return existing ? taskExists(tx, ctx.orgId, findingId, existing.id) : err;
          });
        }
        throw err;
      }
    },

    /** Changes the fields sent; a stale `expected` revision answers 409 with the task as it is now. */
    async update(ctx: RequestCtx, id: string, input: TaskUpdate, expected?: number): Promise<Task> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        const today = todayUtc();
        const row = await repo.findTask(tx, ctx.orgId, id, { lock: true });
        if (!row) throw notFound('Task', id);
        checkRevision('task', expected, toTask(row, today));
        checkEditable(row, taskActorOf(ctx));
        const changes = changesOf(row, input);
        if (Object.keys(changes).length === 0) return toTask(row, today);
        if ('ownerId' in changes) await checkOwner(tx, users, ctx.orgId, input.ownerId);
        if (!(await repo.updateTask(tx, ctx.orgId, id, row.revision, valuesOf(changes))))
          throw staleRevision('task', toTask((await repo.findTask(tx, ctx.orgId, id)) ?? row, today));
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'task.updated',
          entityType: 'task',
          entityId: id,
          payload: { changes },
        });
        return toTask((await repo.findTask(tx, ctx.orgId, id))!, today);
      });
    },

    /**
     * Sets the owner and/or due date of a selection: all of them or none (an unknown id, another
     * organisation's, or a task that is done refuses the whole selection, naming each one). One audit event
     * per task changed.
     */
    async bulkUpdate(ctx: RequestCtx, input: TaskBulkUpdate): Promise<{ items: Task[] }> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        const today = todayUtc();
        const rows = await repo.findTasks(tx, ctx.orgId, input.ids);
        const byId = new Map(rows.map((r) => [r.id, r]));
        const missing = input.ids.flatMap((id, i) => (byId.has(id) ? [] : [{ id, i }]));
        if (missing.length > 0)
          throw new AppError(
            'not_found',
            `${missing.length === 1 ? `Task ${missing[0]!.id} was` : `${missing.length} of the tasks were`} not found: nothing was changed`,
            missing.map(({ id, i }) => ({ path: `ids.${i}`, message: `Task ${id} was not found` })),
          );
        const actor = taskActorOf(ctx);
        input.ids.forEach((id, i) => {
          checkEditable(byId.get(id)!, actor, `ids.${i}`);
        });
        await checkOwner(tx, users, ctx.orgId, input.ownerId);
        const items: Task[] = [];
        for (const id of input.ids) {
          const row = byId.get(id)!;
          const changes = changesOf(row, { ownerId: input.ownerId, dueDate: input.dueDate });
          if (Object.keys(changes).length > 0) {
            // The rows are locked: the guarded write cannot miss.
            await repo.updateTask(tx, ctx.orgId, id, row.revision, valuesOf(changes));
            await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
              action: 'task.updated',
              entityType: 'task',
              entityId: id,
              payload: { changes, bulk: true },
            });
          }
          items.push(toTask((await repo.findTask(tx, ctx.orgId, id))!, today));
        }
        return { items };
      });
    },
  };
};

export type TasksService = ReturnType<typeof createTasksService>;
