-- Anchoring of the audit chain (signed checkpoints of its head) and erasable personal values of audit
-- payloads. See server/src/modules/audit/audit-anchor.ts and audit-personal.ts.
CREATE TABLE "audit_checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "audit_checkpoints_reason_ck" CHECK ("reason" IN ('auto', 'on_demand'))
);
--> statement-breakpoint
CREATE TABLE "audit_personal_values" (
	"event_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"path" text NOT NULL,
	"digest" text NOT NULL,
	"salt" text,
	"value" text,
	"erased_at" timestamp with time zone,
	"erasure_event_id" uuid,
	CONSTRAINT "audit_personal_values_event_id_path_pk" PRIMARY KEY("event_id","path")
);
--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_personal_values" ADD CONSTRAINT "audit_personal_values_event_id_audit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_personal_values" ADD CONSTRAINT "audit_personal_values_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_checkpoints_org_seq_idx" ON "audit_checkpoints" USING btree ("org_id","seq");--> statement-breakpoint
CREATE INDEX "audit_personal_values_org_value_idx" ON "audit_personal_values" USING btree ("org_id",lower("value"));--> statement-breakpoint
-- Tenant isolation (second wall), as for the other tenant tables (0001, 0003).
ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_checkpoints FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_checkpoints
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
ALTER TABLE audit_personal_values ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_personal_values FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_personal_values
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
-- Checkpoints are append-only for everyone, owner included. The request role reads and adds them.
REVOKE ALL ON audit_checkpoints FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_checkpoints TO app_user;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- Personal values: the only change ever allowed is erasure (value and salt to NULL, once, with its time and
-- the event that records it). No delete: the digest and the fact of erasure stay beside the event.
REVOKE ALL ON audit_personal_values FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_personal_values TO app_user;
--> statement-breakpoint
GRANT UPDATE (salt, value, erased_at, erasure_event_id) ON audit_personal_values TO app_user;
--> statement-breakpoint
CREATE FUNCTION audit_personal_values_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL
     AND NEW.value IS NULL AND NEW.salt IS NULL AND NEW.erasure_event_id IS NOT NULL
     AND NEW.event_id = OLD.event_id AND NEW.org_id = OLD.org_id AND NEW.path = OLD.path
     AND NEW.digest = OLD.digest THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_personal_values only allows erasure (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_personal_values_erase_only BEFORE UPDATE OR DELETE ON audit_personal_values
  FOR EACH ROW EXECUTE FUNCTION audit_personal_values_erase_only();
--> statement-breakpoint
CREATE TRIGGER audit_personal_values_no_truncate BEFORE TRUNCATE ON audit_personal_values
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
