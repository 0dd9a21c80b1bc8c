import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  foreignKey,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { questionnaireAssignments } from './assignments.js';
import { organizations } from './orgs.js';
import { questionnaireTemplates } from './questionnaires.js';
import { revisionColumn } from './revision.js';
import { suppliers } from './suppliers.js';
import { users } from './users.js';

/**
 * Scoring policies: versioned data, not code. A draft is edited by admins; publishing gives it the next
 * version number and freezes it (a trigger refuses changes to the document of a published policy).
 */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    status: text('status', { enum: ['draft', 'published', 'retired'] })
      .notNull()
      .default('draft'),
    version: integer('version'),
    basedOnId: uuid('based_on_id'),
    /** A PolicyDocument (shared/src/schemas/policy.ts): `unknown` until the policies repo parses it on read. */
    document: jsonb('document').$type<unknown>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    /** Edits of the draft, publishing and retiring bump it (optimistic concurrency); not the published number. */
    revision: revisionColumn(),
  },
  (t) => [
    unique('policies_org_version_uq').on(t.orgId, t.version),
    index('policies_org_status_idx').on(t.orgId, t.status),
  ],
);

/**
 * One scoring run for one supplier. Append-only (trigger): the inputs column holds everything needed to
 * re-run the engine and get the same result byte for byte (profile, answers, reference-data slice).
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    policyVersion: integer('policy_version').notNull(),
    engineVersion: text('engine_version').notNull(),
    // json, not jsonb: the text is kept exactly as the engine wrote it (key order included), so a re-run can
    // be compared byte for byte, and large batches insert without the binary conversion.
    // Both `unknown` until parsed on read (AssessmentInputsSchema, StoredResultSchema): never cast.
    inputs: json('inputs').$type<unknown>().notNull(),
    result: json('result').$type<unknown>().notNull(),
    /**
     * SHA-256 of the engine's full result text (JSON.stringify of its output): a re-run must give the same, and
     * so must the stored form once expanded (shared/src/domain/scoring/stored.ts).
     */
    resultSha256: text('result_sha256').notNull(),
    inherentScore: doublePrecision('inherent_score').notNull(),
    controlScore: doublePrecision('control_score').notNull(),
    residualScore: doublePrecision('residual_score').notNull(),
    rating: text('rating', { enum: ['low', 'medium', 'high', 'critical'] }).notNull(),
    /** Why it ran: keep in step with ASSESSMENT_TRIGGERS (shared/src/schemas/assessments.ts). */
    trigger: text('trigger', {
      enum: [
        'manual',
        'policy_published',
        'import',
        'seed',
        'created',
        'profile_changed',
        'questionnaire_accepted',
        'answers_expired',
        'remediation',
      ],
    }).notNull(),
    /** In words, what set it off, e.g. "profile changed: migrant worker share, goods"; null on older rows. */
    triggerDetail: text('trigger_detail'),
    jobId: uuid('job_id'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The accepted questionnaire whose answers it scored, and the template version that questionnaire was
     * sent with (migration 0029). Null when it scored none, and on assessments made before it was kept.
     */
    answersAssignmentId: uuid('answers_assignment_id'),
    answersTemplateId: uuid('answers_template_id'),
    answersTemplateVersion: integer('answers_template_version'),
  },
  (t) => [
    index('assessments_org_supplier_idx').on(t.orgId, t.supplierId, t.createdAt),
    foreignKey({
      name: 'assessments_answers_assignment_same_org_fk',
      columns: [t.answersAssignmentId, t.orgId],
      foreignColumns: [questionnaireAssignments.id, questionnaireAssignments.orgId],
    }),
    foreignKey({
      name: 'assessments_answers_template_same_org_fk',
      columns: [t.answersTemplateId, t.orgId],
      foreignColumns: [questionnaireTemplates.id, questionnaireTemplates.orgId],
    }),
  ],
);

/** Background work with progress (rescoring, large imports), claimed with SKIP LOCKED so processes share it. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] })
      .notNull()
      .default('queued'),
    // Params and result have one schema per kind (shared/src/schemas/jobs.ts): `unknown` until parsed on read.
    params: jsonb('params').$type<unknown>().notNull().default(sql`'{}'::jsonb`),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    result: jsonb('result').$type<unknown>(),
    error: text('error'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_status_idx').on(t.status, t.createdAt), index('jobs_org_idx').on(t.orgId, t.createdAt)],
);
