import { type SQL, sql } from 'drizzle-orm';
import { apiKeys } from '../../db/schema/api-keys.js';
import { auditEvents } from '../../db/schema/audit.js';
import { organizations } from '../../db/schema/orgs.js';
import { assessments, jobs, policies } from '../../db/schema/scoring.js';
import { suppliers } from '../../db/schema/suppliers.js';
import { users } from '../../db/schema/users.js';

/*
 * What an event's entity is called now, as one SQL expression, so the list can show names and search them
 * with paging and a total in one query. This is the one place where the audit module reads other modules'
 * tables: read-only, by primary key, inside the tenant transaction (row-level security applies, so another
 * organisation's entity never lends its name). Entities whose rows are gone, or that have no table, fall
 * back to what their own events recorded.
 */
const e = auditEvents;
const byId = (table: SQL, column: SQL) =>
  sql`(select ${column} from ${table} x where x.id = ${e.entityId}::uuid)`;

export const entityLabelSql: SQL<string | null> = sql<string | null>`case ${e.entityType}
  when 'supplier' then ${byId(sql`${suppliers}`, sql`x.${sql.identifier(suppliers.name.name)}`)}
  when 'user' then ${byId(sql`${users}`, sql`x.${sql.identifier(users.name.name)}`)}
  when 'api_key' then ${byId(sql`${apiKeys}`, sql`x.${sql.identifier(apiKeys.name.name)}`)}
  when 'policy' then ${byId(sql`${policies}`, sql`x.${sql.identifier(policies.name.name)}`)}
  when 'organization' then ${byId(sql`${organizations}`, sql`x.${sql.identifier(organizations.name.name)}`)}
  when 'job' then coalesce(${byId(sql`${jobs}`, sql`x.${sql.identifier(jobs.kind.name)}`)}, ${e.payload}->>'kind')
  when 'assessment' then (select s.${sql.identifier(suppliers.name.name)} from ${assessments} a
    join ${suppliers} s on s.id = a.${sql.identifier(assessments.supplierId.name)} where a.id = ${e.entityId}::uuid)
  when 'supplier_import' then ${e.payload}->>'fileName'
  when 'session' then ${e.actorLabel}
  when 'erasure' then ${e.payload}->>'requestRef'
end`;
