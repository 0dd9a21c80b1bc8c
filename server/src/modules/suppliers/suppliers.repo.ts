import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { RatingFloorKind } from '#shared/domain/scoring/types.js';
import {
  chainRatingsOf,
  MAX_SUPPLIER_TIER,
  type Rating,
  ratingRank,
  type SupplierFilter,
  type SuppliersQuery,
} from '#shared/schemas/suppliers.js';
import { bulkInsert, jsonTextSet, uuidArray } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { atRevision, nextRevision } from '../../db/revision.js';
import { suppliers } from '../../db/schema/suppliers.js';
import { rowsOf } from '../../db/tenant.js';
import { suppliersWithOpenRedFlags } from '../assignments/findings.repo.js';
import { recomputeChainRisk, rollUpChainRisk } from './suppliers-chain.repo.js';
import { goodKeysToFind } from './suppliers-goods.js';

export type SupplierRow = typeof suppliers.$inferSelect;
export type SupplierInsert = typeof suppliers.$inferInsert;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const sortColumns = {
  name: suppliers.name,
  country: suppliers.country,
  tier: suppliers.tier,
  status: suppliers.status,
  rating: suppliers.ratingRank,
  residualScore: suppliers.residualScore,
  updatedAt: suppliers.updatedAt,
  annualSpend: suppliers.annualSpend,
} as const;

/**
 * The "good" filter: a good whose text contains the filter ("cotton" finds "cotton yarn"), or that matched
 * the same good ("palm" finds "crude palm oil"; "gems" finds "rubies"), through good_keys' GIN index. The
 * text part cannot use an index (no trigram index on PGlite): it reads the organisation's rows.
 */
