import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { findings, questionnaireAssignments as qa } from '../../../db/schema/assignments.js';
import { assessments } from '../../../db/schema/scoring.js';
import { suppliers } from '../../../db/schema/suppliers.js';
import { remediationTasks as rt } from '../../../db/schema/tasks.js';
import { rowsOf } from '../../../db/tenant.js';

// A statement's read model, as the dashboard's is (dashboard.repo.ts): aggregates over other modules' tables,
// never rows and never a write, in the register's snapshot transaction. The register is the current
// suppliers the supplier list's own WHERE selects (`where`); what happened in the period (questionnaires,
// assessments, tasks, findings) counts every one of the organisation's, a supplier archived since included:
// it happened. The period is UTC days, `from` inclusive and `until` exclusive (the day after periodEnd).

export interface Period {
  /** periodStart, YYYY-MM-DD. */
  from: string;
  /** The day after periodEnd, YYYY-MM-DD. */
  until: string;
}

/** 1 low … 4 critical, as suppliers.rating_rank counts them. */
const rankOf = (rating: SQL) => sql`array_position(array['low','medium','high','critical'], ${rating})`;

const between = (column: SQL | unknown, p: Period) =>
  sql`(${column} >= ${p.from}::timestamp at time zone 'UTC' and ${column} < ${p.until}::timestamp at time zone 'UTC')`;

/** The whole read in one statement; each part answers as JSON text, as the dashboard's do. */
export const statementQuery = (orgId: string, where: SQL | undefined, p: Period) => sql`
  with sel as materialized (
    select ${suppliers.id} as id, ${suppliers.country} as country, ${suppliers.tier} as tier,
      ${suppliers.goods} as goods, ${suppliers.currency} as currency, ${suppliers.annualSpend} as annual_spend,
      ${suppliers.ratingRank} as rating_rank
    from ${suppliers} where ${where}
  ),
  countries as (
    select country, currency, count(*)::int as suppliers, count(annual_spend)::int as with_spend,
      coalesce(sum(annual_spend), 0)::float8 as spend,
      (count(*) filter (where rating_rank >= 3))::int as high_or_critical
    from sel group by 1, 2
  ),
  tiers as (select tier, count(*)::int as suppliers from sel group by 1),
  goods_rows as (
    select country, goods, count(*)::int as suppliers,
      (count(*) filter (where rating_rank >= 3))::int as high_or_critical
    from sel group by 1, 2
  ),
  questionnaires as (
    select (count(*) filter (where ${between(sql`q.sent_at`, p)}))::int as sent,
      (count(distinct q.supplier_id) filter (where ${between(sql`q.sent_at`, p)}))::int as sent_suppliers,
      (count(*) filter (where ${between(sql`q.submitted_at`, p)}))::int as submitted,
      (count(*) filter (where q.status = 'accepted' and ${between(sql`q.accepted_at`, p)}))::int as accepted,
      (count(distinct q.supplier_id) filter (where q.status = 'accepted'
        and ${between(sql`q.accepted_at`, p)}))::int as accepted_suppliers,
      (count(*) filter (where ${between(sql`q.returned_at`, p)}))::int as returned
    from ${qa} q where q.org_id = ${orgId}
  ),
  -- Each assessment of the period with the one before it of the same supplier (any time before): one
  -- index probe per assessment of the period, rather than a window over the organisation's whole history.
  runs as (
    select a.supplier_id, ${rankOf(sql`a.rating`)} as rank, a.residual_score,
      ${rankOf(sql`prev.rating`)} as prev_rank, prev.residual_score as prev_residual
    from ${assessments} a
    left join lateral (
      select p.rating, p.residual_score from ${assessments} p
      where p.org_id = a.org_id and p.supplier_id = a.supplier_id and (p.created_at, p.id) < (a.created_at, a.id)
      order by p.created_at desc, p.id desc limit 1
    ) prev on true
    where a.org_id = ${orgId} and ${between(sql`a.created_at`, p)}
  ),
  assessed as (
    select count(*)::int as made, count(distinct supplier_id)::int as suppliers,
      (count(*) filter (where prev_rank is not null))::int as reassessments,
      (count(*) filter (where rank < prev_rank))::int as rating_improved,
      (count(*) filter (where rank > prev_rank))::int as rating_worsened,
      (count(*) filter (where residual_score < prev_residual))::int as score_improved,
      (count(*) filter (where rank >= 3))::int as high_or_critical
    from runs
  ),
  tasks as (
    select (count(*) filter (where ${between(sql`t.created_at`, p)}))::int as opened,
      (count(*) filter (where ${between(sql`t.submitted_at`, p)}))::int as submitted,
      (count(*) filter (where t.status = 'closed' and ${between(sql`t.closed_at`, p)}))::int as closed,
      (count(*) filter (where t.status = 'risk_accepted' and ${between(sql`t.risk_accepted_at`, p)}))::int
        as risk_accepted,
      (percentile_cont(0.5) within group (order by extract(epoch from t.closed_at - t.created_at) / 86400)
        filter (where t.status = 'closed' and ${between(sql`t.closed_at`, p)}))::float8 as median_days_to_close,
      (count(*) filter (where t.status in ('open', 'in_progress', 'pending_verification')
        and t.due_date < ${p.until}::date))::int as overdue_at_end
    from ${rt} t where t.org_id = ${orgId}
  ),
  flags as (
    select f.key, min(f.title) as title, f.severity,
      (count(*) filter (where ${between(sql`f.created_at`, p)}))::int as raised,
      (count(distinct f.supplier_id) filter (where ${between(sql`f.created_at`, p)}))::int as raised_suppliers,
      (count(*) filter (where f.status = 'open'))::int as open
    from ${findings} f where f.org_id = ${orgId} and f.kind = 'red_flag'
    group by f.key, f.severity
  )
  select
    (select coalesce(json_agg(x), '[]') from countries x)::text as countries,
    (select coalesce(json_agg(x), '[]') from tiers x)::text as tiers,
    (select coalesce(json_agg(x), '[]') from goods_rows x)::text as goods,
    (select row_to_json(x) from questionnaires x)::text as questionnaires,
    (select row_to_json(x) from assessed x)::text as assessed,
    (select row_to_json(x) from tasks x)::text as tasks,
    (select coalesce(json_agg(x), '[]') from flags x)::text as flags`;

