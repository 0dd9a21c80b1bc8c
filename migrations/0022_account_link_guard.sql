-- Password links and accounts shared by several organisations (review of issue 9). A person's password is
-- theirs, not one organisation's: an admin may be handed a link to pass on only for an account that belongs to
-- their organisation alone, and a link works only while its membership is active.

-- How many organisations (active memberships) a member of the current organisation belongs to; 0 for anyone
-- who is not a member here, so it tells a tenant nothing about people outside it.
CREATE FUNCTION account_membership_count(p_user_id uuid)
  RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE
    WHEN EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = p_user_id AND m.org_id = current_org_id())
    THEN (SELECT count(*)::integer FROM memberships m WHERE m.user_id = p_user_id AND m.status = 'active')
    ELSE 0 END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION account_membership_count(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION account_membership_count(uuid) TO app_user;
--> statement-breakpoint
-- As in 0016, and the link's membership must still be active (a member deactivated after the link was sent
-- cannot use it to set the password of an account other organisations rely on).
CREATE OR REPLACE FUNCTION account_link_set_password(p_token_hash text, p_password_hash text)
  RETURNS TABLE (user_id uuid, org_id uuid, kind text, sessions_ended integer)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_link account_links%ROWTYPE;
  v_ended integer;
BEGIN
  UPDATE account_links l SET used_at = now()
  WHERE l.token_hash = p_token_hash AND l.used_at IS NULL AND l.expires_at > now()
    AND EXISTS (SELECT 1 FROM memberships m
                WHERE m.user_id = l.user_id AND m.org_id = l.org_id AND m.status = 'active')
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
