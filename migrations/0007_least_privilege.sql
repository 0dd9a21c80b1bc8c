-- Least privilege. Requests are served by a login role with neither superuser nor BYPASSRLS, acting as
-- app_user; only the owner of the tables (which runs the migrations) can step over row-level security.
-- What must be read before a tenant is known (a session, an API key, a login) or across tenants (the job
-- queue, setting up an organisation) goes through the SECURITY DEFINER functions below. Each does one thing,
-- takes what the caller already holds (a token hash, an e-mail), answers only what that step needs, runs as
-- the owner with a pinned search_path, and only app_user may call it.
--
-- The owner must be a superuser or have BYPASSRLS: the tables FORCE row-level security, owner included, and
-- these functions run as the owner.
--
-- The live session behind a token hash: who, in which organisation, with which (active) role.
CREATE FUNCTION auth_session(p_token_hash text)
  RETURNS TABLE (session_id uuid, org_id uuid, expires_at timestamptz, user_id uuid, email text, name text, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.id, s.org_id, s.expires_at, u.id, u.email, u.name, m.role
  FROM sessions s
  JOIN users u ON u.id = s.user_id
  JOIN memberships m ON m.user_id = s.user_id AND m.org_id = s.org_id AND m.status = 'active'
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
$$;
--> statement-breakpoint
-- The organisations the user of a live session may switch to (active memberships), oldest membership first.
CREATE FUNCTION auth_session_memberships(p_token_hash text)
  RETURNS TABLE (org_id uuid, org_name text, org_slug text, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT o.id, o.name, o.slug, m.role
  FROM sessions s
  JOIN memberships m ON m.user_id = s.user_id AND m.status = 'active'
  JOIN organizations o ON o.id = m.org_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
  ORDER BY m.created_at, o.name
$$;
--> statement-breakpoint
-- What a sign-in checks the password against. Nothing else about the account leaves.
CREATE FUNCTION auth_login_user(p_email text)
  RETURNS TABLE (user_id uuid, password_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.password_hash FROM users u WHERE u.email = p_email
$$;
--> statement-breakpoint
-- Opens a session (after the password was verified) in the user's first active organisation, and records the
-- sign-in time. No row when every membership is deactivated: no session is created then.
CREATE FUNCTION auth_start_session(p_token_hash text, p_user_id uuid, p_expires_at timestamptz)
  RETURNS TABLE (session_id uuid, org_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH first_org AS (
    SELECT m.org_id FROM memberships m JOIN organizations o ON o.id = m.org_id
    WHERE m.user_id = p_user_id AND m.status = 'active'
    ORDER BY m.created_at, o.name LIMIT 1
  ), touched AS (
    UPDATE users u SET last_login_at = now() WHERE u.id = p_user_id AND EXISTS (SELECT 1 FROM first_org)
  )
  INSERT INTO sessions (token_hash, user_id, org_id, expires_at)
  SELECT p_token_hash, p_user_id, f.org_id, p_expires_at FROM first_org f
  RETURNING sessions.id, sessions.org_id
$$;
--> statement-breakpoint
-- Moves a live session to another organisation its user is an active member of. Answers the session id, or
-- NULL when the session is not live or the user is not an active member there.
CREATE FUNCTION auth_switch_org(p_token_hash text, p_org_id uuid)
  RETURNS uuid
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE sessions s SET org_id = p_org_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
    AND EXISTS (SELECT 1 FROM memberships m
                WHERE m.user_id = s.user_id AND m.org_id = p_org_id AND m.status = 'active')
  RETURNING s.id
$$;
--> statement-breakpoint
-- Authenticates an API key by its hash and marks it used (at most once a minute, so an integration calling
-- many times a second does not turn every read into a write on the same row).
CREATE FUNCTION auth_api_key(p_key_hash text)
  RETURNS TABLE (id uuid, org_id uuid, name text, role text)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH k AS (
    SELECT a.id, a.org_id, a.name, a.role, a.last_used_at FROM api_keys a
    WHERE a.key_hash = p_key_hash AND a.revoked_at IS NULL
  ), touched AS (
    UPDATE api_keys a SET last_used_at = now() FROM k
    WHERE a.id = k.id AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute')
  )
  SELECT k.id, k.org_id, k.name, k.role FROM k
$$;
--> statement-breakpoint
-- Whether an e-mail already has an account (adding a person who belongs to another organisation gives them
-- a membership, not a second account). Their other organisations stay invisible.
CREATE FUNCTION user_id_by_email(p_email text)
  RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id FROM users u WHERE u.email = p_email
$$;
--> statement-breakpoint
-- Creates the organisation row, the one row no tenant can insert for itself. false when the slug is taken.
CREATE FUNCTION create_organization(p_id uuid, p_name text, p_slug text)
  RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH ins AS (
    INSERT INTO organizations (id, name, slug) VALUES (p_id, p_name, p_slug)
    ON CONFLICT (slug) DO NOTHING RETURNING 1
  )
  SELECT EXISTS (SELECT 1 FROM ins)
$$;
--> statement-breakpoint
-- Every organisation's id, slug and name: the demo seeding (is the database empty?) and the maintenance
-- scripts (verify-audit, seed:large) walk them.
CREATE FUNCTION list_organizations()
  RETURNS TABLE (id uuid, slug text, name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT o.id, o.slug, o.name FROM organizations o ORDER BY o.created_at, o.slug
$$;
--> statement-breakpoint
-- Claims the oldest queued job of any organisation; SKIP LOCKED lets several API processes share the queue
-- without overlap. The runner then reads and finishes the job inside its organisation.
CREATE FUNCTION jobs_claim_next()
  RETURNS TABLE (id uuid, org_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE jobs j SET status = 'running', started_at = now()
  WHERE j.id = (SELECT q.id FROM jobs q WHERE q.status = 'queued' ORDER BY q.created_at LIMIT 1
                FOR UPDATE SKIP LOCKED)
  RETURNING j.id, j.org_id
$$;
--> statement-breakpoint
-- Puts jobs left running by a process that died back in the queue (at start-up). Answers how many.
CREATE FUNCTION jobs_requeue_stale()
  RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH requeued AS (
    UPDATE jobs j SET status = 'queued', started_at = NULL
    WHERE j.status = 'running' AND j.started_at < now() - interval '15 minutes'
    RETURNING 1
  )
  SELECT count(*)::integer FROM requeued
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_session(text), auth_session_memberships(text), auth_login_user(text),
  auth_start_session(text, uuid, timestamptz), auth_switch_org(text, uuid), auth_api_key(text),
  user_id_by_email(text), create_organization(uuid, text, text), list_organizations(), jobs_claim_next(),
  jobs_requeue_stale() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_session(text), auth_session_memberships(text), auth_login_user(text),
  auth_start_session(text, uuid, timestamptz), auth_switch_org(text, uuid), auth_api_key(text),
  user_id_by_email(text), create_organization(uuid, text, text), list_organizations(), jobs_claim_next(),
  jobs_requeue_stale() TO app_user;
