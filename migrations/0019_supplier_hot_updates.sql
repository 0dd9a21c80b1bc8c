-- Rescoring without rewriting every index of the register (issue 8, speed). A rescore writes each supplier's
-- current-risk columns. When an indexed column changes, PostgreSQL adds a new entry to every index of the
-- table (12, two of them GIN); when none changes and the new row version fits on its page, the update is
-- heap-only (HOT) and touches no index. assessed_at changes on every rescore, so its index goes: the
-- "assessed before" and "never assessed" filters read the organisation's rows like the other filters without
-- an index. Rating and scores are indexed (lists sort on them) but stay the same for most suppliers when a
-- policy changes a little, and those updates become HOT.
DROP INDEX "suppliers_org_assessed_idx";--> statement-breakpoint
-- 10% of each page left free for the new version of its rows (existing pages gain it as rows are rewritten).
ALTER TABLE "suppliers" SET (fillfactor = 90);
