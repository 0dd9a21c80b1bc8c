import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { findings } from '../../../db/schema/assignments.js';
import { suppliers } from '../../../db/schema/suppliers.js';
import { remediationTasks as rt } from '../../../db/schema/tasks.js';
import { rowsOf } from '../../../db/tenant.js';
import type { TopRisk } from './data.js';

// The riskiest assessed suppliers the report's filters select, in the supplier list's order for
// sort=residualScore&order=desc (residual score, highest first, then id), so the table is the list's first
// page. Open findings and active tasks are counted per listed supplier only (`limit` index probes each).

export const topRisksQuery = (orgId: string, where: SQL | undefined, limit: number) => sql`
  with top as (
    select ${suppliers.id} as id, ${suppliers.name} as name, ${suppliers.country} as country,
      ${suppliers.rating} as rating, ${suppliers.residualScore} as residual
    from ${suppliers} where ${where} and ${suppliers.residualScore} is not null
    order by ${suppliers.residualScore} desc, ${suppliers.id} limit ${limit}
  )
  select t.name, t.country, t.rating, t.residual as "residualScore",
    (select count(*) from ${findings} f
      where f.org_id = ${orgId} and f.supplier_id = t.id and f.status = 'open')::int as "openFindings",
    (select count(*) from ${rt} r where r.org_id = ${orgId} and r.supplier_id = t.id
      and r.status in ('open', 'in_progress', 'pending_verification'))::int as "openTasks"
  from top t order by t.residual desc, t.id`;

export const readTopRisks = async (tx: Tx, orgId: string, where: SQL | undefined, limit: number) =>
  rowsOf<TopRisk>(await tx.execute(topRisksQuery(orgId, where, limit)));
