-- The goods synonym table version each supplier's good_keys were computed under (issue 8). NULL for every
-- existing row: the server recomputes good_keys of rows whose version is not the current one right after
-- the migrations (refreshGoodKeys, as the owner), so the "good" filter follows the new table. Table-level
-- grants to app_user (0001) cover the new column.
ALTER TABLE "suppliers" ADD COLUMN "good_keys_version" text;
