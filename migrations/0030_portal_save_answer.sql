-- The supplier portal's autosave as one statement (server/src/modules/assignments/portal.autosave.ts). An
-- autosave is the request the portal makes most (every answer, typed or clicked, by every supplier at once),
-- and as a transaction of its own it took at least five round trips between the server and the database
-- (begin; the tenant, the lock and the read; the write, the status and the audit event; commit) besides the
-- rate limit. Each is a wait in both queues when 200 suppliers save together. portal_save_answer() (below),
-- called in autocommit, is one.
-- The application still decides everything that needs the questionnaire's definition (which question, which
-- values are valid, the audit event's canonical text); the function does what needs the rows, in the order
-- the transaction did it, and answers what happened as JSON, never raising for a refusal.
--
-- SECURITY INVOKER: it runs as the request role (app_user) under row-level security. It finds the link's
-- organisation through portal_link() (definer, as before any tenant is known), then sets the tenant for the
-- rest of the statement's transaction, as withTenant does; the setting ends with the statement.

-- An answer as the portal reads it (PortalAnswer in shared/src/schemas/portal.ts, with its id).
CREATE FUNCTION portal_answer_json(x questionnaire_answers) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('id', x.id, 'questionId', x.question_id, 'value', x.value,
                            'revision', x.revision, 'updatedAt', x.updated_at)
$$;
--> statement-breakpoint
-- Every answer of an assignment (the application works out the progress from them).
CREATE FUNCTION portal_answers_json(p_assignment_id uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(portal_answer_json(x)), '[]') FROM questionnaire_answers x
  WHERE x.assignment_id = p_assignment_id
$$;
--> statement-breakpoint
CREATE FUNCTION portal_save_answer(
  p_token_hash text,
  -- Where the application believes the link leads (it keeps that per process); checked here.
  p_org_id uuid,
  p_assignment_id uuid,
  -- The supplier's name the audit event's actor label was made with; a rename since answers 'renamed'.
  p_supplier_name text,
  -- OPEN_ASSIGNMENT_STATUSES (shared/src/schemas/assignments.ts): the statuses a supplier may still change.
  p_open_statuses text[],
  p_question_id text,
  -- The revision of the answer the supplier last saw; null when it saw none.
  p_revision integer,
  -- The answer, already validated against its question; null clears it.
  p_value jsonb,
  -- A file answer's files (each must have been uploaded to this questionnaire for this question); else null.
  p_evidence_ids uuid[],
  -- The audit event's canonical JSON around its time and sequence number (canonicalAroundTimeAndSeq in
  -- audit-hash.ts): the event is read from that text, so what is stored is what is hashed.
  p_audit_before_time text,
  p_audit_before_seq text
) RETURNS jsonb LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
DECLARE
  link_org uuid;
  link_assignment uuid;
  link_state text;
  asg_status text;
  supplier_name text;
  existing_id uuid;
  existing_revision integer;
  saved jsonb;
  event jsonb;
