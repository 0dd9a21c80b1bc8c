import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import { REPORT_KINDS, REPORT_STATUSES } from '#shared/schemas/reports.js';
import { organizations } from './orgs.js';
import { jobs } from './scoring.js';
import { suppliers } from './suppliers.js';
import { users } from './users.js';

// The reports register (issue 11, migrations 0038 and 0039): every issued report with what was asked, who
// asked, when its data was read, what it was built on (policy version, audit-chain head) and the SHA-256 of
// its PDF, which the public verify endpoint looks up (report_by_sha256, a SECURITY DEFINER function).

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A register entry (tenant-owned): inserted queued by the request, completed by the rendering job. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** The organisation's running number (1, 2, …), allocated under a per-organisation lock. */
    registerSeq: integer('register_seq').notNull(),
    /** As printed: "CS-2026-000042" (the year of the request, the running number). */
    registerNumber: text('register_number').notNull(),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    title: text('title').notNull(),
    /** The CreateReport body as accepted (shared/src/schemas/reports.ts): `unknown` until parsed on read. */
    parameters: jsonb('parameters').$type<unknown>().notNull(),
    /** A supplier report's supplier, so the register can be filtered by supplier (and the key checks its org). */
    supplierId: uuid('supplier_id'),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('queued'),
    jobId: uuid('job_id').references(() => jobs.id),
    /** When the request was made; once ready, the instant the report's data was read (printed in it). */
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** Null when an API key asked (the name then is the key's). */
    issuedByUserId: uuid('issued_by_user_id').references(() => users.id),
    /** The name as it was when the report was asked for: printed in it, and answered by the verify endpoint. */
    issuedByName: text('issued_by_name').notNull(),
    policyId: uuid('policy_id'),
    policyName: text('policy_name'),
    policyVersion: integer('policy_version'),
    auditHeadSeq: bigint('audit_head_seq', { mode: 'number' }),
    auditHeadHash: text('audit_head_hash'),
    sha256: text('sha256'),
    byteSize: bigint('byte_size', { mode: 'number' }),
    pageCount: integer('page_count'),
    pdfKey: text('pdf_key'),
    docxKey: text('docx_key'),
    markdownKey: text('markdown_key'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reports_org_seq_uq').on(t.orgId, t.registerSeq),
    unique('reports_org_number_uq').on(t.orgId, t.registerNumber),
    foreignKey({
      name: 'reports_supplier_same_org_fk',
      columns: [t.supplierId, t.orgId],
      foreignColumns: [suppliers.id, suppliers.orgId],
    }),
    index('reports_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('reports_org_supplier_idx')
      .on(t.orgId, t.supplierId, t.createdAt)
      .where(sql`${t.supplierId} is not null`),
    index('reports_sha256_idx').on(t.sha256).where(sql`${t.sha256} is not null`),
    check('reports_kind_ck', sql`${t.kind} in (${inList(REPORT_KINDS)})`),
    check('reports_status_ck', sql`${t.status} in (${inList(REPORT_STATUSES)})`),
    // A ready report has its file, its hash, its size and its page count: the register never lists a half.
    check(
      'reports_ready_ck',
      sql`${t.status} <> 'ready' or (${t.sha256} is not null
        and ${t.byteSize} is not null and ${t.pageCount} is not null and ${t.pdfKey} is not null)`,
    ),
    check('reports_sha256_ck', sql`${t.sha256} is null or ${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
