import { z } from 'zod';
import { FindingSchema } from './assignments.js';
import { IdSchema, memberOf, PageQuerySchema, pageOf, requiredText, text } from './common.js';
import { EvidenceFileSchema } from './evidence.js';
import { PortalTokenParamsSchema } from './portal.js';
import { ExpectedRevisionShape, RevisionSchema } from './revision.js';
import { SupplierFilterSchema } from './suppliers.js';

// Remediation tasks (issue 10): a corrective action driven to a verified close. Made from a finding (a
// criterion poorly controlled, a red flag) or by hand. Who may move a task where is one table,
// shared/src/domain/tasks/transitions.ts: the server enforces it and the dashboard reads it.

/**
 * `open → in_progress → pending_verification → closed`; `risk_accepted` (an administrator's decision, with a
 * justification and an expiry after which the task reopens by itself).
 */
export const TASK_STATUSES = [
  'open',
  'in_progress',
  'pending_verification',
  'closed',
  'risk_accepted',
] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES, {
  error: `Choose one of: ${TASK_STATUSES.join(', ')}`,
});
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** The statuses in which the work is not done yet: what the board chases, and what can be overdue. */
export const ACTIVE_TASK_STATUSES = [
  'open',
  'in_progress',
  'pending_verification',
] as const satisfies readonly TaskStatus[];
export type ActiveTaskStatus = (typeof ACTIVE_TASK_STATUSES)[number];
export const isActiveTaskStatus = memberOf(ACTIVE_TASK_STATUSES);

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  pending_verification: 'Pending verification',
  closed: 'Closed (verified)',
  risk_accepted: 'Risk accepted',
};

/** A task's severity is its finding's (low, medium, high, critical: the order of the ratings). */
export const TaskSeveritySchema = z.enum(FindingSchema.shape.severity.options, {
  error: 'Choose a severity: low, medium, high or critical',
});
export type TaskSeverity = z.infer<typeof TaskSeveritySchema>;

/**
 * When a task made from a finding is due, unless the officer says otherwise: days from its creation, by
 * severity (a red flag is critical or high, so it gets the shortest).
 */
export const DEFAULT_DUE_DAYS: Record<TaskSeverity, number> = {
  critical: 14,
  high: 30,
  medium: 60,
  low: 90,
};

/** A day as YYYY-MM-DD (due dates and expiries are days, not instants). */
export const TaskDateSchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });

/** Today as YYYY-MM-DD in UTC: the day the schemas compare "in the future" against. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** The longest a risk may be accepted for: an acceptance is re-decided, never open-ended. */
export const RISK_ACCEPTANCE_MAX_DAYS = 1096;

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Why `until` cannot end a risk acceptance decided on `today`, or undefined when it can. */
export const riskExpiryProblem = (until: string, today: string): string | undefined => {
  if (until <= today) return 'The acceptance must end in the future: choose a day after today';
  if (until > addDays(today, RISK_ACCEPTANCE_MAX_DAYS))
    return 'A risk can be accepted for at most three years: choose an earlier day';
  return undefined;
};

/**
 * Who did something to a task: a signed-in user, an API key, the supplier through its portal link (`id` is the
 * questionnaire assignment whose link was used, as the audit trail names that actor), or the platform itself
 * (the job that reopens an expired risk acceptance).
 */
export const TaskActorRefSchema = z.object({
  type: z.enum(['user', 'api_key', 'supplier_link', 'system']),
  id: IdSchema.nullable(),
  /** A name to show (the user's name, the key's, "Supplier"), or null when it no longer exists. */
  label: z.string().nullable(),
});
export type TaskActorRef = z.infer<typeof TaskActorRefSchema>;

/** An administrator's acceptance of the risk: why, and until when (after that day the task reopens by itself). */
export const RiskAcceptanceSchema = z.object({
  justification: z.string(),
  /** The last day the acceptance holds (YYYY-MM-DD); the day after, the task is open again. */
  until: z.string(),
  acceptedBy: TaskActorRefSchema,
  acceptedAt: z.string(),
});
export type RiskAcceptance = z.infer<typeof RiskAcceptanceSchema>;

