import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { findings, questionnaireAssignments as qa } from '../../db/schema/assignments.js';
import { assessments } from '../../db/schema/scoring.js';
import { suppliers } from '../../db/schema/suppliers.js';
import { remediationTasks as rt } from '../../db/schema/tasks.js';
import { rowsOf } from '../../db/tenant.js';

// The dashboard is a read model over other modules' tables: aggregates only, never rows, and never a write.
// It reads the suppliers the filter selects (`where`, the supplier list's own WHERE from suppliers.repo's
// supplierFilter, which names the table "suppliers"): a task, finding, questionnaire or assessment counts when
// its supplier does. Every part also names the organisation (and row-level security applies, as everywhere).
// Dates are UTC days computed by the caller, so "overdue" is one day for everyone.

export interface Window {
  today: string;
  /** today + DASHBOARD_EXPIRING_DAYS. */
  soon: string;
  /** First day of the oldest trend month. */
  trendFrom: string;
  /** The Monday of the oldest burn-down week. */
  burnFrom: string;
}

/**
 * The whole summary in one statement. The filtered suppliers are read once (`sel`, materialised: the
 * statement's only scan of the register) and every aggregate joins it; each part answers as JSON text (parsed
 * by the caller: the drivers treat json columns differently). One scan of each other table at most.
 */
export const summaryQuery = (
  orgId: string,
  where: SQL | undefined,
  w: Window,
  heat: { countries: number; goods: number },
) => sql`
  with sel as materialized (
    select ${suppliers.id} as id, ${suppliers.rating} as rating, ${suppliers.ratingRank} as rating_rank,
      ${suppliers.currency} as currency, ${suppliers.annualSpend} as annual_spend,
      ${suppliers.currentAssessmentId} as current_assessment_id, ${suppliers.country} as country,
      ${suppliers.goods} as goods, ${suppliers.residualScore} as residual_score
    from ${suppliers} where ${where}
  ),
  acc as (
    select q.supplier_id, max(q.valid_until) as until from ${qa} q
    where q.org_id = ${orgId} and q.status = 'accepted' group by q.supplier_id
  ),
  bands as (
    select coalesce(s.rating, 'none') as band, s.currency,
      count(*)::int as suppliers,
      count(s.annual_spend)::int as with_spend,
      coalesce(sum(s.annual_spend), 0)::float8 as spend,
      (count(*) filter (where s.current_assessment_id is not null and acc.until >= ${w.today}::date))::int as covered,
      (count(*) filter (where s.current_assessment_id is not null
        and acc.until >= ${w.today}::date and acc.until <= ${w.soon}::date))::int as expiring,
      (count(*) filter (where acc.until < ${w.today}::date))::int as expired
    from sel s left join acc on acc.supplier_id = s.id
    group by 1, 2
  ),
  tasks as (
    select t.severity,
      (count(*) filter (where t.status in ('open', 'in_progress', 'pending_verification')))::int as active,
      (count(*) filter (where t.status in ('open', 'in_progress', 'pending_verification')
        and t.due_date < ${w.today}::date))::int as overdue,
      (count(*) filter (where t.status = 'risk_accepted'))::int as accepted,
      (count(*) filter (where t.status = 'risk_accepted'
        and t.risk_accepted_until <= ${w.soon}::date))::int as accepted_expiring
    from ${rt} t join sel s on s.id = t.supplier_id
    where t.org_id = ${orgId} and t.status <> 'closed'
    group by t.severity
  ),
  work as (
    select count(*)::int as outstanding,
      (count(*) filter (where q.status <> 'submitted' and q.due_date < ${w.today}::date))::int as overdue,
      (count(*) filter (where q.status = 'submitted'))::int as awaiting_review
    from ${qa} q join sel s on s.id = q.supplier_id
    where q.org_id = ${orgId} and q.status <> 'accepted'
  ),
  flags as (
    select count(*)::int as red_flags, count(distinct f.supplier_id)::int as red_flag_suppliers
    from ${findings} f join sel s on s.id = f.supplier_id
    where f.org_id = ${orgId} and f.kind = 'red_flag' and f.status = 'open'
  ),
  cells as (
    select s.country, g.good, count(*)::int as suppliers, count(s.residual_score)::int as assessed,
      avg(s.residual_score)::float8 as avg_residual,
      (count(*) filter (where s.rating_rank >= 3))::int as high_or_critical
    from sel s cross join lateral (select distinct lower(x) as good from unnest(s.goods) x) g
    group by 1, 2
  ),
  top_c as (select country from cells group by country order by sum(suppliers) desc, country limit ${heat.countries}),
  top_g as (select good from cells group by good order by sum(suppliers) desc, good limit ${heat.goods}),
  heat as (
    select c.* from cells c
    where c.country in (select country from top_c) and c.good in (select good from top_g)
  ),
  trend as (
    select to_char(date_trunc('month', a.created_at at time zone 'UTC'), 'YYYY-MM') as month,
      count(*)::int as assessed, avg(a.residual_score)::float8 as avg_residual,
      (count(*) filter (where a.rating = 'low'))::int as low,
      (count(*) filter (where a.rating = 'medium'))::int as medium,
      (count(*) filter (where a.rating = 'high'))::int as high,
      (count(*) filter (where a.rating = 'critical'))::int as critical
    from ${assessments} a join sel s on s.id = a.supplier_id
    where a.org_id = ${orgId} and a.created_at >= ${w.trendFrom}::timestamp at time zone 'UTC'
    group by 1
  ),
  burn as (
    select to_char(date_trunc('week', e.at at time zone 'UTC'), 'YYYY-MM-DD') as week,
      sum(e.opened)::int as opened, sum(e.closed)::int as closed
    from ${rt} t join sel s on s.id = t.supplier_id
      cross join lateral (values (t.created_at, 1, 0),
        (case when t.status = 'closed' then t.closed_at end, 0, 1)) e(at, opened, closed)
    where t.org_id = ${orgId} and e.at >= ${w.burnFrom}::timestamp at time zone 'UTC'
    group by 1
  )
  select
    (select coalesce(json_agg(bands), '[]') from bands)::text as bands,
    (select coalesce(json_agg(tasks), '[]') from tasks)::text as tasks,
    (select row_to_json(x) from (select * from work, flags) x)::text as work,
    (select coalesce(json_agg(heat), '[]') from heat)::text as heat,
    (select coalesce(json_agg(trend), '[]') from trend)::text as trend,
    (select coalesce(json_agg(burn), '[]') from burn)::text as burn`;

