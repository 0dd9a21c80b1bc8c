import { sql } from 'drizzle-orm';
import { MAX_SUPPLIER_TIER } from '#shared/schemas/suppliers.js';
import { uuidArray } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../db/tenant.js';

// The supply-chain queries of the suppliers table (part of the suppliers repo, split out by reason to change):
// tiers that follow the parent chain, and the chain risk denormalised on every supplier.
//
// Chain risk of S = the best candidate of S's sub-tree, S included, where a candidate is a current (not
// archived) assessed supplier reached from S through current suppliers only, and "best" is the order
// (rating_rank desc, residual_score desc, id asc). That order is total, so the maximum over a sub-tree is the
// maximum of S's own candidate and its children's chain risks: the incremental roll-up (a few suppliers and
// their ancestors) and the set-based recompute (a whole organisation) give the same answer by construction.

/** Walks stop here whatever the data says: deeper than any tier allows, so only a broken chain reaches it. */
const WALK_LIMIT = MAX_SUPPLIER_TIER + 1;

export interface TierChange {
  id: string;
  name: string;
  /** The root it follows (the topmost of `rootIds` above it). */
  root: string;
  from: number;
  to: number;
}

/**
 * Makes every supplier below `rootIds` its parent's tier + 1 (the roots keep theirs), in one statement; bumps
 * the revision of each one changed (its tier is an edited field the form shows) and returns them. Archived
 * suppliers are included: a restored one must come back with the right tier.
 */
