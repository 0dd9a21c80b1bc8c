-- The public verify endpoint (POST /api/reports/verify, issue 11): anyone holding a PDF learns whether its
-- exact bytes were issued, by which organisation, what kind and when, and nothing more. The caller has no
-- tenant, so the lookup is a SECURITY DEFINER function in the manner of 0007: it does one thing, takes what
-- the caller holds (the SHA-256 of the bytes), answers only those fields of ready reports, runs as the owner
-- with a pinned search_path, and only app_user may call it.
CREATE INDEX "reports_sha256_idx" ON "reports" USING btree ("sha256") WHERE "reports"."sha256" is not null;
--> statement-breakpoint
CREATE FUNCTION report_by_sha256(p_sha256 text)
  RETURNS TABLE (report_id uuid, register_number text, kind text, issued_at timestamptz, issued_by_name text,
    organisation_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT r.id, r.register_number, r.kind, r.issued_at, r.issued_by_name, o.name
  FROM reports r
  JOIN organizations o ON o.id = r.org_id
  WHERE r.sha256 = p_sha256 AND r.status = 'ready'
  ORDER BY r.issued_at, r.id
  LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION report_by_sha256(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION report_by_sha256(text) TO app_user;
