-- Which accepted questionnaire an assessment's answers came from (issue 9): its assignment and the template
-- version it was sent with, recorded when the assessment is written. Until now a reader guessed it from times
-- (the supplier's latest acceptance within 60 s of the assessment), which picked the wrong one when two were
-- accepted within a minute. Null when the assessment scored no answers, and on assessments stored before this
-- column (readers fall back to the time heuristic for those). Same-organisation keys, as in migration 0025.
-- The assessments table is append-only (trigger of migration 0003): existing rows are not back-filled.
ALTER TABLE "assessments" ADD COLUMN "answers_assignment_id" uuid;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "answers_template_id" uuid;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "answers_template_version" integer;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_answers_assignment_same_org_fk" FOREIGN KEY ("answers_assignment_id","org_id") REFERENCES "public"."questionnaire_assignments"("id","org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_answers_template_same_org_fk" FOREIGN KEY ("answers_template_id","org_id") REFERENCES "public"."questionnaire_templates"("id","org_id") ON DELETE no action ON UPDATE no action;