export const syncSubtreeTiers = async (tx: Tx, orgId: string, rootIds: string[]): Promise<TierChange[]> => {
  if (rootIds.length === 0) return [];
  const rows = await tx.execute(sql`
    with recursive down(id, tier, path) as (
      select id, tier::int, array[id] from suppliers where org_id = ${orgId} and id = any(${uuidArray(rootIds)})
      union all
      select s.id, down.tier + 1, down.path || s.id
      from suppliers s join down on s.parent_id = down.id
      where s.org_id = ${orgId} and not s.id = any(down.path) and cardinality(down.path) <= ${WALK_LIMIT}
    ), wanted as (
      -- A root below another root is reached twice: the longest path starts at the topmost one.
      select distinct on (id) id, tier, path[1] as root from down order by id, cardinality(path) desc
    ), moved as (
      select s.id, s.name, s.tier as from_tier, w.tier as to_tier, w.root
      from wanted w join suppliers s on s.id = w.id
      where s.org_id = ${orgId} and s.tier <> w.tier
    )
    update suppliers s set tier = least(m.to_tier, 32767), revision = s.revision + 1, updated_at = now()
    from moved m where s.org_id = ${orgId} and s.id = m.id
    returning s.id, m.name, m.from_tier, m.to_tier, m.root`);
  type Row = { id: string; name: string; from_tier: number; to_tier: number; root: string };
  // RETURNING follows the rows' places on disk: sorted top-down (then by id), so the audit events come in the
  // chain's order whatever the table's layout.
  return rowsOf<Row>(rows)
    .map((r) => ({
      id: r.id,
      name: r.name,
      root: r.root,
      from: Number(r.from_tier),
      to: Number(r.to_tier),
    }))
    .sort((a, b) => a.to - b.to || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};

/** The deepest tier below (and including) a supplier if its tier became `tier`: refuses chains too deep. */
export const deepestTierBelow = async (tx: Tx, orgId: string, id: string, tier: number) => {
  const rows = await tx.execute(sql`
    with recursive down(id, depth, path) as (
      select id, 0, array[id] from suppliers where org_id = ${orgId} and id = ${id}
      union all
      select s.id, down.depth + 1, down.path || s.id from suppliers s join down on s.parent_id = down.id
      where s.org_id = ${orgId} and not s.id = any(down.path) and cardinality(down.path) <= ${WALK_LIMIT}
    )
    select max(depth) as depth from down`);
  return tier + Number(rowsOf<{ depth: number | null }>(rows)[0]?.depth ?? 0);
};

/**
 * Recomputes the chain risk of `ids` and of every supplier above them, after their residual scores or their
 * place in the tree changed (pass a moved supplier's old parent too), in one statement whatever the depth, so
 * a caller can send it without waiting and pipeline what follows (accepting a questionnaire does). The
 * affected suppliers are `ids` and their ancestors; each one's own candidate and the best chain risk among its
 * unaffected children are its local candidates; the chain risk of an affected supplier is the best local
 * candidate of the affected suppliers below it (itself included) reached through current ones only (an
 * archived supplier has none and passes none up). Written only where it changed. For a whole organisation
 * (rescoring) use recomputeChainRisk.
 */
export const rollUpChainRisk = async (tx: Tx, orgId: string, ids: string[]) => {
  if (ids.length === 0) return;
  await tx.execute(sql`
    with recursive up(id, parent_id, path) as (
      select id, parent_id, array[id] from suppliers where org_id = ${orgId} and id = any(${uuidArray(ids)})
      union all
      select s.id, s.parent_id, up.path || s.id from suppliers s join up on s.id = up.parent_id
      where s.org_id = ${orgId} and not s.id = any(up.path) and cardinality(up.path) <= ${WALK_LIMIT}
    ), affected as (select distinct id from up),
    -- The best chain risk among each affected supplier's unaffected children, for all of them at once. As a
    -- lateral LIMIT 1 per supplier, and with a "chain_risk_rank > 0" condition, the planner walked the
    -- chain-risk index filtering on parent_id whenever statistics said few were assessed (right after an
    -- import): every assessed supplier read once per affected one, 6-13 s for an import batch of 1,000, 60 ms
    -- this way. A child whose rank is 0 sorts last, and is no candidate.
    others as (
      select distinct on (c.parent_id) c.parent_id, c.chain_risk_rank, c.chain_risk_score, c.chain_risk_rating,
        c.chain_risk_supplier_id
      from suppliers c
      where c.org_id = ${orgId} and c.parent_id in (select id from affected) and c.archived_at is null
        and c.id not in (select id from affected)
      order by c.parent_id, c.chain_risk_rank desc, c.chain_risk_score desc, c.chain_risk_supplier_id asc
    ), node as (
      select a.id, a.parent_id, a.archived_at is not null as archived, a.rating_rank, a.residual_score,
        a.rating, b.chain_risk_rank as b_rank, b.chain_risk_score as b_score, b.chain_risk_rating as b_rating,
        b.chain_risk_supplier_id as b_sid
      from suppliers a left join others b on b.parent_id = a.id
      where a.org_id = ${orgId} and a.id in (select id from affected)
    ),
    -- Each current affected supplier with every affected one above it reached through current ones (itself
    -- included): whose local candidates count for whose chain risk.
    reach(anc, id, path) as (
      select id, id, array[id] from node where not archived
      union all
      select p.id, r.id, r.path || p.id
      from reach r join node c on c.id = r.anc join node p on p.id = c.parent_id
      where not p.archived and not p.id = any(r.path) and cardinality(r.path) <= ${WALK_LIMIT}
    ), candidate(anc, rank, score, rating, sid) as (
      select r.anc, n.rating_rank, n.residual_score, n.rating, n.id from reach r join node n on n.id = r.id
      where n.rating_rank > 0 and n.residual_score is not null and n.rating is not null
      union all
      select r.anc, n.b_rank, n.b_score, n.b_rating, n.b_sid from reach r join node n on n.id = r.id
      where n.b_rank > 0 and n.b_score is not null and n.b_rating is not null and n.b_sid is not null
    ), best as (
      select distinct on (anc) anc, rank, score, rating, sid from candidate
      order by anc, rank desc, score desc, sid asc
    ), wanted as (
      select n.id, coalesce(b.rank, 0) as rank, b.score, b.rating, b.sid
      from node n left join best b on b.anc = n.id
    )
    update suppliers s set chain_risk_rank = w.rank, chain_risk_score = w.score, chain_risk_rating = w.rating,
      chain_risk_supplier_id = w.sid
    from wanted w
    where s.org_id = ${orgId} and s.id = w.id
      and (s.chain_risk_rank, s.chain_risk_score, s.chain_risk_supplier_id)
        is distinct from (w.rank, w.score, w.sid)`);
};

/**
 * Recomputes the chain risk of every supplier of the organisation in one statement (after a rescore, which
 * changes every residual score at once): each current supplier reached from a top through current suppliers
 * carries its path, each assessed one is a candidate for every supplier on its path, and the best candidate
 * per supplier is written where it differs. Work grows with suppliers × depth, not with suppliers².
 */
export const recomputeChainRisk = async (tx: Tx, orgId: string) => {
  await tx.execute(sql`
    with recursive down(id, path, rank, score, rating) as (
      select s.id, array[s.id], s.rating_rank, s.residual_score, s.rating from suppliers s
      where s.org_id = ${orgId} and s.archived_at is null and not exists (
        select 1 from suppliers p where p.org_id = ${orgId} and p.id = s.parent_id and p.archived_at is null)
      union all
      select c.id, d.path || c.id, c.rating_rank, c.residual_score, c.rating
      from down d join suppliers c on c.parent_id = d.id
      where c.org_id = ${orgId} and c.archived_at is null and not c.id = any(d.path)
        and cardinality(d.path) <= ${WALK_LIMIT}
    ), best as (
      select distinct on (anc) anc, d.rank, d.score, d.rating, d.id as sid
      from down d cross join lateral unnest(d.path) as anc
      where d.rank > 0
      order by anc, d.rank desc, d.score desc, d.id asc
    ), wanted as (
      select u.id, coalesce(b.rank, 0) as rank, b.score, b.rating, b.sid
      from suppliers u left join best b on b.anc = u.id
      where u.org_id = ${orgId}
    )
    update suppliers s set chain_risk_rank = w.rank, chain_risk_score = w.score, chain_risk_rating = w.rating,
      chain_risk_supplier_id = w.sid
    from wanted w
    where s.org_id = ${orgId} and s.id = w.id
      and (s.chain_risk_rank, s.chain_risk_score, s.chain_risk_supplier_id)
        is distinct from (w.rank, w.score, w.sid)`);
};

/**
 * The suppliers from `id` down to `targetId` (its chain risk's riskiest supplier), both included, with names:
 * the target's ancestors up to `id`. Empty when the target is not (or no longer) below `id`.
 */
export const chainPath = async (tx: Tx, orgId: string, id: string, targetId: string) => {
  const rows = rowsOf<{ id: string; name: string; depth: number }>(
    await tx.execute(sql`
    with recursive up(id, parent_id, name, depth, path) as (
      select id, parent_id, name, 0, array[id] from suppliers where org_id = ${orgId} and id = ${targetId}
      union all
      select s.id, s.parent_id, s.name, up.depth + 1, up.path || s.id from suppliers s join up on s.id = up.parent_id
      where s.org_id = ${orgId} and up.id <> ${id} and not s.id = any(up.path)
        and cardinality(up.path) <= ${WALK_LIMIT}
    )
    select id, name, depth from up order by depth desc`),
  );
  const start = rows.findIndex((r) => r.id === id);
  return start < 0 ? [] : rows.slice(start).map((r) => ({ id: r.id, name: r.name }));
};
