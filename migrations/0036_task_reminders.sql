-- The remediation task schedule (issue 10): reminders of overdue tasks (owner, supplier) and escalations to the
-- organisation's administrators, claimed once per (task, slot, audience) so that any number of API processes may
-- run the schedule (server/src/db/schema/task-reminders.ts, server/src/modules/tasks/tasks.schedule.ts). Written
-- by hand in drizzle-kit's shape, with row-level security and grants as in 0026.
CREATE TABLE "task_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"slot" text NOT NULL,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"slot_date" date NOT NULL,
	"delivery" text NOT NULL,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"mail_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_reminders_slot_uq" UNIQUE("task_id","slot","audience"),
	CONSTRAINT "task_reminders_kind_ck" CHECK ("task_reminders"."kind" in ('reminder', 'escalation')),
	CONSTRAINT "task_reminders_audience_ck" CHECK ("task_reminders"."audience" in ('owner', 'supplier', 'admins')),
	CONSTRAINT "task_reminders_delivery_ck" CHECK ("task_reminders"."delivery" in ('email', 'no_email', 'no_link'))
);
--> statement-breakpoint
ALTER TABLE "task_reminders" ADD CONSTRAINT "task_reminders_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "task_reminders" ADD CONSTRAINT "task_reminders_task_id_remediation_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."remediation_tasks"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "task_reminders" ADD CONSTRAINT "task_reminders_task_same_org_fk" FOREIGN KEY ("task_id","org_id") REFERENCES "public"."remediation_tasks"("id","org_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "task_reminders_org_task_idx" ON "task_reminders" USING btree ("org_id","task_id","created_at");
--> statement-breakpoint
ALTER TABLE task_reminders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE task_reminders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON task_reminders
  USING (org_id = (select current_org_id())) WITH CHECK (org_id = (select current_org_id()));
--> statement-breakpoint
-- A reminder is a record: it only ever gains the e-mails that carried it.
REVOKE ALL ON task_reminders FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON task_reminders TO app_user;
--> statement-breakpoint
GRANT UPDATE (mail_ids) ON task_reminders TO app_user;
--> statement-breakpoint
-- The schedule's way in: which organisations have task work due on p_today (an active task past its due date,
-- a risk acceptance that ran out). Only organisation ids: each is then worked on inside its own tenant.
CREATE FUNCTION task_schedule_orgs(p_today date)
  RETURNS TABLE (org_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT DISTINCT t.org_id FROM remediation_tasks t
  WHERE (t.status IN ('open', 'in_progress', 'pending_verification') AND t.due_date < p_today)
     OR (t.status = 'risk_accepted' AND t.risk_accepted_until < p_today)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION task_schedule_orgs(date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION task_schedule_orgs(date) TO app_user;
