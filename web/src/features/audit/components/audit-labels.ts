import type { ActorType, AuditAction, AuditEventInput } from '#shared/schemas/audit.js';

// Records keyed by the shared union types: adding an action or entity type in shared/ without a label here
// fails the type check, so the filter lists cannot silently fall behind.
export const ACTION_LABELS: Record<AuditAction, string> = {
  'org.created': 'Organisation created',
  'user.created': 'User created',
  'user.added_to_org': 'User added to organisation',
  'user.updated': 'User changed',
  'user.password_changed': 'Password changed',
  'auth.login': 'Signed in',
  'auth.logout': 'Signed out',
  'auth.switched_org': 'Switched organisation',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'supplier.created': 'Supplier created',
  'supplier.updated': 'Supplier changed',
  'supplier.archived': 'Supplier archived',
  'supplier.restored': 'Supplier restored',
  'supplier.import_committed': 'Supplier import committed',
  'policy.created': 'Scoring policy created',
  'policy.updated': 'Scoring policy changed',
  'policy.published': 'Scoring policy published',
  'policy.deleted': 'Scoring policy draft deleted',
  'policy.publish_requested': 'Policy publication requested',
  'policy.publish_approved': 'Policy publication approved',
  'policy.publish_rejected': 'Policy publication rejected',
  'policy.publish_withdrawn': 'Policy publication request withdrawn',
  'org.publish_approval_set': 'Publishing approval rule set',
  'dataset_edition.loaded': 'Dataset edition loaded',
  'dataset_edition.deleted': 'Dataset edition deleted',
  'assessment.created': 'Assessment recorded',
  'job.finished': 'Background job finished',
  'audit.personal_data_erased': 'Personal data erased',
  'template.created': 'Questionnaire template created',
  'template.updated': 'Questionnaire template changed',
  'template.published': 'Questionnaire template published',
  'template.deleted': 'Questionnaire template draft deleted',
  'assignment.created': 'Questionnaire sent',
  'assignment.link_revoked': 'Questionnaire link revoked',
  'assignment.link_reissued': 'Questionnaire link re-issued',
  'assignment.answer_saved': 'Questionnaire answer saved',
  'assignment.locale_chosen': 'Questionnaire language chosen',
  'assignment.submitted': 'Questionnaire submitted',
  'assignment.evidence_uploaded': 'Evidence uploaded',
  'assignment.returned': 'Questionnaire returned',
  'assignment.accepted': 'Questionnaire accepted',
  'finding.opened': 'Finding opened',
  'mail.sent': 'E-mail sent',
  'mail.failed': 'E-mail given up',
  'account_link.issued': 'Password link issued',
  'user.password_set_by_link': 'Password set by link',
};

export const ENTITY_TYPE_LABELS: Record<AuditEventInput['entityType'], string> = {
  organization: 'Organisation',
  user: 'User',
  session: 'Session',
  api_key: 'API key',
  supplier: 'Supplier',
  supplier_import: 'Supplier import',
  policy: 'Scoring policy',
  dataset_edition: 'Dataset edition',
  assessment: 'Assessment',
  job: 'Background job',
  erasure: 'Erasure request',
  mail: 'E-mail',
  template: 'Questionnaire template',
  assignment: 'Questionnaire',
  finding: 'Finding',
};

export const ACTOR_TYPE_LABELS: Record<ActorType, string> = {
  user: 'User',
  api_key: 'API key',
  supplier_link: 'Supplier link',
  system: 'System',
};

export const actionLabel = (action: string): string => ACTION_LABELS[action as AuditAction] ?? action;
export const entityTypeLabel = (entityType: string): string =>
  ENTITY_TYPE_LABELS[entityType as AuditEventInput['entityType']] ?? entityType;