export interface BandRow {
  band: string;
  currency: string;
  suppliers: number;
  with_spend: number;
  spend: number;
  covered: number;
  expiring: number;
  expired: number;
}
export interface TaskRow {
  severity: string;
  active: number;
  overdue: number;
  accepted: number;
  accepted_expiring: number;
}
export interface WorkRow {
  outstanding: number;
  overdue: number;
  awaiting_review: number;
  red_flags: number;
  red_flag_suppliers: number;
}
export interface HeatRow {
  country: string;
  good: string;
  suppliers: number;
  assessed: number;
  avg_residual: number | null;
  high_or_critical: number;
}
export interface TrendRow {
  month: string;
  assessed: number;
  avg_residual: number | null;
  low: number;
  medium: number;
  high: number;
  critical: number;
}
export interface BurnRow {
  week: string;
  opened: number;
  closed: number;
}

type Parts = Record<'bands' | 'tasks' | 'work' | 'heat' | 'trend' | 'burn', string>;

/** Runs the summary statement in the tenant transaction and parses its parts. */
export const readSummary = async (tx: Tx, query: SQL) => {
  const [row] = rowsOf<Parts>(await tx.execute(query));
  if (!row) throw new Error('the dashboard summary answered no row');
  return {
    bands: JSON.parse(row.bands) as BandRow[],
    tasks: JSON.parse(row.tasks) as TaskRow[],
    work: JSON.parse(row.work) as WorkRow | null,
    heat: JSON.parse(row.heat) as HeatRow[],
    trend: JSON.parse(row.trend) as TrendRow[],
    burn: JSON.parse(row.burn) as BurnRow[],
  };
};
