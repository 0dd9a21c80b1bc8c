-- Optimistic concurrency (lost updates): every editable record carries the number of its edits. An update
-- names the revision it was made from (If-Match) and is refused with 409 when the record has moved on.
-- Named "revision", not "version": a policy's "version" is already its published number.
ALTER TABLE "suppliers" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;
