-- Same-organisation foreign keys (issue 9 review): each reference from a questionnaire's rows to another
-- tenant-owned row carries org_id with it, so a row can never point into another organisation. Row-level
-- security checks a row's own org_id only; these make the database refuse a row of organisation A that names
-- organisation B's assignment, supplier or template, whatever the application does. As
-- questionnaire_answers_same_org_fk (migration 0018), whose constraint and unique key are now in the drizzle
-- schema too (not created again here). Findings without an assignment (assignment_id null) are not checked
-- against assignments (MATCH SIMPLE), only against their supplier.
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_id_org_uq" UNIQUE("id","org_id");--> statement-breakpoint
ALTER TABLE "questionnaire_templates" ADD CONSTRAINT "questionnaire_templates_id_org_uq" UNIQUE("id","org_id");--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_assignment_same_org_fk" FOREIGN KEY ("assignment_id","org_id") REFERENCES "public"."questionnaire_assignments"("id","org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_supplier_same_org_fk" FOREIGN KEY ("supplier_id","org_id") REFERENCES "public"."suppliers"("id","org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_assignment_same_org_fk" FOREIGN KEY ("assignment_id","org_id") REFERENCES "public"."questionnaire_assignments"("id","org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_supplier_same_org_fk" FOREIGN KEY ("supplier_id","org_id") REFERENCES "public"."suppliers"("id","org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_template_same_org_fk" FOREIGN KEY ("template_id","org_id") REFERENCES "public"."questionnaire_templates"("id","org_id") ON DELETE no action ON UPDATE no action;
