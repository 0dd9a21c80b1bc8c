import {
  type AnyPgColumn,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { questionnaireTemplates } from './questionnaires.js';
import { revisionColumn } from './revision.js';
import { suppliers } from './suppliers.js';
import { users } from './users.js';

/**
 * A questionnaire sent to one supplier (tenant-owned): the exact template version, the due date, and the
 * state of the secret links the supplier answers through (the links themselves are `portal_links`, stored
 * only as SHA-256 hashes). `link_expires_at`, `link_revoked_at` and `link_recipient` describe the current
 * generation of links: every link of it expires together, revoking revokes them all, re-issuing starts a new one.
 */
export const questionnaireAssignments = pgTable(
  'questionnaire_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => questionnaireTemplates.id),
    status: text('status', {
      enum: ['sent', 'in_progress', 'submitted', 'returned', 'accepted'],
    })
      .notNull()
      .default('sent'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    message: text('message').notNull().default(''),
    locale: text('locale'),
    linkExpiresAt: timestamp('link_expires_at', { withTimezone: true }),
    /** Set when an officer revoked the link (its hash is kept, so the portal can say it was revoked). */
    linkRevokedAt: timestamp('link_revoked_at', { withTimezone: true }),
    /** Who the link was e-mailed to; null when it was handed to the officer. */
    linkRecipient: text('link_recipient'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** What the officer asked, per question id, when they returned it (ReviewComments in shared/schemas). */
    reviewComments: jsonb('review_comments').$type<Record<string, string>>().notNull().default({}),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    /** Accepted answers count as evidence until this day (then the supplier is asked again). */
    validUntil: date('valid_until', { mode: 'string' }),
    /**
     * The answers as scoring takes them (CriterionAnswer[], shared/src/domain/scoring/types.ts), computed once
     * at acceptance from the answers and the evidence the officer accepted; every later assessment uses them.
     */
    criterionAnswers: jsonb('criterion_answers').$type<unknown>(),
    /**
     * Sent again once accepted: `on_expiry` before the accepted answers expire, `every_months` every
     * `recurrence_months` after the previous due date (RecurrenceSchema in shared/schemas/assignments.ts).
     */
    recurrence: text('recurrence', { enum: ['on_expiry', 'every_months'] }),
    recurrenceMonths: integer('recurrence_months'),
    /** The assignment this one re-sends (a recurrence); unique, so a questionnaire recurs at most once. */
    previousId: uuid('previous_id')
      .unique()
      .references((): AnyPgColumn => questionnaireAssignments.id),
    /** When the schedule rescored the supplier because these accepted answers expired (done once). */
    expiryHandledAt: timestamp('expiry_handled_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    revision: revisionColumn(),
  },
  // Same-organisation keys: each reference to another tenant-owned row carries org_id with it, so a row can
  // never point into another organisation (row-level security checks a row's own org_id, not its targets').
  (t) => [
    unique('questionnaire_assignments_id_org_uq').on(t.id, t.orgId),
    foreignKey({
      name: 'questionnaire_assignments_supplier_same_org_fk',
      columns: [t.supplierId, t.orgId],
      foreignColumns: [suppliers.id, suppliers.orgId],
    }),
    foreignKey({
      name: 'questionnaire_assignments_template_same_org_fk',
      columns: [t.templateId, t.orgId],
      foreignColumns: [questionnaireTemplates.id, questionnaireTemplates.orgId],
    }),
    foreignKey({
      name: 'questionnaire_assignments_previous_same_org_fk',
      columns: [t.previousId, t.orgId],
      foreignColumns: [t.id, t.orgId],
    }),
    index('questionnaire_assignments_org_status_idx').on(t.orgId, t.status, t.dueDate),
    index('questionnaire_assignments_org_supplier_idx').on(t.orgId, t.supplierId, t.createdAt),
    // The schedule's scan across organisations (questionnaire_schedule_orgs in migration 0026).
    index('questionnaire_assignments_status_due_idx').on(t.status, t.dueDate),
  ],
);

/**
 * The secret links of an assignment (tenant-owned), stored only as SHA-256 hashes. An assignment may hold
 * several live links: each reminder mints a new one (the token is never stored readably, so an e-mail cannot
 * repeat an earlier link), and the earlier ones keep working, so a supplier answering in an open tab is not
 * cut off. All links of a generation share the assignment's expiry; revoking revokes every link, re-issuing
 * revokes every link and mints one.
 */
export const portalLinks = pgTable(
  'portal_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => questionnaireAssignments.id),
    tokenHash: text('token_hash').notNull().unique(),
    /** Why it was minted: the first invitation, a re-issue, a reminder, or a copy of a link made before 0026. */
    purpose: text('purpose', { enum: ['invitation', 'reissue', 'reminder', 'migrated'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'portal_links_assignment_same_org_fk',
      columns: [t.assignmentId, t.orgId],
      foreignColumns: [questionnaireAssignments.id, questionnaireAssignments.orgId],
    }),
    index('portal_links_org_assignment_idx').on(t.orgId, t.assignmentId),
  ],
);

/**
 * One reminder of one assignment (tenant-owned): which slot of the schedule it filled (`before_7`,
 * `overdue_2`), and whether it was e-mailed (with the outbox message) or is only due, because the supplier has
 * no e-mail on file and the officer must pass it on. Unique per (assignment, slot): two schedule runners can
 * never both send one, since the row is claimed in the transaction that queues the e-mail.
 */
export const assignmentReminders = pgTable(
  'assignment_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => questionnaireAssignments.id),
    slot: text('slot').notNull(),
    kind: text('kind', { enum: ['due_soon', 'overdue'] }).notNull(),
    /** The day the slot fell due (the schedule's day, not when a runner got to it). */
    slotDate: date('slot_date', { mode: 'string' }).notNull(),
    delivery: text('delivery', { enum: ['email', 'no_email'] }).notNull(),
    recipient: text('recipient'),
    mailId: uuid('mail_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'assignment_reminders_assignment_same_org_fk',
      columns: [t.assignmentId, t.orgId],
      foreignColumns: [questionnaireAssignments.id, questionnaireAssignments.orgId],
    }),
    unique('assignment_reminders_slot_uq').on(t.assignmentId, t.slot),
    index('assignment_reminders_org_assignment_idx').on(t.orgId, t.assignmentId, t.createdAt),
  ],
);

/**
 * jsonb read as the drivers give it. postgres.js and PGlite parse jsonb already; drizzle's jsonb() then runs
 * JSON.parse again on any string value, so a text answer that reads as JSON came back as something else:
 * "12345" as the number 12345, "true" as true, "null" as null, "\"Hotline\"" without its quotes (and every
 * other string answer cost a thrown SyntaxError). An answer is evidence: it is read back exactly as it was
 * saved. Written as drizzle's jsonb() writes it.
 */
const answerJsonb = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => 'jsonb',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
});

