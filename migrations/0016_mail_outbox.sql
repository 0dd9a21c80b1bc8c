-- E-mail outbox and single-use account links (issue 9): see server/src/db/schema/mail.ts and
-- server/src/modules/mail/. Messages are queued in the transaction of the change that causes them.
CREATE TABLE "account_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "account_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"params" jsonb NOT NULL,
	"link_sealed" text,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_links_org_user_idx" ON "account_links" USING btree ("org_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_org_entity_idx" ON "mail_outbox" USING btree ("org_id","entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_org_created_idx" ON "mail_outbox" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
-- Tenant isolation (second wall), as for the other tenant tables.
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON mail_outbox
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
ALTER TABLE account_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE account_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON account_links
  USING (org_id = current_org_id()) WITH CHECK (org_id = current_org_id());
--> statement-breakpoint
-- A message is queued and its delivery recorded, never deleted (it is the record that someone was told).
REVOKE ALL ON mail_outbox FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON mail_outbox TO app_user;
--> statement-breakpoint
-- A link is issued, and spent or expired; never edited otherwise (spending goes through the function below).
REVOKE ALL ON account_links FROM app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON account_links TO app_user;
--> statement-breakpoint
-- Claims up to p_limit due messages of any organisation for this process (SKIP LOCKED: several API processes
-- share the outbox without sending a message twice), counting the attempt. The worker then reads and settles
-- each message inside its organisation.
CREATE FUNCTION mail_outbox_claim(p_limit integer)
  RETURNS TABLE (id uuid, org_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE mail_outbox m SET status = 'sending', claimed_at = now(), attempts = m.attempts + 1
  WHERE m.id IN (SELECT q.id FROM mail_outbox q WHERE q.status = 'queued' AND q.next_attempt_at <= now()
                 ORDER BY q.next_attempt_at LIMIT p_limit FOR UPDATE SKIP LOCKED)
  RETURNING m.id, m.org_id
$$;
--> statement-breakpoint
-- Messages left "sending" by a process that died go back to the queue (at start-up and on each poll). The
-- SMTP server may have accepted one before the process died: e-mail is at-least-once, never lost.
CREATE FUNCTION mail_outbox_requeue_stale()
  RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH requeued AS (
    UPDATE mail_outbox m SET status = 'queued', claimed_at = NULL
    WHERE m.status = 'sending' AND m.claimed_at < now() - interval '10 minutes'
    RETURNING 1
  )
  SELECT count(*)::integer FROM requeued
$$;
--> statement-breakpoint
-- What the page behind an account link may show before anyone is signed in: the link's state and, while it
-- is live, whose account it opens and in which organisation. Nothing for an unknown token.
CREATE FUNCTION account_link_lookup(p_token_hash text)
  RETURNS TABLE (kind text, state text, email text, name text, org_name text, expires_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT l.kind,
         CASE WHEN l.used_at IS NOT NULL THEN 'used' WHEN l.expires_at <= now() THEN 'expired' ELSE 'live' END,
         CASE WHEN l.used_at IS NULL AND l.expires_at > now() THEN u.email END,
         CASE WHEN l.used_at IS NULL AND l.expires_at > now() THEN u.name END,
         o.name, l.expires_at
  FROM account_links l JOIN users u ON u.id = l.user_id JOIN organizations o ON o.id = l.org_id
  WHERE l.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- Spends a live link and sets the password of its account: every other live link of the person is spent too,
-- and every session of theirs ends (a reset is asked for when someone else may know the password). Answers
-- the person and the link's organisation (where the change is audited), or no row for a dead or unknown link.
CREATE FUNCTION account_link_set_password(p_token_hash text, p_password_hash text)
  RETURNS TABLE (user_id uuid, org_id uuid, kind text, sessions_ended integer)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_link account_links%ROWTYPE;
  v_ended integer;
BEGIN
  UPDATE account_links l SET used_at = now()
  WHERE l.token_hash = p_token_hash AND l.used_at IS NULL AND l.expires_at > now()
  RETURNING l.* INTO v_link;
  IF NOT FOUND THEN RETURN; END IF;
  UPDATE account_links l SET used_at = now()
  WHERE l.user_id = v_link.user_id AND l.used_at IS NULL AND l.expires_at > now();
  UPDATE users u SET password_hash = p_password_hash WHERE u.id = v_link.user_id;
  WITH ended AS (
    UPDATE sessions s SET revoked_at = now()
    WHERE s.user_id = v_link.user_id AND s.revoked_at IS NULL AND s.expires_at > now()
    RETURNING 1
  )
  SELECT count(*)::integer INTO v_ended FROM ended;
  RETURN QUERY SELECT v_link.user_id, v_link.org_id, v_link.kind, v_ended;
END
$$;
--> statement-breakpoint
-- Where a password reset asked for by e-mail is issued: the person's first active organisation (the one a
-- sign-in opens), with the names the message needs. No row for an unknown e-mail or a person with no active
-- membership (the request still answers the same, so it reveals nothing).
CREATE FUNCTION account_reset_target(p_email text)
  RETURNS TABLE (user_id uuid, org_id uuid, org_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, m.org_id, o.name
  FROM users u JOIN memberships m ON m.user_id = u.id AND m.status = 'active'
  JOIN organizations o ON o.id = m.org_id
  WHERE u.email = p_email
  ORDER BY m.created_at, o.name LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION mail_outbox_claim(integer), mail_outbox_requeue_stale(), account_link_lookup(text),
  account_link_set_password(text, text), account_reset_target(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION mail_outbox_claim(integer), mail_outbox_requeue_stale(), account_link_lookup(text),
  account_link_set_password(text, text), account_reset_target(text) TO app_user;
