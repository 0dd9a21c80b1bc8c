-- Reviewing questionnaires (issue 9): return with comments per question, accept (the answers as scoring takes
-- them, valid until a date), and the findings an accepted questionnaire opens. See
-- server/src/modules/assignments/review.service.ts. Review comments moved from answers to the assignment.
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"assignment_id" uuid,
	"assessment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"detail" text NOT NULL,
	"severity" text NOT NULL,
	"question_id" text,
	"citation" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "review_comments" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "accepted_by" uuid;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "valid_until" date;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "criterion_answers" jsonb;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_assignment_id_questionnaire_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "findings_org_supplier_idx" ON "findings" USING btree ("org_id","supplier_id","created_at");--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_answers" DROP COLUMN "review_comment";--> statement-breakpoint
ALTER TABLE findings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE findings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON findings
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
-- Findings are opened and later closed (remediation); never deleted.
REVOKE ALL ON findings FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON findings TO app_user;
--> statement-breakpoint
-- The scoring read: a supplier's most recently accepted questionnaire.
CREATE INDEX questionnaire_assignments_accepted_idx ON questionnaire_assignments (org_id, supplier_id, accepted_at DESC)
  WHERE status = 'accepted';
