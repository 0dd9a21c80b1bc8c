-- Every issued report prints a signed checkpoint of the audit-chain head its data was read at, and the
-- register stores that checkpoint (reason 'report') in the transaction that issues the report. Several
-- checkpoints may name one sequence number (a report's and an automatic one): there is no unique (org, seq)
-- and the verifier checks each on its own.
ALTER TABLE "audit_checkpoints" DROP CONSTRAINT "audit_checkpoints_reason_ck";
--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_reason_ck" CHECK ("reason" IN ('auto', 'on_demand', 'report'));
