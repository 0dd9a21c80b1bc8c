-- Evidence files suppliers upload through the portal (issue 9); the bytes are in file storage
-- (server/src/lib/storage/), this table keeps what was checked: type by content, size, SHA-256.
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_assignment_id_questionnaire_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_org_assignment_idx" ON "evidence_files" USING btree ("org_id","assignment_id","created_at");--> statement-breakpoint
ALTER TABLE evidence_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE evidence_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON evidence_files
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
-- Evidence is what an assessment may rest on: recorded, never changed or deleted through the application.
REVOKE ALL ON evidence_files FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON evidence_files TO app_user;
