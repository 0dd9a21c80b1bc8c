-- Questionnaire reminders and recurrence (issue 9); see server/src/db/schema/assignments.ts and
-- server/src/modules/assignments/schedule.*.ts. An assignment may now hold several secret links (portal_links,
-- hashes only): each reminder mints one, the earlier ones keep working. Reminders sent are recorded once per
-- (assignment, slot). A questionnaire may recur once accepted (previous_id links the re-sent one).
CREATE TABLE "assignment_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"slot" text NOT NULL,
	"kind" text NOT NULL,
	"slot_date" date NOT NULL,
	"delivery" text NOT NULL,
	"recipient" text,
	"mail_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_reminders_slot_uq" UNIQUE("assignment_id","slot")
);
--> statement-breakpoint
CREATE TABLE "portal_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "recurrence" text;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "recurrence_months" integer;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "previous_id" uuid;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "expiry_handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignment_reminders" ADD CONSTRAINT "assignment_reminders_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reminders" ADD CONSTRAINT "assignment_reminders_assignment_id_questionnaire_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reminders" ADD CONSTRAINT "assignment_reminders_assignment_same_org_fk" FOREIGN KEY ("assignment_id","org_id") REFERENCES "public"."questionnaire_assignments"("id","org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_assignment_id_questionnaire_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_assignment_same_org_fk" FOREIGN KEY ("assignment_id","org_id") REFERENCES "public"."questionnaire_assignments"("id","org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_reminders_org_assignment_idx" ON "assignment_reminders" USING btree ("org_id","assignment_id","created_at");--> statement-breakpoint
CREATE INDEX "portal_links_org_assignment_idx" ON "portal_links" USING btree ("org_id","assignment_id");--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_previous_id_questionnaire_assignments_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_previous_same_org_fk" FOREIGN KEY ("previous_id","org_id") REFERENCES "public"."questionnaire_assignments"("id","org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "questionnaire_assignments_status_due_idx" ON "questionnaire_assignments" USING btree ("status","due_date");--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_previous_id_unique" UNIQUE("previous_id");
--> statement-breakpoint
-- Every link made before this migration becomes the assignment's one link, as it was (state included).
INSERT INTO portal_links (org_id, assignment_id, token_hash, purpose, expires_at, revoked_at, created_at)
SELECT a.org_id, a.id, a.link_token_hash, 'migrated', coalesce(a.link_expires_at, a.sent_at), a.link_revoked_at,
       a.sent_at
FROM questionnaire_assignments a WHERE a.link_token_hash IS NOT NULL;
--> statement-breakpoint
ALTER TABLE portal_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE portal_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON portal_links
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
ALTER TABLE assignment_reminders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assignment_reminders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON assignment_reminders
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
-- A link is only ever revoked after it is made; a reminder only ever gains the e-mail that carried it.
REVOKE ALL ON portal_links FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON portal_links TO app_user;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON portal_links TO app_user;
--> statement-breakpoint
REVOKE ALL ON assignment_reminders FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON assignment_reminders TO app_user;
--> statement-breakpoint
GRANT UPDATE (mail_id) ON assignment_reminders TO app_user;
--> statement-breakpoint
-- The portal's way in, now through portal_links: one lookup on the unique hash index. Nothing for an unknown
-- link. Replaces 0018's version (which read questionnaire_assignments.link_token_hash, dropped in 0027).
CREATE OR REPLACE FUNCTION portal_link(p_token_hash text)
  RETURNS TABLE (assignment_id uuid, org_id uuid, state text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT l.assignment_id, l.org_id,
         CASE WHEN l.revoked_at IS NOT NULL THEN 'revoked'
              WHEN l.expires_at <= now() THEN 'expired'
              ELSE 'live' END
  FROM portal_links l WHERE l.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- The schedule's way in: which organisations have questionnaire work due (an open questionnaire due between
-- p_from and p_to, a recurring accepted one not yet re-sent, accepted answers expired before p_today and not
-- yet rescored). Only organisation ids: each is then worked on inside its own tenant.
CREATE FUNCTION questionnaire_schedule_orgs(p_from date, p_to date, p_today date)
  RETURNS TABLE (org_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT DISTINCT a.org_id FROM questionnaire_assignments a
  WHERE (a.status IN ('sent', 'in_progress', 'returned') AND a.due_date BETWEEN p_from AND p_to)
     OR (a.status = 'accepted' AND a.recurrence IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM questionnaire_assignments n WHERE n.previous_id = a.id))
     OR (a.status = 'accepted' AND a.valid_until < p_today AND a.expiry_handled_at IS NULL)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION questionnaire_schedule_orgs(date, date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION questionnaire_schedule_orgs(date, date, date) TO app_user;
