import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { revisionColumn } from './revision.js';

export interface ContactJson {
  name: string;
  email?: string;
  phone?: string;
}

/**
 * The supplier register (tenant-owned). One row per production site: risk follows where the work happens.
 * The columns after `archivedAt` summarise the latest assessment, written in the same transaction as it, so
 * lists can filter and sort by rating without a join.
 */
export const suppliers = pgTable(
  'suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    country: text('country').notNull(),
    goods: text('goods').array().notNull().default(sql`'{}'::text[]`),
    /** Each good's matched key (storedGoodKeys): what the "good" filter looks up, through the GIN index. */
    goodKeys: text('good_keys').array().notNull().default(sql`'{}'::text[]`),
    /**
     * The GOODS_SYNONYMS_VERSION good_keys were computed under (null: before versions were kept). Rows of
     * another version are recomputed after the migrations (refreshGoodKeys), so keys follow the table.
     */
    goodKeysVersion: text('good_keys_version'),
    sector: text('sector'),
    tier: smallint('tier').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => suppliers.id),
    annualSpend: numeric('annual_spend', { precision: 15, scale: 2, mode: 'number' }),
    currency: text('currency').notNull().default('USD'),
    headcount: integer('headcount'),
    migrantWorkerShare: numeric('migrant_worker_share', { precision: 5, scale: 2, mode: 'number' }),
    agencyWorkerShare: numeric('agency_worker_share', { precision: 5, scale: 2, mode: 'number' }),
    status: text('status', { enum: ['onboarding', 'active', 'suspended', 'offboarded'] })
      .notNull()
      .default('onboarding'),
    externalRef: text('external_ref'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    contacts: jsonb('contacts').$type<ContactJson[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Bumped by every edit (form, archive, restore, import), not by rescoring: the columns below are derived. */
    revision: revisionColumn(),
    currentAssessmentId: uuid('current_assessment_id'),
    rating: text('rating', { enum: ['low', 'medium', 'high', 'critical'] }),
    /** 0 = never assessed, 1 low … 4 critical: sorts by severity. */
    ratingRank: smallint('rating_rank').notNull().default(0),
    /**
     * Why `rating` is above its score's band, from the current assessment's result.ratingFloor.kind
     * ('unknown_data': "Medium · insufficient data"); null when it is not raised. Written with `rating`.
     */
    ratingFloor: text('rating_floor', { enum: ['unknown_data'] }),
    inherentScore: doublePrecision('inherent_score'),
    residualScore: doublePrecision('residual_score'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }),
    policyVersion: integer('policy_version'),
    /**
     * Chain risk: the riskiest current supplier in this one's sub-tree, itself included (worst rating, then
     * highest residual score, then lowest id), denormalised so the list sorts and filters on it without a
     * walk. Kept by suppliers.repo's rollUpChainRisk (a few suppliers and their ancestors) and
     * recomputeChainRisk (the whole organisation, one statement). 0 / null: nothing below is assessed.
     */
    chainRiskRank: smallint('chain_risk_rank').notNull().default(0),
    chainRiskScore: doublePrecision('chain_risk_score'),
    chainRiskRating: text('chain_risk_rating', { enum: ['low', 'medium', 'high', 'critical'] }),
    chainRiskSupplierId: uuid('chain_risk_supplier_id'),
  },
  (t) => [
    // What rows of other tables point at with (supplier_id, org_id): a reference into another organisation
    // then fails in the database itself (migration 0025).
    unique('suppliers_id_org_uq').on(t.id, t.orgId),
    uniqueIndex('suppliers_org_external_ref_uq').on(t.orgId, t.externalRef),
    index('suppliers_org_name_idx').on(t.orgId, t.name, t.id),
    index('suppliers_org_country_idx').on(t.orgId, t.country),
    index('suppliers_org_rating_idx').on(t.orgId, t.ratingRank, t.name),
    index('suppliers_org_residual_idx').on(t.orgId, t.residualScore),
    index('suppliers_org_updated_idx').on(t.orgId, t.updatedAt),
    index('suppliers_org_parent_idx').on(t.orgId, t.parentId),
    index('suppliers_org_chain_risk_idx').on(t.orgId, t.chainRiskRank, t.chainRiskScore),
    // No index on assessed_at: a rescore rewrites it on every row, and an indexed column that changes makes
    // PostgreSQL write a new entry in every index of the table (12 of them); with none changing, a rescore that
    // leaves a supplier's scores as they were is a heap-only (HOT) update. The table is created with
    // fillfactor 90 so the new row version fits on its page (migration 0019, written by hand: drizzle-kit
    // does not model storage parameters). The "assessed before" filters read the organisation's rows.
    index('suppliers_good_keys_gin').using('gin', t.goodKeys),
    // The start-up scan for keys computed under another synonym table (refreshGoodKeys): usually finds none.
    index('suppliers_good_keys_version_idx').on(t.goodKeysVersion, t.id),
    index('suppliers_tags_gin').using('gin', t.tags),
  ],
);