const goodFilter = (text: string): SQL => {
  const byText = sql`array_to_string(${suppliers.goods}, chr(10)) ilike ${`%${likeEscape(text)}%`}`;
  const keys = goodKeysToFind(text);
  if (keys.length === 0) return byText;
  const array = sql`array[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  return sql`(${suppliers.goodKeys} && ${array} or ${byText})`;
};

/**
 * The ORDER BY of a page. Chain risk sorts by rating, then score, as its index holds them: rank 0 (nothing
 * assessed below) is exactly where the score is null, so the default null placement already puts those last
 * when descending, and the index serves the page.
 */
const orderOf = (q: SuppliersQuery): SQL[] => {
  const dir = q.order === 'asc' ? asc : desc;
  if (q.sort === 'chain_risk') {
    return [dir(suppliers.chainRiskRank), dir(suppliers.chainRiskScore), asc(suppliers.id)];
  }
  return [sql`${dir(sortColumns[q.sort])} nulls last`, asc(suppliers.id)];
};

/** The WHERE of the supplier list, shared by the page, its count and the CSV export. */
export const supplierFilter = (orgId: string, q: SupplierFilter) => {
  const where: (SQL | undefined)[] = [eq(suppliers.orgId, orgId)];
  where.push(q.archived === 'true' ? isNotNull(suppliers.archivedAt) : isNull(suppliers.archivedAt));
  if (q.q) {
    const p = `%${likeEscape(q.q)}%`;
    where.push(or(ilike(suppliers.name, p), ilike(suppliers.legalName, p), ilike(suppliers.externalRef, p)));
  }
  if (q.country) where.push(eq(suppliers.country, q.country));
  if (q.good) where.push(goodFilter(q.good));
  if (q.tier) where.push(eq(suppliers.tier, q.tier));
  if (q.rating) where.push(q.rating === 'none' ? isNull(suppliers.rating) : eq(suppliers.rating, q.rating));
  if (q.status) where.push(eq(suppliers.status, q.status));
  if (q.tag) where.push(sql`${suppliers.tags} @> array[${q.tag}]::text[]`);
  if (q.chainRating) where.push(inArray(suppliers.chainRiskRating, chainRatingsOf(q.chainRating)));
  if (q.minChainRisk !== undefined) where.push(gte(suppliers.chainRiskScore, q.minChainRisk));
  if (q.assessedBeforeMonths) {
    where.push(lt(suppliers.assessedAt, sql`now() - make_interval(months => ${q.assessedBeforeMonths})`));
  }
  if (q.unassessed === 'true') where.push(isNull(suppliers.assessedAt));
  if (q.redFlags === 'open') where.push(sql`${suppliers.id} in ${suppliersWithOpenRedFlags(orgId)}`);
  return and(...where);
};

export const listSuppliers = async (tx: Tx, where: SQL | undefined, q: SuppliersQuery) => {
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(suppliers)
      .where(where)
      .orderBy(...orderOf(q))
      .limit(q.limit)
      .offset(q.offset),
    tx.select({ n: count() }).from(suppliers).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
};

export const findSupplier = async (tx: Tx, orgId: string, id: string) => {
  const [row] = await tx
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.orgId, orgId), eq(suppliers.id, id)))
    .limit(1);
  return row;
};

export const findByExternalRefs = (tx: Tx, orgId: string, refs: string[]) =>
  refs.length === 0
    ? Promise.resolve([] as SupplierRow[])
    : tx
        .select()
        .from(suppliers)
        .where(and(eq(suppliers.orgId, orgId), sql`${suppliers.externalRef} in (${jsonTextSet(refs)})`));

export const insertSupplier = async (tx: Tx, values: SupplierInsert) => {
  const [row] = await tx.insert(suppliers).values(values).returning();
  return row!;
};

/**
 * Changes a supplier made from revision `revision` and bumps it; undefined when the supplier is no longer at
 * that revision (another write got in first), so the caller answers 409.
 */
export const updateSupplier = async (
  tx: Tx,
  orgId: string,
  id: string,
  revision: number,
  values: Partial<SupplierInsert>,
): Promise<SupplierRow | undefined> => {
  const [row] = await tx
    .update(suppliers)
    .set({ ...values, updatedAt: new Date(), revision: nextRevision(suppliers.revision) })
    .where(and(eq(suppliers.orgId, orgId), eq(suppliers.id, id), atRevision(suppliers.revision, revision)))
    .returning();
  return row;
};

/** Ids of `id` and every supplier above it, nearest first (bounded past the deepest tier: bad data ends it). */
export const ancestorIds = async (tx: Tx, orgId: string, id: string): Promise<string[]> => {
  const rows = await tx.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from suppliers where org_id = ${orgId} and id = ${id}
      union all
      select s.id, s.parent_id, up.depth + 1 from suppliers s join up on s.id = up.parent_id
      where s.org_id = ${orgId} and up.depth <= ${MAX_SUPPLIER_TIER}
    )
    select id from up order by depth`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
};

export interface TreeRow {
  id: string;
  parent_id: string | null;
  name: string;
  country: string;
  tier: number;
  rating: string | null;
  depth: number;
  more_below: boolean;
}

/** How many levels below a supplier its tree goes; far beyond any real chain, it only bounds the query. */
export const TREE_MAX_DEPTH = 100;

/**
 * The supplier and everything below it (archived suppliers left out), at most TREE_MAX_DEPTH levels deep.
 * The path guards against a parent loop (the service refuses them, but the query must end regardless);
 * `more_below` says a node on the last level still has children, so the cut is never silent.
 */
export const subtreeRows = async (tx: Tx, orgId: string, id: string): Promise<TreeRow[]> => {
  const rows = await tx.execute(sql`
    with recursive down(id, parent_id, name, country, tier, rating, depth, path) as (
      select id, parent_id, name, country, tier, rating, 0, array[id]
      from suppliers where org_id = ${orgId} and id = ${id}
      union all
      select s.id, s.parent_id, s.name, s.country, s.tier, s.rating, down.depth + 1, down.path || s.id
      from suppliers s join down on s.parent_id = down.id
      where s.org_id = ${orgId} and s.archived_at is null and down.depth < ${TREE_MAX_DEPTH}
        and not s.id = any(down.path)
    )
    select id, parent_id, name, country, tier, rating, depth,
      (depth >= ${TREE_MAX_DEPTH} and exists (
        select 1 from suppliers c
        where c.parent_id = down.id and c.org_id = ${orgId} and c.archived_at is null
      )) as more_below
    from down order by depth, name`);
  return rowsOf<TreeRow>(rows);
};

