-- Unknown data is never rated low (issue 8, defect 3): when the policy's unknown-data floor raised a
-- supplier's rating, the list shows it beside the rating ("Medium · insufficient data"). Copied from the
-- current assessment's result.ratingFloor.kind wherever `rating` is written (setCurrentAssessments); NULL when
-- no floor raised it, and for every row assessed before engine 1.1.0 (their results have no floor). The
-- column is text, guarded by the contract (RATING_FLOOR_KINDS). Table-level grants to app_user (0001) and the
-- suppliers RLS policies cover the new column.
ALTER TABLE "suppliers" ADD COLUMN "rating_floor" text;
