-- Four-eyes publishing (issue 8): requests to publish a draft policy, approved by a second admin, and the
-- organisation's explicit choice on whether that approval is required (no row: the default, on with two or
-- more active admins). See server/src/modules/policies/publish-requests.service.ts.
CREATE TABLE "policy_publish_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"policy_revision" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"comment" text NOT NULL,
	"decided_by" uuid,
	"decision_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "publish_approval_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"required" boolean NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_publish_requests" ADD CONSTRAINT "policy_publish_requests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_publish_requests" ADD CONSTRAINT "policy_publish_requests_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_publish_requests" ADD CONSTRAINT "policy_publish_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_publish_requests" ADD CONSTRAINT "policy_publish_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publish_approval_settings" ADD CONSTRAINT "publish_approval_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publish_approval_settings" ADD CONSTRAINT "publish_approval_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_publish_requests_org_policy_idx" ON "policy_publish_requests" USING btree ("org_id","policy_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_publish_requests_one_pending_uq" ON "policy_publish_requests" USING btree ("policy_id") WHERE "policy_publish_requests"."status" = 'pending';
--> statement-breakpoint
-- Tenant isolation (second wall), as for the other tenant tables.
ALTER TABLE policy_publish_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE policy_publish_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON policy_publish_requests
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
ALTER TABLE publish_approval_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE publish_approval_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON publish_approval_settings
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
-- Requests are decided, never deleted by a request (a deleted draft takes its requests with it through the
-- foreign key, which runs as the owner); the setting is set, changed, and removed (back to the default).
REVOKE ALL ON policy_publish_requests FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON policy_publish_requests TO app_user;
--> statement-breakpoint
REVOKE ALL ON publish_approval_settings FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON publish_approval_settings TO app_user;
