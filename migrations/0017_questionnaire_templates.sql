-- Questionnaire templates (issue 9): one row per version of a template family; see
-- server/src/db/schema/questionnaires.ts and server/src/modules/templates/.
CREATE TABLE "questionnaire_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer,
	"based_on_id" uuid,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "questionnaire_templates_family_version_uq" UNIQUE("org_id","family_id","version")
);
--> statement-breakpoint
ALTER TABLE "questionnaire_templates" ADD CONSTRAINT "questionnaire_templates_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_templates" ADD CONSTRAINT "questionnaire_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_templates_one_draft_uq" ON "questionnaire_templates" USING btree ("org_id","family_id") WHERE "questionnaire_templates"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "questionnaire_templates_org_idx" ON "questionnaire_templates" USING btree ("org_id","status","updated_at");--> statement-breakpoint
-- Tenant isolation (second wall), as for the other tenant tables.
ALTER TABLE questionnaire_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE questionnaire_templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON questionnaire_templates
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
-- A published or retired version is frozen: questionnaires were sent with it. Only drafts change or go.
CREATE FUNCTION questionnaire_templates_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'questionnaire template % is %: it cannot be deleted', OLD.id, OLD.status;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'retired' THEN
    RAISE EXCEPTION 'questionnaire template % is retired: it cannot change', OLD.id;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'published' AND (NEW.definition IS DISTINCT FROM OLD.definition
      OR NEW.name IS DISTINCT FROM OLD.name OR NEW.version IS DISTINCT FROM OLD.version
      OR NEW.status NOT IN ('published', 'retired')) THEN
    RAISE EXCEPTION 'questionnaire template % is published: only retiring it is allowed', OLD.id;
  END IF;
  RETURN COALESCE(NEW, OLD);
END
$$;
--> statement-breakpoint
CREATE TRIGGER questionnaire_templates_frozen BEFORE UPDATE OR DELETE ON questionnaire_templates
  FOR EACH ROW EXECUTE FUNCTION questionnaire_templates_frozen();
