CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"policy_version" integer NOT NULL,
	"engine_version" text NOT NULL,
	"inputs" json NOT NULL,
	"result" json NOT NULL,
	"result_sha256" text NOT NULL,
	"inherent_score" double precision NOT NULL,
	"control_score" double precision NOT NULL,
	"residual_score" double precision NOT NULL,
	"rating" text NOT NULL,
	"trigger" text NOT NULL,
	"job_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer,
	"based_on_id" uuid,
	"document" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	CONSTRAINT "policies_org_version_uq" UNIQUE("org_id","version")
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"country" text NOT NULL,
	"goods" text[] DEFAULT '{}'::text[] NOT NULL,
	"good_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"sector" text,
	"tier" smallint NOT NULL,
	"parent_id" uuid,
	"annual_spend" numeric(15, 2),
	"currency" text DEFAULT 'USD' NOT NULL,
	"headcount" integer,
	"migrant_worker_share" numeric(5, 2),
	"agency_worker_share" numeric(5, 2),
	"status" text DEFAULT 'onboarding' NOT NULL,
	"external_ref" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"current_assessment_id" uuid,
	"rating" text,
	"rating_rank" smallint DEFAULT 0 NOT NULL,
	"inherent_score" double precision,
	"residual_score" double precision,
	"assessed_at" timestamp with time zone,
	"policy_version" integer
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_parent_id_suppliers_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_org_supplier_idx" ON "assessments" USING btree ("org_id","supplier_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_org_idx" ON "jobs" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "policies_org_status_idx" ON "policies" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_org_external_ref_uq" ON "suppliers" USING btree ("org_id","external_ref");--> statement-breakpoint
CREATE INDEX "suppliers_org_name_idx" ON "suppliers" USING btree ("org_id","name","id");--> statement-breakpoint
CREATE INDEX "suppliers_org_country_idx" ON "suppliers" USING btree ("org_id","country");--> statement-breakpoint
CREATE INDEX "suppliers_org_rating_idx" ON "suppliers" USING btree ("org_id","rating_rank","name");--> statement-breakpoint
CREATE INDEX "suppliers_org_residual_idx" ON "suppliers" USING btree ("org_id","residual_score");--> statement-breakpoint
CREATE INDEX "suppliers_org_updated_idx" ON "suppliers" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "suppliers_org_parent_idx" ON "suppliers" USING btree ("org_id","parent_id");--> statement-breakpoint
CREATE INDEX "suppliers_org_assessed_idx" ON "suppliers" USING btree ("org_id","assessed_at");--> statement-breakpoint
CREATE INDEX "suppliers_good_keys_gin" ON "suppliers" USING gin ("good_keys");--> statement-breakpoint
CREATE INDEX "suppliers_tags_gin" ON "suppliers" USING gin ("tags");