export interface CountryRow {
  country: string;
  currency: string;
  suppliers: number;
  with_spend: number;
  spend: number;
  high_or_critical: number;
}
export interface TierRow {
  tier: number;
  suppliers: number;
}
/** Suppliers of one country with the same list of goods. */
export interface GoodsRow {
  country: string;
  goods: string[];
  suppliers: number;
  high_or_critical: number;
}
export interface QuestionnaireRow {
  sent: number;
  sent_suppliers: number;
  submitted: number;
  accepted: number;
  accepted_suppliers: number;
  returned: number;
}
export interface AssessedRow {
  made: number;
  suppliers: number;
  reassessments: number;
  rating_improved: number;
  rating_worsened: number;
  score_improved: number;
  high_or_critical: number;
}
export interface TaskRow {
  opened: number;
  submitted: number;
  closed: number;
  risk_accepted: number;
  median_days_to_close: number | null;
  overdue_at_end: number;
}
export interface FlagRow {
  key: string;
  title: string;
  severity: string;
  raised: number;
  raised_suppliers: number;
  open: number;
}

type Parts = Record<
  'countries' | 'tiers' | 'goods' | 'questionnaires' | 'assessed' | 'tasks' | 'flags',
  string
>;

export type StatementRows = Awaited<ReturnType<typeof readStatementRows>>;

/** Runs the statement's read in the snapshot transaction and parses its parts. */
export const readStatementRows = async (tx: Tx, orgId: string, where: SQL | undefined, p: Period) => {
  const [row] = rowsOf<Parts>(await tx.execute(statementQuery(orgId, where, p)));
  if (!row) throw new Error('the statement read answered no row');
  return {
    countries: JSON.parse(row.countries) as CountryRow[],
    tiers: JSON.parse(row.tiers) as TierRow[],
    goods: JSON.parse(row.goods) as GoodsRow[],
    questionnaires: JSON.parse(row.questionnaires) as QuestionnaireRow,
    assessed: JSON.parse(row.assessed) as AssessedRow,
    tasks: JSON.parse(row.tasks) as TaskRow,
    flags: JSON.parse(row.flags) as FlagRow[],
  };
};
