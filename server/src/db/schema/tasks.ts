import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { TASK_STATUSES, type TaskSeverity } from '#shared/schemas/tasks.js';
import { apiKeys } from './api-keys.js';
import { findings, questionnaireAssignments } from './assignments.js';
import { organizations } from './orgs.js';
import { revisionColumn } from './revision.js';
import { suppliers } from './suppliers.js';
import { memberships, users } from './users.js';

// Remediation tasks (issue 10): who may move a task where is shared/src/domain/tasks/transitions.ts; these
// tables keep what the rules read (status, supplier visibility, who marked it done) and what they decided.
//
// An actor is recorded as one of three nullable columns, each with its own foreign key: a user
// (`*_user_id`), an API key (`*_api_key_id`), or the supplier through its portal link (`*_link_id`: the
// questionnaire assignment whose link was used, the id the audit trail gives a `supplier_link` actor; the
// link itself rotates with every reminder, the assignment does not). All three null is the platform itself.
// Four eyes compares these (kind and id), so a user can never pass for the supplier or the other way round.

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const satisfies readonly TaskSeverity[];

/** The SQL list of a TS tuple, for CHECK constraints. */
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A corrective action for one supplier (tenant-owned), made from a finding or by hand. At most one task per
 * finding. Updated in place (status, fields) under its revision; every change is audited by the service.
 */