/** Bulk insert (import): rows carry their own ids, so nothing needs to come back. */
export const insertSuppliers = (tx: Tx, values: SupplierInsert[]) => bulkInsert(tx, suppliers, values);

/** One page of the export: the filtered register in (name, id) order, after the last row of the previous page. */
export const exportPage = (
  tx: Tx,
  where: SQL | undefined,
  after: { name: string; id: string } | undefined,
  limit: number,
) =>
  tx
    .select()
    .from(suppliers)
    .where(
      and(
        where,
        after ? sql`(${suppliers.name}, ${suppliers.id}) > (${after.name}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(suppliers.name), asc(suppliers.id))
    .limit(limit);

/** The external references of suppliers by id (the export names a parent by its reference). */
export const externalRefsOf = (tx: Tx, ids: string[]) =>
  tx
    .select({ id: suppliers.id, ref: suppliers.externalRef })
    .from(suppliers)
    .where(sql`${suppliers.id} = any(${sql`${`{${ids.join(',')}}`}::uuid[]`})`);

// Other modules read and write suppliers only through the functions below (received as deps, `suppliersRepo`).

/** Current suppliers: not archived. They are what rescoring and what-if score. */
const currentOf = (orgId: string) => and(eq(suppliers.orgId, orgId), isNull(suppliers.archivedAt));

export const countCurrentSuppliers = async (tx: Tx, orgId: string): Promise<number> => {
  const [row] = await tx.select({ n: count() }).from(suppliers).where(currentOf(orgId));
  return row?.n ?? 0;
};

/**
 * What scoring reads of a supplier (the engine's profile), with the current rating and residual score (a
 * rescore tells by them whether chain risk can have moved): nothing else of 100,000 rows.
 */
const scoredColumns = {
  id: suppliers.id,
  rating: suppliers.rating,
  residualScore: suppliers.residualScore,
  country: suppliers.country,
  goods: suppliers.goods,
  tier: suppliers.tier,
  headcount: suppliers.headcount,
  migrantWorkerShare: suppliers.migrantWorkerShare,
  agencyWorkerShare: suppliers.agencyWorkerShare,
};
export type ScoredSupplier = Pick<SupplierRow, keyof typeof scoredColumns>;

/** One keyset page of current suppliers in id order, after `after` (rescoring walks the register with it). */
export const currentSuppliersAfter = (
  tx: Tx,
  orgId: string,
  after: string | undefined,
  limit: number,
): Promise<ScoredSupplier[]> =>
  tx
    .select(scoredColumns)
    .from(suppliers)
    .where(and(currentOf(orgId), after ? gt(suppliers.id, after) : undefined))
    .orderBy(asc(suppliers.id))
    .limit(limit);

/** The current suppliers among `ids` (archived ones and other organisations' are left out), in id order. */
export const currentSuppliersByIds = (
  tx: Tx,
  orgId: string,
  ids: readonly string[],
): Promise<ScoredSupplier[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : tx
        .select(scoredColumns)
        .from(suppliers)
        .where(and(currentOf(orgId), sql`${suppliers.id} = any(${uuidArray(ids)})`))
        .orderBy(asc(suppliers.id));

/**
 * currentSuppliersByIds for one id given as SQL (another module's scalar subquery, e.g. the supplier of a
 * questionnaire), so the read goes out with the statements that precede it: none when that supplier is
 * archived, not this organisation's, or the subquery gives nothing.
 */
export const currentSuppliersById = (
  tx: Tx,
  orgId: string,
  id: SQL<string | null>,
): Promise<ScoredSupplier[]> =>
  tx
    .select(scoredColumns)
    .from(suppliers)
    .where(and(currentOf(orgId), eq(suppliers.id, id)));

/**
 * The current suppliers directly below `parentId`, riskiest first (rating, then residual score; never
 * assessed last), at most `limit` of them, and how many there are (a report prints "and N more").
 */
export const listChildSuppliers = async (tx: Tx, orgId: string, parentId: string, limit: number) => {
  const where = and(currentOf(orgId), eq(suppliers.parentId, parentId));
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(suppliers)
      .where(where)
      .orderBy(
        desc(suppliers.ratingRank),
        sql`${suppliers.residualScore} desc nulls last`,
        asc(suppliers.name),
        asc(suppliers.id),
      )
      .limit(limit),
    tx.select({ n: count() }).from(suppliers).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
};

/** Every current supplier (the demo register: small by construction). */
export const listCurrentSuppliers = (tx: Tx, orgId: string) =>
  tx.select().from(suppliers).where(currentOf(orgId));

/** What scoring reads of a supplier, with the name and country a comparison shows. */
export interface ProfileRow {
  id: string;
  name: string;
  country: string;
  goods: string[];
  tier: number;
  headcount: number | null;
  migrantWorkerShare: number | null;
  agencyWorkerShare: number | null;
}

/**
 * Every current supplier's profile (a what-if scores the whole register). Plain SQL rather than the query
 * builder: mapping 100,000 rows field by field took longer than the engine scoring them. The shares are
 * numeric(5,2), sent as float8 so both drivers answer numbers (the same values Number() of the text gives).
 */
export const listCurrentProfiles = async (tx: Tx, orgId: string): Promise<ProfileRow[]> =>
  rowsOf<ProfileRow>(
    await tx.execute(sql`
      select id, name, country, goods, tier, headcount,
        migrant_worker_share::float8 as "migrantWorkerShare", agency_worker_share::float8 as "agencyWorkerShare"
      from suppliers where org_id = ${orgId} and archived_at is null`),
  );

/** A supplier's newest assessment, summarised on the register row that lists filter and sort on. */
export interface CurrentAssessment {
  supplierId: string;
  assessmentId: string;
  rating: Rating;
  /** The result's ratingFloor kind when a floor raised the rating, else null. */
  ratingFloor: RatingFloorKind | null;
  inherentScore: number;
  residualScore: number;
  assessedAt: Date;
  policyVersion: number;
}

/**
 * Points each supplier at its newest assessment and copies the summary the lists filter and sort on:
 * one UPDATE … FROM jsonb_to_recordset per batch (one parameter) rather than one statement per supplier.
 */
export const setCurrentAssessments = async (tx: Tx, orgId: string, rows: CurrentAssessment[]) => {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((a) => ({
      sid: a.supplierId,
      aid: a.assessmentId,
      rating: a.rating,
      floor: a.ratingFloor,
      rank: ratingRank(a.rating),
      inherent: a.inherentScore,
      residual: a.residualScore,
      at: a.assessedAt.toISOString(),
      pv: a.policyVersion,
    })),
  );
  await tx.execute(sql`
    update suppliers s set current_assessment_id = v.aid, rating = v.rating, rating_floor = v.floor,
      rating_rank = v.rank, inherent_score = v.inherent, residual_score = v.residual, assessed_at = v.at,
      policy_version = v.pv
    from jsonb_to_recordset(${json}::jsonb)
      as v(sid uuid, aid uuid, rating text, floor text, rank smallint, inherent float8, residual float8,
        at timestamptz, pv int)
    where s.org_id = ${orgId} and s.id = v.sid`);
};

/**
 * The ids of the suppliers a `where` (from supplierFilter) selects, as a subquery: other modules filter their
 * rows by their supplier with it, in the same statement.
 */
export const supplierIdsWhere = (where: SQL | undefined): SQL =>
  sql`(select ${suppliers.id} from ${suppliers} where ${where})`;

/** A supplier's name by id, as a scalar subquery: the audit list shows and searches it in its own query. */
export const supplierNameById = (id: SQL): SQL<string | null> =>
  sql`(select ${suppliers.name} from ${suppliers} where ${suppliers.id} = ${id})`;

/** The suppliers module's functions other modules may use; they take `Pick<SuppliersRepo, …>` as a dep. */
export const suppliersRepo = {
  findSupplier,
  rollUpChainRisk,
  recomputeChainRisk,
  countCurrentSuppliers,
  currentSuppliersAfter,
  currentSuppliersByIds,
  currentSuppliersById,
  listCurrentSuppliers,
  listCurrentProfiles,
  setCurrentAssessments,
};
export type SuppliersRepo = typeof suppliersRepo;
