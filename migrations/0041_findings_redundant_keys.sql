-- A finding's single-column foreign keys to its organisation, supplier and questionnaire are implied by its
-- same-organisation keys (migration 0031): (supplier_id, org_id) exists in suppliers, whose org_id references
-- organizations, and (assignment_id, org_id) exists in questionnaire_assignments whenever assignment_id is set
-- (both pass on a null, as MATCH SIMPLE does). Each one was checked again on every finding an acceptance
-- opens (five key checks per row instead of two), and the organisation's key took a share lock on the
-- organisation's row from every acceptance at once.
ALTER TABLE "findings" DROP CONSTRAINT "findings_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "findings" DROP CONSTRAINT "findings_supplier_id_suppliers_id_fk";
--> statement-breakpoint
ALTER TABLE "findings" DROP CONSTRAINT "findings_assignment_id_questionnaire_assignments_id_fk";
