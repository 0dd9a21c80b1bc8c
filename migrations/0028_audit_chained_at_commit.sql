-- Audit events chained at commit (server/src/modules/audit/audit-deferred.ts). A hot path (the supplier portal's
-- autosave) writes its event here; a deferred trigger links it into the organisation's chain while the
-- transaction commits. The chain's lock is then held only inside COMMIT, not across the round trips between
-- the application and the database, so 200 suppliers autosaving do not queue behind each other's network
-- and event-loop delays. The hash is the same as hashEvent() in audit-hash.ts computes: the application sends
-- the canonical JSON of the event in two parts, around the creation time and the sequence number that only
-- the chain's holder knows, so verify-audit re-computes it unchanged.
-- Rows live only inside their transaction (the trigger deletes each one): UNLOGGED, no WAL.
CREATE UNLOGGED TABLE "audit_pending" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"canonical_before_time" text NOT NULL,
	"canonical_before_seq" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE audit_pending ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_pending FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_pending
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
REVOKE ALL ON audit_pending FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON audit_pending TO app_user;
--> statement-breakpoint
-- Same lock key as lockChain() in audit-append.ts, so events appended directly and events chained here share
-- one order. Reads the head after the lock is granted (a statement of its own: READ COMMITTED gives it a
-- snapshot that sees the previous holder's commit). Time is taken under the lock, so created_at follows seq.
CREATE FUNCTION audit_pending_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  at timestamptz;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.org_id::text, 0));
  SELECT e.seq, e.hash INTO head_seq, head_hash
    FROM audit_events e WHERE e.org_id = NEW.org_id ORDER BY e.seq DESC LIMIT 1;
  head_seq := coalesce(head_seq, 0) + 1;
  head_hash := coalesce(head_hash, repeat('0', 64));
  at := date_trunc('milliseconds', clock_timestamp());
  INSERT INTO audit_events (id, org_id, seq, actor_type, actor_id, actor_label, action, entity_type, entity_id,
                            payload, created_at, prev_hash, hash)
  VALUES (NEW.id, NEW.org_id, head_seq, NEW.actor_type, NEW.actor_id, NEW.actor_label, NEW.action,
          NEW.entity_type, NEW.entity_id, NEW.payload, at, head_hash,
          encode(sha256(convert_to(
            head_hash || E'\n' || NEW.canonical_before_time
              || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
              || NEW.canonical_before_seq || head_seq::text || '}',
            'UTF8')), 'hex'));
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_chain AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_chain();
