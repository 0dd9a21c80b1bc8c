import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { findings, questionnaireAssignments as qa } from '../../db/schema/assignments.js';
import { assessments } from '../../db/schema/scoring.js';
import { suppliers } from '../../db/schema/suppliers.js';
import { remediationTasks as rt } from '../../db/schema/tasks.js';
import { rowsOf } from '../../db/tenant.js';

// The dashboard is a read model over other modules' tables: aggregates only, never rows, and never a write.
// Each statement reads the suppliers the filter selects (`where`, the supplier list's own WHERE from
// suppliers.repo's supplierFilter, which names the table "suppliers"): a task, finding, questionnaire or
// assessment counts when its supplier does. Every statement also names the organisation (and row-level
// security applies, as everywhere). Dates are UTC days computed by the caller, so "overdue" is one day for all.

export interface Window {
  today: string;
  /** today + DASHBOARD_EXPIRING_DAYS. */
  soon: string;
  /** First day of the oldest trend month. */
  trendFrom: string;
  /** The Monday of the oldest burn-down week. */
  burnFrom: string;
}

const run = async <T>(tx: Tx, query: SQL) => rowsOf<T>(await tx.execute(query));

/** Suppliers, spend and coverage per (band, currency): one grouped statement. */
export const bandRows = (tx: Tx, orgId: string, where: SQL | undefined, w: Window) =>
  run<{
    band: string;
    currency: string;
    suppliers: number;
    with_spend: number;
    spend: number;
    covered: number;
    expiring: number;
    expired: number;
  }>(
    tx,
    sql`
    with acc as (
      select ${qa.supplierId} as supplier_id, max(${qa.validUntil}) as until from ${qa}
      where ${qa.orgId} = ${orgId} and ${qa.status} = 'accepted' group by ${qa.supplierId}
    )
    select coalesce(${suppliers.rating}, 'none') as band, ${suppliers.currency} as currency,
      count(*)::int as suppliers,
      count(${suppliers.annualSpend})::int as with_spend,
      coalesce(sum(${suppliers.annualSpend}), 0)::float8 as spend,
      (count(*) filter (where ${suppliers.currentAssessmentId} is not null
        and acc.until >= ${w.today}::date))::int as covered,
      (count(*) filter (where ${suppliers.currentAssessmentId} is not null
        and acc.until >= ${w.today}::date and acc.until <= ${w.soon}::date))::int as expiring,
      (count(*) filter (where acc.until < ${w.today}::date))::int as expired
    from ${suppliers} left join acc on acc.supplier_id = ${suppliers.id}
    where ${where}
    group by 1, 2`,
  );

/** Remediation per severity: active, overdue, risk accepted and expiring (closed tasks are not read). */
export const taskRows = (tx: Tx, orgId: string, where: SQL | undefined, w: Window) =>
  run<{ severity: string; active: number; overdue: number; accepted: number; accepted_expiring: number }>(
    tx,
    sql`
    select t.severity,
      (count(*) filter (where t.status in ('open', 'in_progress', 'pending_verification')))::int as active,
      (count(*) filter (where t.status in ('open', 'in_progress', 'pending_verification')
        and t.due_date < ${w.today}::date))::int as overdue,
      (count(*) filter (where t.status = 'risk_accepted'))::int as accepted,
      (count(*) filter (where t.status = 'risk_accepted'
        and t.risk_accepted_until <= ${w.soon}::date))::int as accepted_expiring
    from ${rt} t join ${suppliers} on ${suppliers.id} = t.supplier_id
    where t.org_id = ${orgId} and t.status <> 'closed' and ${where}
    group by t.severity`,
  );

/** Questionnaires outstanding and overdue, and open red flags: one row. */
export const workRow = async (tx: Tx, orgId: string, where: SQL | undefined, w: Window) =>
  (
    await run<{
      outstanding: number;
      overdue: number;
      awaiting_review: number;
      red_flags: number;
      red_flag_suppliers: number;
    }>(
      tx,
      sql`
      select q.outstanding, q.overdue, q.awaiting_review, f.red_flags, f.red_flag_suppliers
      from (
        select count(*)::int as outstanding,
          (count(*) filter (where q.status <> 'submitted' and q.due_date < ${w.today}::date))::int as overdue,
          (count(*) filter (where q.status = 'submitted'))::int as awaiting_review
        from ${qa} q join ${suppliers} on ${suppliers.id} = q.supplier_id
        where q.org_id = ${orgId} and q.status <> 'accepted' and ${where}
      ) q, (
        select count(*)::int as red_flags, count(distinct f.supplier_id)::int as red_flag_suppliers
        from ${findings} f join ${suppliers} on ${suppliers.id} = f.supplier_id
        where f.org_id = ${orgId} and f.kind = 'red_flag' and f.status = 'open' and ${where}
      ) f`,
    )
  )[0];