/** One answer of one assignment (tenant-owned), with its own version so two tabs never overwrite silently. */
export const questionnaireAnswers = pgTable(
  'questionnaire_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => questionnaireAssignments.id),
    questionId: text('question_id').notNull(),
    /** An AnswerValue (shared/src/schemas/questionnaire-answers.ts), checked against its question on save. */
    value: answerJsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    revision: revisionColumn(),
  },
  (t) => [
    unique('questionnaire_answers_assignment_question_uq').on(t.assignmentId, t.questionId),
    foreignKey({
      name: 'questionnaire_answers_same_org_fk',
      columns: [t.assignmentId, t.orgId],
      foreignColumns: [questionnaireAssignments.id, questionnaireAssignments.orgId],
    }),
  ],
);

/**
 * What an accepted questionnaire found (tenant-owned): a criterion its answers show poorly controlled, or a
 * red flag an answer raised. Remediation tasks are made from findings (next issue).
 */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Keyed by the same-organisation keys below only: single-column keys as well were checked again on every
    // finding an acceptance opens, and implied nothing more (migration 0041).
    orgId: uuid('org_id').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    assignmentId: uuid('assignment_id'),
    assessmentId: uuid('assessment_id').notNull(),
    kind: text('kind', { enum: ['criterion', 'red_flag'] }).notNull(),
    /** The policy criterion or red-flag key. */
    key: text('key').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull(),
    severity: text('severity', { enum: ['low', 'medium', 'high', 'critical'] }).notNull(),
    /** The question whose answer it rests on (red flags), or null for a criterion. */
    questionId: text('question_id'),
    citation: text('citation').notNull(),
    status: text('status', { enum: ['open', 'closed', 'risk_accepted'] })
      .notNull()
      .default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The target of remediation tasks' same-organisation key (migration 0031).
    unique('findings_id_org_uq').on(t.id, t.orgId),
    index('findings_org_supplier_idx').on(t.orgId, t.supplierId, t.createdAt),
    foreignKey({
      name: 'findings_supplier_same_org_fk',
      columns: [t.supplierId, t.orgId],
      foreignColumns: [suppliers.id, suppliers.orgId],
    }),
    foreignKey({
      name: 'findings_assignment_same_org_fk',
      columns: [t.assignmentId, t.orgId],
      foreignColumns: [questionnaireAssignments.id, questionnaireAssignments.orgId],
    }),
  ],
);

/**
 * A file a supplier uploaded as evidence for a question (tenant-owned). The bytes live in file storage under
 * `storage_key` (made from ids, never from the uploader's name); the type was judged from the content and
 * the SHA-256 computed as it was stored.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => questionnaireAssignments.id),
    questionId: text('question_id').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    /** The uploader's name for it, sanitised: shown, never used as a path. */
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evidence_files_org_assignment_idx').on(t.orgId, t.assignmentId, t.createdAt),
    foreignKey({
      name: 'evidence_files_assignment_same_org_fk',
      columns: [t.assignmentId, t.orgId],
      foreignColumns: [questionnaireAssignments.id, questionnaireAssignments.orgId],
    }),
  ],
);
