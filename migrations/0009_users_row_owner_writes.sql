-- A person's account row (name, e-mail, password hash) is shared by every organisation they belong to, and any
-- organisation's admin can add an existing e-mail as a member. 0001 let the request role of ANY of those
-- organisations update the row, password hash included: one tenant could take over a person's account in
-- another. No organisation writes the row any more. The one change a request makes to it, a person setting
-- their own password, goes through the function below, keyed by the live session the caller holds.
DROP POLICY users_update_by_members ON users;
--> statement-breakpoint
REVOKE UPDATE ON users FROM app_user;
--> statement-breakpoint
-- Sets the password of the person behind a live session; answers their id, or NULL when the session is not live.
CREATE FUNCTION auth_set_own_password(p_token_hash text, p_password_hash text)
  RETURNS uuid
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE users u SET password_hash = p_password_hash
  FROM sessions s
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id
  RETURNING u.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_set_own_password(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_set_own_password(text, text) TO app_user;
