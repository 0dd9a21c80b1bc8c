-- Links live in portal_links since 0026 (which copied each one there): the old single-hash column goes.
ALTER TABLE "questionnaire_assignments" DROP CONSTRAINT "questionnaire_assignments_link_token_hash_unique";--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" DROP COLUMN "link_token_hash";