export const remediationTasks = pgTable(
  'remediation_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    /** The finding it was made from; null for a task made by hand. */
    findingId: uuid('finding_id').references(() => findings.id),
    /** The policy criterion or red-flag key it addresses (the finding's key), if any. */
    criterion: text('criterion'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    /** A member of the organisation (its key goes to memberships, so never someone outside it). */
    ownerId: uuid('owner_id'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    supplierVisible: boolean('supplier_visible').notNull().default(false),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
    /** Who moved it to pending_verification (one of the three, see above): that actor may not close it. */
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    submittedByApiKeyId: uuid('submitted_by_api_key_id'),
    submittedByLinkId: uuid('submitted_by_link_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** An administrator's acceptance of the risk: why, the last day it holds, who, when. */
    riskAcceptanceJustification: text('risk_acceptance_justification'),
    riskAcceptedUntil: date('risk_accepted_until', { mode: 'string' }),
    riskAcceptedBy: uuid('risk_accepted_by').references(() => users.id),
    riskAcceptedAt: timestamp('risk_accepted_at', { withTimezone: true }),
    /** Who verified and closed it (a person other than the submitter), and when. */
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Null when an API key created it (the audit trail names the key). */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    revision: revisionColumn(),
  },
  // Same-organisation keys, as in migration 0025: each reference to another tenant-owned row carries org_id.
  (t) => [
    unique('remediation_tasks_id_org_uq').on(t.id, t.orgId),
    foreignKey({
      name: 'remediation_tasks_supplier_same_org_fk',
      columns: [t.supplierId, t.orgId],
      foreignColumns: [suppliers.id, suppliers.orgId],
    }),
    foreignKey({
      name: 'remediation_tasks_finding_same_org_fk',
      columns: [t.findingId, t.orgId],
      foreignColumns: [findings.id, findings.orgId],
    }),
    foreignKey({
      name: 'remediation_tasks_owner_member_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }),
    foreignKey({
      name: 'remediation_tasks_submitted_api_key_same_org_fk',
      columns: [t.submittedByApiKeyId, t.orgId],
      foreignColumns: [apiKeys.id, apiKeys.orgId],
    }),
    foreignKey({
      name: 'remediation_tasks_submitted_link_same_org_fk',
      columns: [t.submittedByLinkId, t.orgId],
      foreignColumns: [questionnaireAssignments.id, questionnaireAssignments.orgId],
    }),
    uniqueIndex('remediation_tasks_finding_uq').on(t.findingId),
    // The board: by status and due date (columns, overdue), by supplier, by owner.
    index('remediation_tasks_org_status_due_idx').on(t.orgId, t.status, t.dueDate),
    index('remediation_tasks_org_supplier_idx').on(t.orgId, t.supplierId, t.status),
    index('remediation_tasks_org_owner_idx').on(t.orgId, t.ownerId, t.dueDate),
    // The jobs' scans across organisations: overdue reminders, and risk acceptances that run out.
    index('remediation_tasks_status_due_idx').on(t.status, t.dueDate),
    index('remediation_tasks_risk_expiry_idx')
      .on(t.riskAcceptedUntil)
      .where(sql`${t.status} = 'risk_accepted'`),
    check('remediation_tasks_status_ck', sql`${t.status} in (${inList(TASK_STATUSES)})`),
    check('remediation_tasks_severity_ck', sql`${t.severity} in (${inList(SEVERITIES)})`),
    // One submitter at most; exactly one, with its time, while the task waits for verification.
    check(
      'remediation_tasks_submitter_ck',
      sql`num_nonnulls(${t.submittedByUserId}, ${t.submittedByApiKeyId}, ${t.submittedByLinkId}) <= 1
        and (${t.status} <> 'pending_verification' or (${t.submittedAt} is not null
          and num_nonnulls(${t.submittedByUserId}, ${t.submittedByApiKeyId}, ${t.submittedByLinkId}) = 1))`,
    ),
    // A risk is accepted by someone, with a justification and an end; a closure is verified by someone.
    check(
      'remediation_tasks_risk_acceptance_ck',
      sql`${t.status} <> 'risk_accepted' or (${t.riskAcceptanceJustification} is not null
        and ${t.riskAcceptedUntil} is not null and ${t.riskAcceptedBy} is not null
        and ${t.riskAcceptedAt} is not null)`,
    ),
    check(
      'remediation_tasks_closed_ck',
      sql`${t.status} <> 'closed' or (${t.closedBy} is not null and ${t.closedAt} is not null)`,
    ),
  ],
);

/**
 * The thread of a task (tenant-owned, append-only): comments, and the reasons given for moves (`to_status`
 * set: reopened, sent back, risk accepted, or reopened by the platform when an acceptance ran out).
 */
export const taskComments = pgTable(
  'task_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => remediationTasks.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorApiKeyId: uuid('author_api_key_id'),
    authorLinkId: uuid('author_link_id'),
    /** The status the task moved to when this was the move's reason; null for a plain comment. */
    toStatus: text('to_status', { enum: TASK_STATUSES }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'task_comments_task_same_org_fk',
      columns: [t.taskId, t.orgId],
      foreignColumns: [remediationTasks.id, remediationTasks.orgId],
    }),
    foreignKey({
      name: 'task_comments_api_key_same_org_fk',
      columns: [t.authorApiKeyId, t.orgId],
      foreignColumns: [apiKeys.id, apiKeys.orgId],
    }),
    foreignKey({
      name: 'task_comments_link_same_org_fk',
      columns: [t.authorLinkId, t.orgId],
      foreignColumns: [questionnaireAssignments.id, questionnaireAssignments.orgId],
    }),
    index('task_comments_org_task_idx').on(t.orgId, t.taskId, t.createdAt),
    // One author; none only for the platform's own move (an expired risk acceptance reopening).
    check(
      'task_comments_author_ck',
      sql`num_nonnulls(${t.authorUserId}, ${t.authorApiKeyId}, ${t.authorLinkId}) = 1
        or (num_nonnulls(${t.authorUserId}, ${t.authorApiKeyId}, ${t.authorLinkId}) = 0
          and ${t.toStatus} is not null)`,
    ),
    check(
      'task_comments_to_status_ck',
      sql`${t.toStatus} is null or ${t.toStatus} in (${inList(TASK_STATUSES)})`,
    ),
  ],
);

/**
 * A file given as evidence for a task (tenant-owned, insert-only), by staff or by the supplier through its
 * portal link. Its own table rather than evidence_files: those belong to one question of one questionnaire
 * (assignment_id and question_id NOT NULL, counted by the portal's quota, cited by file answers), while a task
 * may have no questionnaire at all. The bytes go through the same upload intake and file storage.
 */
export const taskEvidenceFiles = pgTable(
  'task_evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => remediationTasks.id),
    storageKey: text('storage_key').notNull().unique(),
    /** The uploader's name for it, sanitised: shown, never used as a path. */
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    uploadedByApiKeyId: uuid('uploaded_by_api_key_id'),
    uploadedByLinkId: uuid('uploaded_by_link_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'task_evidence_files_task_same_org_fk',
      columns: [t.taskId, t.orgId],
      foreignColumns: [remediationTasks.id, remediationTasks.orgId],
    }),
    foreignKey({
      name: 'task_evidence_files_api_key_same_org_fk',
      columns: [t.uploadedByApiKeyId, t.orgId],
      foreignColumns: [apiKeys.id, apiKeys.orgId],
    }),
    foreignKey({
      name: 'task_evidence_files_link_same_org_fk',
      columns: [t.uploadedByLinkId, t.orgId],
      foreignColumns: [questionnaireAssignments.id, questionnaireAssignments.orgId],
    }),
    index('task_evidence_files_org_task_idx').on(t.orgId, t.taskId, t.createdAt),
    check(
      'task_evidence_files_uploader_ck',
      sql`num_nonnulls(${t.uploadedByUserId}, ${t.uploadedByApiKeyId}, ${t.uploadedByLinkId}) = 1`,
    ),
  ],
);
