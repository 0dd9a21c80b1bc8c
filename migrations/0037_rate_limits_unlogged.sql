-- Rate-limit windows (server/src/modules/rate-limits) are counted on every API request: as a logged table,
-- each count was a commit that waited for the WAL to reach disk before the request could go on (measured: the
-- largest fixed cost of a signed-in request). An UNLOGGED table writes no WAL, so its commits do not wait.
-- What that costs: after a crash of PostgreSQL (not a clean restart) the table starts empty, so every window,
-- a sign-in throttle's included, starts again. Windows last minutes; a crash already interrupts far more.
ALTER TABLE "rate_limits" SET UNLOGGED;