/**
 * Country × good cells, for the countries and goods with the most supplier-good pairs (a supplier with three
 * goods sits in three cells). Goods are compared in lower case, as the supplier list's good filter does.
 */
export const heatRows = (tx: Tx, where: SQL | undefined, maxCountries: number, maxGoods: number) =>
  run<{
    country: string;
    good: string;
    suppliers: number;
    assessed: number;
    avg_residual: number | null;
    high_or_critical: number;
  }>(
    tx,
    sql`
    with cells as (
      select ${suppliers.country} as country, g.good, count(*)::int as suppliers,
        count(${suppliers.residualScore})::int as assessed,
        avg(${suppliers.residualScore})::float8 as avg_residual,
        (count(*) filter (where ${suppliers.ratingRank} >= 3))::int as high_or_critical
      from ${suppliers}
        cross join lateral (select distinct lower(x) as good from unnest(${suppliers.goods}) x) g
      where ${where}
      group by 1, 2
    ),
    top_c as (select country from cells group by country order by sum(suppliers) desc, country limit ${maxCountries}),
    top_g as (select good from cells group by good order by sum(suppliers) desc, good limit ${maxGoods})
    select c.* from cells c
    where c.country in (select country from top_c) and c.good in (select good from top_g)`,
  );

/** Per month: each supplier's last assessment of the month (so a rescore counts a supplier once). */
export const trendRows = (tx: Tx, orgId: string, where: SQL | undefined, w: Window) =>
  run<{
    month: string;
    assessed: number;
    avg_residual: number | null;
    low: number;
    medium: number;
    high: number;
    critical: number;
  }>(
    tx,
    sql`
    with monthly as (
      select distinct on (a.supplier_id, date_trunc('month', a.created_at at time zone 'UTC'))
        date_trunc('month', a.created_at at time zone 'UTC') as month, a.residual_score, a.rating
      from ${assessments} a join ${suppliers} on ${suppliers.id} = a.supplier_id
      where a.org_id = ${orgId} and a.created_at >= ${w.trendFrom}::timestamp at time zone 'UTC' and ${where}
      order by a.supplier_id, date_trunc('month', a.created_at at time zone 'UTC'), a.created_at desc, a.id desc
    )
    select to_char(month, 'YYYY-MM') as month, count(*)::int as assessed,
      avg(residual_score)::float8 as avg_residual,
      (count(*) filter (where rating = 'low'))::int as low,
      (count(*) filter (where rating = 'medium'))::int as medium,
      (count(*) filter (where rating = 'high'))::int as high,
      (count(*) filter (where rating = 'critical'))::int as critical
    from monthly group by month`,
  );

/** Tasks opened and closed (verified) per ISO week, weeks starting Monday in UTC. */
export const burnRows = (tx: Tx, orgId: string, where: SQL | undefined, w: Window) =>
  run<{ week: string; opened: number; closed: number }>(
    tx,
    sql`
    select to_char(date_trunc('week', e.at at time zone 'UTC'), 'YYYY-MM-DD') as week,
      sum(e.opened)::int as opened, sum(e.closed)::int as closed
    from (
      select t.created_at as at, 1 as opened, 0 as closed
      from ${rt} t join ${suppliers} on ${suppliers.id} = t.supplier_id
      where t.org_id = ${orgId} and t.created_at >= ${w.burnFrom}::timestamp at time zone 'UTC' and ${where}
      union all
      select t.closed_at, 0, 1
      from ${rt} t join ${suppliers} on ${suppliers.id} = t.supplier_id
      where t.org_id = ${orgId} and t.status = 'closed'
        and t.closed_at >= ${w.burnFrom}::timestamp at time zone 'UTC' and ${where}
    ) e
    group by 1`,
  );
