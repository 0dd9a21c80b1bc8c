import { type SQL, sql } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/audit.js';

/**
 * For each entity with a table, its owner module's "name by id" subquery (each lives in that module's repo,
 * which owns the table). The container wires them into the audit service.
 */
export interface EntityNameSources {
  supplier: (id: SQL) => SQL<string | null>;
  user: (id: SQL) => SQL<string | null>;
  apiKey: (id: SQL) => SQL<string | null>;
  policy: (id: SQL) => SQL<string | null>;
  organization: (id: SQL) => SQL<string | null>;
  jobKind: (id: SQL) => SQL<string | null>;
  template: (id: SQL) => SQL<string | null>;
  /** A questionnaire is named after the supplier it was sent to. */
  assignmentSupplierId: (id: SQL) => SQL<string | null>;
  /** An assessment is named after its supplier. */
  assessmentSupplierId: (id: SQL) => SQL<string | null>;
  /** A remediation task is named by its title. */
  taskTitle: (id: SQL) => SQL<string | null>;
}

/*
 * What an event's entity is called now, as one SQL expression, so the list can show names and search them
 * with paging and a total in one query. The names come from the owning modules (read-only, by primary key,
 * inside the tenant transaction: row-level security applies, so another organisation's entity never lends
 * its name). Entities whose rows are gone, or that have no table, fall back to what their own events recorded.
 */
const e = auditEvents;

export const entityLabelSql = (names: EntityNameSources): SQL<string | null> => {
  const id = sql`${e.entityId}::uuid`;
  return sql<string | null>`case ${e.entityType}
  when 'supplier' then ${names.supplier(id)}
  when 'user' then ${names.user(id)}
  when 'api_key' then ${names.apiKey(id)}
  when 'policy' then ${names.policy(id)}
  when 'organization' then ${names.organization(id)}
  when 'job' then coalesce(${names.jobKind(id)}, ${e.payload}->>'kind')
  when 'assessment' then ${names.supplier(names.assessmentSupplierId(id))}
  when 'supplier_import' then ${e.payload}->>'fileName'
  when 'dataset_edition' then ${e.payload}->>'label'
  when 'session' then ${e.actorLabel}
  when 'erasure' then ${e.payload}->>'requestRef'
  when 'assignment' then coalesce(${names.supplier(names.assignmentSupplierId(id))}, ${e.payload}->>'supplierName')
  when 'task' then coalesce(${names.taskTitle(id)}, ${e.payload}->>'title')
  when 'finding' then replace(${e.payload}->>'key', '_', ' ')
  when 'template' then coalesce(${names.template(id)}, ${e.payload}->>'name')
  when 'mail' then replace(${e.payload}->>'kind', '_', ' ')
  when 'report' then ${e.payload}->>'registerNumber'
end`;
};
