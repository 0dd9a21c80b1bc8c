-- Dataset editions an administrator loads (issue 8): a new ILAB goods list, US TIP tiers or GSI, per
-- organisation, pinned by policies (policies.document.datasets). Immutable: added, or deleted while no
-- policy pins it. See server/src/modules/datasets/.
CREATE TABLE "dataset_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"edition" text NOT NULL,
	"publisher" text NOT NULL,
	"url" text NOT NULL,
	"published_on" date NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dataset_editions_org_kind_sha_uq" UNIQUE("org_id","kind","sha256"),
	CONSTRAINT "dataset_editions_kind_ck" CHECK ("kind" IN ('us_tip', 'gsi', 'ilab'))
);
--> statement-breakpoint
ALTER TABLE "dataset_editions" ADD CONSTRAINT "dataset_editions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_editions" ADD CONSTRAINT "dataset_editions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dataset_editions_org_kind_idx" ON "dataset_editions" USING btree ("org_id","kind","created_at");
--> statement-breakpoint
-- Tenant isolation (second wall), as for the other tenant tables.
ALTER TABLE dataset_editions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dataset_editions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON dataset_editions
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
-- Loaded and deleted, never changed: a policy that pins an edition must score the rows it was shown.
REVOKE ALL ON dataset_editions FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON dataset_editions TO app_user;
