import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { assessments } from '../../../db/schema/scoring.js';
import { suppliers } from '../../../db/schema/suppliers.js';
import { remediationTasks as rt } from '../../../db/schema/tasks.js';
import { rowsOf } from '../../../db/tenant.js';
import type { ChangesSince, ClosedTask, NewHighRisk, RatingMove } from './data.js';

// "Changes since" a day, from the assessment history and the remediation tasks, in one statement over the
// suppliers the report's filters select (`where`: the supplier list's WHERE, as the dashboard uses). The
// database counts and orders; only the `limit` rows of each list leave it, so a register of any size costs the
// same memory here. A supplier's rating "then" is its latest assessment made before the day began (UTC);
// "now" is its current rating (suppliers.rating, written with its newest assessment).

const rank = (rating: SQL) =>
  sql`(case ${rating} when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'critical' then 4 else 0 end)`;

export const changesSinceQuery = (orgId: string, where: SQL | undefined, since: string, limit: number) => {
  const from = sql`${since}::timestamp at time zone 'UTC'`;
  return sql`
  with sel as materialized (
    select ${suppliers.id} as id, ${suppliers.name} as name, ${suppliers.country} as country,
      ${suppliers.rating} as rating, ${suppliers.ratingRank} as rating_rank, ${suppliers.residualScore} as residual
    from ${suppliers} where ${where}
  ),
  before as materialized (
    select distinct on (a.supplier_id) a.supplier_id, a.rating, a.residual_score
    from ${assessments} a join sel s on s.id = a.supplier_id
    where a.org_id = ${orgId} and a.created_at < ${from}
    order by a.supplier_id, a.created_at desc, a.id desc
  ),
  risen as (
    select s.id, s.name, s.country, s.rating, s.rating_rank, s.residual, b.rating as was
    from sel s left join before b on b.supplier_id = s.id
    where s.rating_rank >= 3 and ${rank(sql`b.rating`)} < 3
  ),
  risen_top as (
    select r.id, r.name, r.country, r.rating, r.rating_rank, r.residual, r.was,
      (select to_char(min(a.created_at) at time zone 'UTC', 'YYYY-MM-DD') from ${assessments} a
        where a.org_id = ${orgId} and a.supplier_id = r.id and a.created_at >= ${from}
          and a.rating in ('high', 'critical')) as "on"
    from risen r order by r.rating_rank desc, r.residual desc nulls last, r.name, r.id limit ${limit}
  ),
  closed as (
    select t.id, s.name as supplier, t.title, t.severity, t.closed_at
    from ${rt} t join sel s on s.id = t.supplier_id
    where t.org_id = ${orgId} and t.status = 'closed' and t.closed_at >= ${from}
  ),
  closed_top as (
    select c.supplier, c.title, c.severity, to_char(c.closed_at at time zone 'UTC', 'YYYY-MM-DD') as "on",
      c.closed_at, c.id
    from closed c order by c.closed_at desc, c.id limit ${limit}
  ),
  moves as (
    select s.id, s.name, b.rating as "from", s.rating as "to", b.residual_score as "fromScore",
      s.residual as "toScore", s.rating_rank - ${rank(sql`b.rating`)} as steps
    from sel s join before b on b.supplier_id = s.id
    where s.rating is not null and s.rating <> b.rating
  ),
  moves_top as (
    select m.* from moves m
    order by abs(m.steps) desc, abs(m."toScore" - m."fromScore") desc nulls last, m.name, m.id limit ${limit}
  )
  select
    (select count(*) from risen)::int as risen_total,
    (select coalesce(json_agg(json_build_object('name', x.name, 'country', x.country, 'rating', x.rating,
      'residualScore', x.residual, 'was', x.was, 'on', x."on")
      order by x.rating_rank desc, x.residual desc nulls last, x.name, x.id), '[]') from risen_top x)::text as risen,
    (select count(*) from closed)::int as closed_total,
    (select coalesce(json_agg(json_build_object('supplier', x.supplier, 'title', x.title,
      'severity', x.severity, 'on', x."on") order by x.closed_at desc, x.id), '[]') from closed_top x)::text as closed,
    (select count(*) filter (where steps > 0) from moves)::int as moves_up,
    (select count(*) filter (where steps < 0) from moves)::int as moves_down,
    (select coalesce(json_agg(json_build_object('name', x.name, 'from', x."from", 'to', x."to",
      'fromScore', x."fromScore", 'toScore', x."toScore")
      order by abs(x.steps) desc, abs(x."toScore" - x."fromScore") desc nulls last, x.name, x.id), '[]')
      from moves_top x)::text as moves`;
};

interface Row {
  risen_total: number;
  risen: string;
  closed_total: number;
  closed: string;
  moves_up: number;
  moves_down: number;
  moves: string;
}

/** Reads the changes since `since` (YYYY-MM-DD, from the start of that day, UTC) with `limit` rows per list. */
export const readChangesSince = async (
  tx: Tx,
  orgId: string,
  where: SQL | undefined,
  since: string,
  limit: number,
): Promise<ChangesSince> => {
  const [row] = rowsOf<Row>(await tx.execute(changesSinceQuery(orgId, where, since, limit)));
  if (!row) throw new Error('the changes-since statement answered no row');
  return {
    newHighRisk: { total: row.risen_total, items: JSON.parse(row.risen) as NewHighRisk[] },
    closedTasks: { total: row.closed_total, items: JSON.parse(row.closed) as ClosedTask[] },
    ratingMoves: {
      total: row.moves_up + row.moves_down,
      up: row.moves_up,
      down: row.moves_down,
      items: JSON.parse(row.moves) as RatingMove[],
    },
  };
};
