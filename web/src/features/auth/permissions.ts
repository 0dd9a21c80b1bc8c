import { type Role, roleAtLeast } from '#shared/roles.js';

// What each role may see in the dashboard. The server enforces the same rules (403 forbidden); these only
// keep people from being offered actions they cannot take.
export const canManageUsers = (role: Role): boolean => role === 'admin';
export const canManageApiKeys = (role: Role): boolean => role === 'admin';
export const canReadAuditLog = (role: Role): boolean => roleAtLeast(role, 'officer');
/** Add, edit, archive, import and assess suppliers; executives only read the register. */
export const canManageSuppliers = (role: Role): boolean => roleAtLeast(role, 'officer');
/** Make, edit and publish scoring policies; everyone else reads them. */
export const canManagePolicies = (role: Role): boolean => role === 'admin';
/** A what-if scores the whole portfolio: officers and admins only (the server answers 403 to executives). */
export const canRunWhatIf = (role: Role): boolean => roleAtLeast(role, 'officer');
/** Make, edit and publish questionnaire templates; executives read them. */
export const canManageTemplates = (role: Role): boolean => roleAtLeast(role, 'officer');
/** Send questionnaires and revoke or re-issue their links (POST /api/assignments… need an officer). */
export const canSendQuestionnaires = (role: Role): boolean => roleAtLeast(role, 'officer');
/** Issue and download reports: every role (issuing a report changes no data; executives use it most). */
export const canIssueReports = (role: Role): boolean => roleAtLeast(role, 'executive');
