-- The reports register (issue 11): every report the product issues (supplier assessment, portfolio risk,
-- modern-slavery statement draft), with what was asked for, who asked and when, the scoring policy and audit
-- head it was built on, and the SHA-256 of the PDF's bytes, so a copy can be proven genuine later
-- (server/src/db/schema/reports.ts, server/src/modules/reports). Written by hand in drizzle-kit's shape, with
-- row-level security and grants as in 0031/0036.
--
-- The register number is the organisation's running number (register_seq), printed with the year of issue
-- ("CS-2026-000042"); the service allocates it under a per-organisation lock, the unique keys are the last word.
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"register_seq" integer NOT NULL,
	"register_number" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"supplier_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_user_id" uuid,
	"issued_by_name" text NOT NULL,
	"policy_id" uuid,
	"policy_name" text,
	"policy_version" integer,
	"audit_head_seq" bigint,
	"audit_head_hash" text,
	"sha256" text,
	"byte_size" bigint,
	"page_count" integer,
	"pdf_key" text,
	"docx_key" text,
	"markdown_key" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_org_seq_uq" UNIQUE("org_id","register_seq"),
	CONSTRAINT "reports_org_number_uq" UNIQUE("org_id","register_number"),
	CONSTRAINT "reports_kind_ck" CHECK ("reports"."kind" in ('supplier', 'portfolio', 'statement')),
	CONSTRAINT "reports_status_ck" CHECK ("reports"."status" in ('queued', 'running', 'ready', 'failed')),
	CONSTRAINT "reports_ready_ck" CHECK ("reports"."status" <> 'ready' or ("reports"."sha256" is not null
        and "reports"."byte_size" is not null and "reports"."page_count" is not null and "reports"."pdf_key" is not null)),
	CONSTRAINT "reports_sha256_ck" CHECK ("reports"."sha256" is null or "reports"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_supplier_same_org_fk" FOREIGN KEY ("supplier_id","org_id") REFERENCES "public"."suppliers"("id","org_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "reports_org_created_idx" ON "reports" USING btree ("org_id","created_at","id");
--> statement-breakpoint
CREATE INDEX "reports_org_supplier_idx" ON "reports" USING btree ("org_id","supplier_id","created_at") WHERE "reports"."supplier_id" is not null;
--> statement-breakpoint
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON reports
  USING (org_id = (select current_org_id())) WITH CHECK (org_id = (select current_org_id()));
--> statement-breakpoint
-- A register entry is a record: never deleted; what was asked, by whom, and its number never change. Only
-- what the rendering job learns (status, title, policy, audit head, the file's hash, size and keys, the read
-- time it prints) is written after the insert.
REVOKE ALL ON reports FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON reports TO app_user;
--> statement-breakpoint
GRANT UPDATE (status, title, issued_at, policy_id, policy_name, policy_version, audit_head_seq, audit_head_hash,
  sha256, byte_size, page_count, pdf_key, docx_key, markdown_key, error, updated_at) ON reports TO app_user;
