-- Ratings never go stale: a change to a scored field reassesses the supplier at once, and the assessment says
-- why in words ("profile changed: migrant worker share"). Older rows keep NULL (their trigger alone).
-- The new trigger values ('created', 'profile_changed') need no DDL: the column is text, guarded by the
-- contract. app_user's grants on the table cover the new column; the append-only trigger of 0003 covers it.
ALTER TABLE "assessments" ADD COLUMN "trigger_detail" text;
