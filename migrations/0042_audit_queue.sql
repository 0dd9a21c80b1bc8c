-- Audit events queued and chained after commit (server/src/modules/audit/audit-deferred.ts). Since 0028 a
-- queued event was chained by a deferred trigger inside COMMIT, under the organisation's chain lock: every
-- autosave and acceptance of an organisation still committed one at a time (measured: 9 of 10 pooled
-- connections waiting on that lock while 200 suppliers saved). Now audit_pending is a queue: the row commits
-- with the change (so the event exists exactly when the change does), and audit_pending_drain() links the
-- organisation's committed rows into the chain afterwards, in one pass under the lock, in the order they
-- were queued. It runs a moment after the change's commit (the application kicks it: audit-queue.ts), whenever
-- anything is appended directly (audit_chain_lock(), so the chain keeps the order in which things happened),
-- before the trail is listed, exported, verified or printed in a report, and on a sweep for whatever is left.
-- Rows outlive their transaction now: the table is logged (WAL), and n keeps the order they were queued in.
-- portal_save_answer() (0030) still commits without waiting for the WAL flush: a crash of the database server
-- may lose the last moments' autosaves, each whole, its answer with its queued event.
DROP TRIGGER audit_pending_chain ON audit_pending;
--> statement-breakpoint
DROP FUNCTION audit_pending_chain();
--> statement-breakpoint
ALTER TABLE audit_pending SET LOGGED;
--> statement-breakpoint
ALTER TABLE audit_pending ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;
--> statement-breakpoint
CREATE INDEX audit_pending_org_n_idx ON audit_pending (org_id, n);
--> statement-breakpoint
-- Links the organisation's queued rows into its chain. The caller holds the chain's lock (the same key as
-- lockChain() in audit-append.ts). Each statement of a VOLATILE function takes a new snapshot, so the head
-- and the rows are read as the previous holder left them. The hash is the one hashEvent() in audit-hash.ts
-- computes (the application queued the canonical JSON around the time and the sequence number, which only
-- the lock's holder knows), so verify-audit re-computes it unchanged. One time for the pass, taken under the
-- lock, so created_at follows seq.
CREATE FUNCTION audit_pending_chain(p_org uuid) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  prev_hash text;
  at timestamptz;
  at_text text;
  r record;
  chained uuid[] := '{}';
BEGIN
  SELECT e.seq, e.hash INTO head_seq, head_hash
    FROM audit_events e WHERE e.org_id = p_org ORDER BY e.seq DESC LIMIT 1;
  head_seq := coalesce(head_seq, 0);
  head_hash := coalesce(head_hash, repeat('0', 64));
  at := date_trunc('milliseconds', clock_timestamp());
  at_text := to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  FOR r IN SELECT * FROM audit_pending p WHERE p.org_id = p_org ORDER BY p.n LOOP
    head_seq := head_seq + 1;
    prev_hash := head_hash;
    head_hash := encode(sha256(convert_to(
      head_hash || E'\n' || r.canonical_before_time || at_text || r.canonical_before_seq
        || head_seq::text || '}', 'UTF8')), 'hex');
    INSERT INTO audit_events (id, org_id, seq, actor_type, actor_id, actor_label, action, entity_type, entity_id,
                              payload, created_at, prev_hash, hash)
    VALUES (r.id, r.org_id, head_seq, r.actor_type, r.actor_id, r.actor_label, r.action, r.entity_type,
            r.entity_id, r.payload, at, prev_hash, head_hash);
    chained := chained || r.id;
  END LOOP;
  DELETE FROM audit_pending p WHERE p.id = ANY (chained);
  RETURN cardinality(chained);
END $$;
--> statement-breakpoint
-- What lockChain() sends: the chain's lock, then the queue drained, so whatever was queued and committed
-- before takes its place ahead of the events the caller appends. Answers how many rows it chained.
CREATE FUNCTION audit_chain_lock(p_org uuid) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || p_org::text, 0));
  RETURN audit_pending_chain(p_org);
END $$;
--> statement-breakpoint
-- The queue drained on its own: no lock taken (and nothing written) when the organisation has nothing queued,
-- which is what most reads of the trail find. The lock is held until the caller's transaction ends.
CREATE FUNCTION audit_pending_drain(p_org uuid) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.org_id = p_org) THEN
    RETURN 0;
  END IF;
  RETURN audit_chain_lock(p_org);
END $$;
--> statement-breakpoint
-- The sweep's scan across organisations (row-level security hides the others from app_user), as
-- questionnaire_schedule_orgs() in 0026: which organisations have queued rows, nothing else.
CREATE FUNCTION audit_pending_orgs() RETURNS TABLE (org_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT DISTINCT p.org_id FROM audit_pending p
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_pending_orgs() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_pending_orgs(), audit_pending_chain(uuid), audit_chain_lock(uuid),
  audit_pending_drain(uuid) TO app_user;