BEGIN
  SELECT l.org_id, l.assignment_id INTO link_org, link_assignment FROM portal_link(p_token_hash) l;
  IF link_org IS NULL OR link_org <> p_org_id OR link_assignment <> p_assignment_id THEN
    RETURN jsonb_build_object('outcome', 'invalid');
  END IF;
  PERFORM set_config('app.org_id', p_org_id::text, true);
  -- Committed without waiting for the write-ahead log to reach the disk. Every autosave of an organisation
  -- joins one audit chain at commit, under one lock (migration 0028) held until the commit is on disk: waiting
  -- for the disk there made 200 suppliers saving at once queue behind each other's flushes, one at a time.
  -- What it risks is named by PostgreSQL: a crash of the database server (not a restart or shutdown, which
  -- write everything out) may lose the autosaves of the last moments (at most three wal_writer_delay, 0.6 s by
  -- default; any synchronous commit after them, such as the rate limit's count of the next request, writes
  -- them out too), each whole, its answer with its audit event, as if rolled back: the chain stays unbroken.
  -- A draft answer is what can be lost, never a submission (submit commits synchronously, and writes out
  -- everything before it).
  PERFORM set_config('synchronous_commit', 'off', true);

  -- The row lock first: a save, an upload, a submit and the officer's accept or return run one after
  -- another. Each statement below takes a new snapshot, so it sees what the previous holder committed.
  PERFORM 1 FROM questionnaire_assignments a WHERE a.id = p_assignment_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'invalid');
  END IF;
  SELECT a.status, s.name INTO asg_status, supplier_name
    FROM questionnaire_assignments a JOIN suppliers s ON s.id = a.supplier_id WHERE a.id = p_assignment_id;
  -- The link's state under the lock: a link revoked a moment before cannot still write.
  SELECT l.state INTO link_state FROM portal_link(p_token_hash) l;
  IF link_state IS NULL THEN
    RETURN jsonb_build_object('outcome', 'invalid');
  ELSIF link_state <> 'live' THEN
    RETURN jsonb_build_object('outcome', link_state,
      'organisation', (SELECT o.name FROM organizations o WHERE o.id = p_org_id));
  END IF;
  IF NOT (asg_status = ANY (p_open_statuses)) THEN
    RETURN jsonb_build_object('outcome', 'not_editable', 'status', asg_status);
  END IF;
  IF supplier_name IS DISTINCT FROM p_supplier_name THEN
    RETURN jsonb_build_object('outcome', 'renamed', 'supplierName', supplier_name);
  END IF;
  IF p_evidence_ids IS NOT NULL AND EXISTS (
    SELECT 1 FROM unnest(p_evidence_ids) f(id)
    WHERE NOT EXISTS (SELECT 1 FROM evidence_files e
                      WHERE e.id = f.id AND e.assignment_id = p_assignment_id AND e.question_id = p_question_id))
  THEN
    RETURN jsonb_build_object('outcome', 'evidence_not_own');
  END IF;

  SELECT x.id, x.revision INTO existing_id, existing_revision
    FROM questionnaire_answers x WHERE x.assignment_id = p_assignment_id AND x.question_id = p_question_id;
  -- Clearing what is not there writes nothing (whatever revision was sent).
  IF p_value IS NULL AND existing_id IS NULL THEN
    RETURN jsonb_build_object('outcome', 'unchanged', 'answers', portal_answers_json(p_assignment_id));
  END IF;
  -- Saved from an older version (another tab saved meanwhile): the answer as it is now.
  IF p_revision IS DISTINCT FROM existing_revision THEN
    RETURN jsonb_build_object('outcome', 'stale', 'current',
      (SELECT portal_answer_json(x) FROM questionnaire_answers x WHERE x.id = existing_id));
  END IF;

  IF p_value IS NULL THEN
    DELETE FROM questionnaire_answers x WHERE x.id = existing_id;
  ELSIF existing_id IS NULL THEN
    INSERT INTO questionnaire_answers AS x (org_id, assignment_id, question_id, value)
      VALUES (p_org_id, p_assignment_id, p_question_id, p_value)
      RETURNING portal_answer_json(x) INTO saved;
  ELSE
    UPDATE questionnaire_answers x SET value = p_value, updated_at = now(), revision = x.revision + 1
      WHERE x.id = existing_id
      RETURNING portal_answer_json(x) INTO saved;
  END IF;
  -- The first save moves a sent questionnaire to "in progress".
  IF asg_status = 'sent' THEN
    UPDATE questionnaire_assignments a SET status = 'in_progress', updated_at = now(), revision = a.revision + 1
      WHERE a.id = p_assignment_id;
  END IF;
  -- Joined to the chain at commit (migration 0028). Any time and number make the text an event to read.
  event := (p_audit_before_time || '1970-01-01T00:00:00.000Z' || p_audit_before_seq || '0}')::jsonb;
  IF (event->>'orgId')::uuid <> p_org_id OR event->>'entityId' <> p_assignment_id::text THEN
    RAISE EXCEPTION 'portal_save_answer: the audit event is about another questionnaire';
  END IF;
  INSERT INTO audit_pending (id, org_id, actor_type, actor_id, actor_label, action, entity_type, entity_id,
                             payload, canonical_before_time, canonical_before_seq)
  VALUES (gen_random_uuid(), p_org_id, event->>'actorType', event->>'actorId', event->>'actorLabel',
          event->>'action', event->>'entityType', event->>'entityId', event->'payload',
          p_audit_before_time, p_audit_before_seq);
  RETURN jsonb_build_object('outcome', 'saved', 'answer', saved,
                            'answers', portal_answers_json(p_assignment_id));
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_save_answer(text, uuid, uuid, text, text[], text, integer, jsonb, uuid[], text, text),
  portal_answer_json(questionnaire_answers), portal_answers_json(uuid) TO app_user;
