-- Questionnaires sent to suppliers and their answers (issue 9); see server/src/db/schema/assignments.ts and
-- server/src/modules/assignments/. The supplier portal finds its assignment through portal_link() below.
CREATE TABLE "questionnaire_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"value" jsonb NOT NULL,
	"review_comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "questionnaire_answers_assignment_question_uq" UNIQUE("assignment_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"due_date" date NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"locale" text,
	"link_token_hash" text,
	"link_expires_at" timestamp with time zone,
	"link_revoked_at" timestamp with time zone,
	"link_recipient" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "questionnaire_assignments_link_token_hash_unique" UNIQUE("link_token_hash")
);
--> statement-breakpoint
ALTER TABLE "questionnaire_answers" ADD CONSTRAINT "questionnaire_answers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_answers" ADD CONSTRAINT "questionnaire_answers_assignment_id_questionnaire_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_template_id_questionnaire_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."questionnaire_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "questionnaire_assignments_org_status_idx" ON "questionnaire_assignments" USING btree ("org_id","status","due_date");--> statement-breakpoint
CREATE INDEX "questionnaire_assignments_org_supplier_idx" ON "questionnaire_assignments" USING btree ("org_id","supplier_id","created_at");--> statement-breakpoint
ALTER TABLE questionnaire_assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE questionnaire_assignments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON questionnaire_assignments
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
ALTER TABLE questionnaire_answers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE questionnaire_answers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON questionnaire_answers
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
-- Assignments are kept (they are what was asked of a supplier); answers may be cleared by the supplier.
REVOKE ALL ON questionnaire_assignments FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON questionnaire_assignments TO app_user;
--> statement-breakpoint
-- An answer belongs to its assignment's organisation: the tenant check alone would not stop a row of one's
-- own organisation pointing at another tenant's assignment id, so the pair is checked here too.
ALTER TABLE questionnaire_assignments ADD CONSTRAINT questionnaire_assignments_id_org_uq UNIQUE (id, org_id);
--> statement-breakpoint
ALTER TABLE questionnaire_answers ADD CONSTRAINT questionnaire_answers_same_org_fk
  FOREIGN KEY (assignment_id, org_id) REFERENCES questionnaire_assignments (id, org_id);
--> statement-breakpoint
-- The portal's way in: which assignment (and organisation) a link's SHA-256 opens, and whether the link is
-- live, expired or revoked. Nothing for an unknown link. Everything after runs inside that organisation.
CREATE FUNCTION portal_link(p_token_hash text)
  RETURNS TABLE (assignment_id uuid, org_id uuid, state text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.id, a.org_id,
         CASE WHEN a.link_revoked_at IS NOT NULL THEN 'revoked'
              WHEN a.link_expires_at IS NULL OR a.link_expires_at <= now() THEN 'expired'
              ELSE 'live' END
  FROM questionnaire_assignments a WHERE a.link_token_hash = p_token_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_link(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_link(text) TO app_user;