/** A remediation task as the API returns it. */
export const TaskSchema = z.object({
  id: IdSchema,
  supplierId: IdSchema,
  supplierName: z.string(),
  /** The finding it was made from; null for a task made by hand. */
  findingId: IdSchema.nullable(),
  /** The policy criterion or red-flag key it addresses (the finding's key), if any. */
  criterion: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  severity: TaskSeveritySchema,
  /** The user who answers for it (reminded, escalated); null while unassigned. */
  ownerId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  /** Past its due date and not done (closed or risk accepted tasks are never overdue). */
  overdue: z.boolean(),
  /** Shown to the supplier in its portal, where it may comment, upload evidence and mark it done. */
  supplierVisible: z.boolean(),
  status: TaskStatusSchema,
  /** Who moved it to pending_verification, and when: that actor may not also verify it. */
  submittedForVerification: z.object({ by: TaskActorRefSchema, at: z.string() }).nullable(),
  riskAcceptance: RiskAcceptanceSchema.nullable(),
  closed: z.object({ by: TaskActorRefSchema, at: z.string() }).nullable(),
  createdBy: TaskActorRefSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: RevisionSchema,
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskPageSchema = pageOf(TaskSchema);

const TitleSchema = requiredText(200, 'Title');
const DescriptionSchema = text(5000, { multiline: true });

/**
 * `POST /api/tasks`: a task made by hand, or from a finding (with `findingId`). By hand, `supplierId`,
 * `title`, `severity` and `dueDate` are required. From a finding, the supplier, criterion and severity are the
 * finding's (sending them is refused, so nobody believes they changed them); title and description default to
 * the finding's, the due date to DEFAULT_DUE_DAYS by severity. One object rather than a union, so that a form
 * gets one message per field.
 */
export const TaskCreateSchema = z
  .object({
    findingId: IdSchema.optional(),
    supplierId: IdSchema.optional(),
    title: TitleSchema.optional(),
    description: DescriptionSchema.optional(),
    severity: TaskSeveritySchema.optional(),
    /** A policy criterion or red-flag key this task addresses, if any (from a finding: the finding's key). */
    criterion: text(64).nullish(),
    ownerId: IdSchema.nullish(),
    dueDate: TaskDateSchema.optional(),
    supplierVisible: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.findingId) {
      for (const field of ['supplierId', 'severity', 'criterion'] as const)
        if (c[field] != null) issue(field, 'Comes from the finding: leave it out');
      return;
    }
    if (!c.supplierId) issue('supplierId', 'Choose the supplier');
    if (c.title === undefined) issue('title', 'Title is required');
    if (!c.severity) issue('severity', 'Choose a severity');
    if (!c.dueDate) issue('dueDate', 'Choose a due date');
  });
export type TaskCreate = z.infer<typeof TaskCreateSchema>;

/**
 * `PATCH /api/tasks/:id`: the fields an officer edits (status moves through the transition endpoint). A stale
 * `revision` (or If-Match) answers 409.
 */
export const TaskUpdateSchema = z
  .object({
    title: TitleSchema,
    description: DescriptionSchema,
    severity: TaskSeveritySchema,
    /** null: unassign. */
    ownerId: IdSchema.nullable(),
    dueDate: TaskDateSchema,
    supplierVisible: z.boolean(),
  })
  .partial()
  .extend(ExpectedRevisionShape)
  .refine(
    (u) => Object.keys(u).some((k) => k !== 'revision'),
    'Change at least one field: title, description, severity, owner, due date or supplier visibility',
  );
export type TaskUpdate = z.infer<typeof TaskUpdateSchema>;

/** Bulk actions on a board selection: assign an owner, set a due date. */
export const TaskBulkUpdateSchema = z
  .object({
    ids: z
      .array(IdSchema.toLowerCase())
      .min(1, 'Select at least one task')
      .max(200, 'At most 200 tasks at once')
      .refine((ids) => new Set(ids).size === ids.length, 'Each task at most once'),
    ownerId: IdSchema.nullable().optional(),
    dueDate: TaskDateSchema.optional(),
  })
  .refine((b) => b.ownerId !== undefined || b.dueDate !== undefined, 'Choose an owner or a due date to set');
export type TaskBulkUpdate = z.infer<typeof TaskBulkUpdateSchema>;

const CommentTextSchema = text(5000, { multiline: true });

/**
 * `POST /api/tasks/:id/transition`. Which moves need `comment` (reopening, sending back from verification)
 * and which need `justification` and `riskAcceptedUntil` (accepting the risk) is the transitions table's to
 * say; this schema checks what it can alone: the form of each field, and an expiry in the future.
 */
export const TaskTransitionSchema = z
  .object({
    to: TaskStatusSchema,
    comment: CommentTextSchema.optional(),
    /** Why the risk is accepted rather than fixed (to = risk_accepted). */
    justification: text(5000, { multiline: true }).optional(),
    /** The last day the acceptance holds (to = risk_accepted): after it, the task reopens by itself. */
    riskAcceptedUntil: TaskDateSchema.optional(),
    ...ExpectedRevisionShape,
  })
  .superRefine((t, ctx) => {
    if (t.to !== 'risk_accepted') return;
    if (!t.justification)
      ctx.addIssue({
        code: 'custom',
        path: ['justification'],
        message: 'Explain why the risk is accepted rather than fixed',
      });
    if (!t.riskAcceptedUntil)
      ctx.addIssue({
        code: 'custom',
        path: ['riskAcceptedUntil'],
        message: 'Choose the day the acceptance ends: after it, the task reopens',
      });
    else {
      const problem = riskExpiryProblem(t.riskAcceptedUntil, todayUtc());
      if (problem) ctx.addIssue({ code: 'custom', path: ['riskAcceptedUntil'], message: problem });
    }
  });
export type TaskTransition = z.infer<typeof TaskTransitionSchema>;

/** `POST /api/tasks/:id/comments` (and the portal's). */
export const TaskCommentCreateSchema = z.object({
  body: CommentTextSchema.min(1, 'Write a comment'),
});
export type TaskCommentCreate = z.infer<typeof TaskCommentCreateSchema>;

export const TaskCommentSchema = z.object({
  id: IdSchema,
  taskId: IdSchema,
  author: TaskActorRefSchema,
  body: z.string(),
  createdAt: z.string(),
});
export type TaskComment = z.infer<typeof TaskCommentSchema>;

/** A file given as evidence for a task (by staff, or by the supplier through its portal link). */
export const TaskEvidenceFileSchema = EvidenceFileSchema.omit({ questionId: true }).extend({
  taskId: IdSchema,
  uploadedBy: TaskActorRefSchema,
});
export type TaskEvidenceFile = z.infer<typeof TaskEvidenceFileSchema>;

/** `GET /api/tasks/:id`: the task with its thread (oldest first) and its evidence. */
export const TaskDetailSchema = TaskSchema.extend({
  comments: z.array(TaskCommentSchema),
  evidence: z.array(TaskEvidenceFileSchema),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

/**
 * The supplier-side filters a board can carry over from a filtered dashboard: the register's tag, country, tier
 * and good, with the register's own rules (the dashboard's filters, DashboardQuerySchema). A task matches when
 * its supplier does (and, as on the dashboard, is not archived).
 */
export const TaskSupplierFilterSchema = SupplierFilterSchema.pick({
  tag: true,
  country: true,
  tier: true,
  good: true,
});
export type TaskSupplierFilter = z.infer<typeof TaskSupplierFilterSchema>;
export const TASK_SUPPLIER_FILTER_KEYS = TaskSupplierFilterSchema.keyof().options;

/** Whether a YYYY-MM-DD day is a Monday (UTC): the first day of an ISO week. */
export const isWeekStart = (day: string): boolean => new Date(`${day}T00:00:00Z`).getUTCDay() === 1;

/**
 * A week of the dashboard's burn-down, named by its Monday (YYYY-MM-DD): ISO weeks, Monday 00:00 to the next
 * Monday 00:00 UTC, the weeks `DashboardSummary.burnDown` counts in.
 */
export const TaskWeekSchema = TaskDateSchema.refine(
  isWeekStart,
  'Use the Monday that starts the week, as YYYY-MM-DD',
);

/**
 * The burn-down's week filters, exactly as the dashboard counts a week (dashboard.repo's `burn`): opened, the
 * task was created in that week; closed, it is closed (verified) now and was closed in that week (a reopened
 * task no longer counts as closed). Either limits the list to current (not archived) suppliers' tasks, as the
 * dashboard does.
 */
export const TaskWeekFilterSchema = z.object({
  openedWeek: TaskWeekSchema.optional().meta({
    description:
      'Tasks created in the ISO week starting this Monday (YYYY-MM-DD, UTC): a burn-down "opened" bar. Only tasks of current (not archived) suppliers, as the dashboard counts them.',
  }),
  closedWeek: TaskWeekSchema.optional().meta({
    description:
      'Tasks closed (verified) in the ISO week starting this Monday (YYYY-MM-DD, UTC) and still closed: a burn-down "closed" bar. Only tasks of current (not archived) suppliers, as the dashboard counts them.',
  }),
});
export type TaskWeekFilter = z.infer<typeof TaskWeekFilterSchema>;

/** `GET /api/tasks`: the board's filters. `ownerId=none` lists the unassigned. */
export const TasksQuerySchema = PageQuerySchema.extend(TaskSupplierFilterSchema.shape).extend({
  supplierId: IdSchema.optional(),
  findingId: IdSchema.optional(),
  severity: TaskSeveritySchema.optional(),
  ownerId: z
    .string()
    .refine(
      (v) => v === 'none' || IdSchema.safeParse(v).success,
      "Use a user id, or 'none' for unassigned tasks",
    )
    .optional(),
  status: TaskStatusSchema.optional(),
  overdue: z.enum(['true', 'false'], { error: "Use 'true' or 'false'" }).optional(),
  ...TaskWeekFilterSchema.shape,
});
export type TasksQuery = z.infer<typeof TasksQuerySchema>;

/** `GET /api/tasks/:id/evidence/:fileId`. */
export const TaskEvidenceParamsSchema = z.object({ id: IdSchema, fileId: IdSchema });

/** `POST /api/tasks/bulk`: the tasks of the selection as they are after the change. */
export const TaskBulkResultSchema = z.object({ items: z.array(TaskSchema) });
export type TaskBulkResult = z.infer<typeof TaskBulkResultSchema>;

// The supplier's view through its portal link. It sees only its own supplier-visible tasks, and of them what
// it needs to act: no owner, no staff names (staff comments are signed with the organisation's name), no risk
// acceptance justification, no internal reasons for moves, and only the evidence it uploaded itself.

/** A comment in the portal: by the supplier, or by the organisation (never a member's name). */
export const PortalTaskCommentSchema = z.object({
  id: IdSchema,
  author: z.enum(['supplier', 'organisation']),
  /** The supplier's name or the organisation's. */
  authorLabel: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type PortalTaskComment = z.infer<typeof PortalTaskCommentSchema>;

/** A task as the supplier sees it. */
export const PortalTaskSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  severity: TaskSeveritySchema,
  dueDate: z.string(),
  overdue: z.boolean(),
  status: TaskStatusSchema,
  /** Whether "mark done" is open to the supplier now (open or in progress). */
  canMarkDone: z.boolean(),
  comments: z.array(PortalTaskCommentSchema),
  /** The files the supplier uploaded for it. */
  evidence: z.array(EvidenceFileSchema.omit({ questionId: true })),
  updatedAt: z.string(),
});
export type PortalTask = z.infer<typeof PortalTaskSchema>;

/** `GET /api/portal/:token/tasks`: most urgent first (overdue, then by due date). */
export const PortalTasksSchema = z.object({
  organisation: z.string(),
  supplierName: z.string(),
  items: z.array(PortalTaskSchema),
});
export type PortalTasks = z.infer<typeof PortalTasksSchema>;

/** `/api/portal/:token/tasks/:id/…`. */
export const PortalTaskParamsSchema = PortalTokenParamsSchema.extend({ id: IdSchema });
