-- Request rate limits and login throttling live here rather than in process memory, so several API processes
-- on one database share one budget per client. Not tenant data: keys name a client address (and an e-mail
-- for login throttling), never an organisation, and rows are deleted once they expire.
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limits_expires_idx" ON "rate_limits" USING btree ("expires_at");
--> statement-breakpoint
-- The request role counts every request; it needs no more than these (no TRUNCATE, no DDL).
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO app_user;
--> statement-breakpoint
-- API keys may be given an end: a key past it is refused like a revoked one.
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;
--> statement-breakpoint
-- The end of validity of a live API key, by its hash (the caller holds the key). Read before auth_api_key
-- (0007) marks the key used, so an expired key is refused by name and never recorded as used. NULL: no such
-- live key, or no end. Runs as the owner (the request role cannot read keys before a tenant is known), with a
-- pinned search_path; only app_user may call it.
CREATE FUNCTION auth_api_key_expiry(p_key_hash text)
  RETURNS timestamptz
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.expires_at FROM api_keys a WHERE a.key_hash = p_key_hash AND a.revoked_at IS NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_api_key_expiry(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_api_key_expiry(text) TO app_user;
