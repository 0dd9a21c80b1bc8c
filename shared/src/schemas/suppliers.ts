import { z } from 'zod';
import { isCountryCode } from '../countries.js';
import { IdSchema, PageQuerySchema, pageOf, requiredText, safeString, sortOrder, text } from './common.js';
import { ExpectedRevisionShape, RevisionSchema } from './revision.js';

// WARNING: assessments store a snapshot of the supplier profile (SupplierProfileSchema). Renaming one of its
// fields breaks the reproduction of stored assessments: add a field, never rename or re-mean one.

export const SUPPLIER_STATUSES = ['onboarding', 'active', 'suspended', 'offboarded'] as const;
export const SupplierStatusSchema = z.enum(SUPPLIER_STATUSES);

/** The ratings, least severe first: the one order every comparison, sort and chart uses. */
export const RATINGS = ['low', 'medium', 'high', 'critical'] as const;
export const RatingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof RatingSchema>;

const RATING_RANK: Record<Rating, number> = { low: 1, medium: 2, high: 3, critical: 4 };
/**
 * A rating's severity, 1 (low) to 4 (critical); 0 for never assessed, which sorts below every rating. The
 * register stores it (`rating_rank`) so lists sort by severity: changing the scale means migrating that column.
 */
export const ratingRank = (rating: Rating | null): number => (rating ? RATING_RANK[rating] : 0);

export const CountryCodeSchema = safeString()
  .trim()
  .toUpperCase()
  .length(2, 'Use the two-letter ISO 3166-1 code, e.g. BD for Bangladesh')
  .refine(isCountryCode, 'Not an ISO 3166-1 alpha-2 country code');

export const CurrencySchema = safeString()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 currency code, e.g. USD');

/** Percent of the workforce, 0–100. */
const share = z.number().min(0, 'Must be between 0 and 100').max(100, 'Must be between 0 and 100');

export const ContactSchema = z.object({
  name: requiredText(200, 'Contact name'),
  // The e-mail format admits no control character or unpaired surrogate: safe text as it stands.
  email: z.union([z.literal(''), z.email('Enter a valid email address').max(254)]).optional(),
  phone: text(50).optional(),
});

/**
 * The deepest tier: far below any real supply chain (the tree answers 100 levels at a time), it bounds every
 * walk of the parent chain.
 */
export const MAX_SUPPLIER_TIER = 200;
export const SupplierTierSchema = z
  .number()
  .int('Must be a whole number')
  .min(1, 'Tier starts at 1')
  .max(MAX_SUPPLIER_TIER, `At most tier ${MAX_SUPPLIER_TIER}`);

/** The tier a supplier below `parentTier` must have. */
export const tierBelow = (parentTier: number) => parentTier + 1;

/** Why a tier given for a supplier below a parent is refused (the API's 400 and the import's row error). */
export const tierMismatchMessage = (expected: number) =>
  `Tier must be ${expected}: one below its parent supplier (tier ${expected - 1}). Leave it empty to derive it.`;

const SupplierFieldsSchema = z.object({
  name: requiredText(200, 'Name'),
  legalName: text(300).optional(),
  country: CountryCodeSchema,
  /** Goods or services bought from this site, matched against the ILAB list (e.g. "cotton", "garments"). */
  goods: z.array(requiredText(100, 'Good')).max(20, 'At most 20 goods'),
  sector: text(100).optional(),
  /**
   * 1 = direct supplier; 2 = supplier of a tier-1 supplier; … It follows from the parent chain: a supplier
   * with a parent is its parent's tier + 1 (omit it and the server derives it; a different one is refused).
   * Only a supplier without a parent has a tier of its own (default 1).
   */
  tier: SupplierTierSchema,
  parentId: IdSchema.nullable().optional(),
  annualSpend: z.number().min(0, 'Cannot be negative').max(1e13).nullable().optional(),
  currency: CurrencySchema,
  headcount: z.number().int('Must be a whole number').min(0).max(10_000_000).nullable().optional(),
  migrantWorkerShare: share.nullable().optional(),
  agencyWorkerShare: share.nullable().optional(),
  status: SupplierStatusSchema,
  /** The buyer's own id for the supplier (ERP vendor number); unique per organisation, the key of CSV import. */
  externalRef: text(100).optional(),
  tags: z.array(requiredText(50, 'Tag')).max(20, 'At most 20 tags'),
  contacts: z.array(ContactSchema).max(10, 'At most 10 contacts'),
});

/** The workforce figures the share rule looks at (a supplier, a create or a PATCH merged onto the stored one). */
export interface WorkforceFigures {
  headcount?: number | null;
  migrantWorkerShare?: number | null;
  agencyWorkerShare?: number | null;
}
export const WORKER_SHARE_FIELDS = ['migrantWorkerShare', 'agencyWorkerShare'] as const;
export const SHARE_NEEDS_HEADCOUNT =
  'A worker share needs a headcount above zero: enter the number of workers first';

/**
 * The shares above 0% recorded without a headcount above zero: a percentage of no workers means nothing. A 0%
 * share stays allowed without one: "none of them" is a known answer whatever the headcount.
 */
export const sharesWithoutHeadcount = (w: WorkforceFigures) =>
  WORKER_SHARE_FIELDS.filter((f) => (w[f] ?? 0) > 0 && !((w.headcount ?? 0) > 0));

const refineWorkforce = (w: WorkforceFigures, ctx: z.RefinementCtx) => {
  for (const path of sharesWithoutHeadcount(w)) {
    ctx.addIssue({ code: 'custom', path: [path], message: SHARE_NEEDS_HEADCOUNT });
  }
};

export const SupplierCreateSchema = SupplierFieldsSchema.extend({
  /** Omitted: derived from the parent (its tier + 1), or 1 without a parent. */
  tier: SupplierTierSchema.optional(),
  goods: SupplierFieldsSchema.shape.goods.default([]),
  currency: CurrencySchema.default('USD'),
  status: SupplierStatusSchema.default('onboarding'),
  tags: SupplierFieldsSchema.shape.tags.default([]),
  contacts: SupplierFieldsSchema.shape.contacts.default([]),
}).superRefine(refineWorkforce);
export type SupplierCreate = z.infer<typeof SupplierCreateSchema>;
export type SupplierCreateInput = z.input<typeof SupplierCreateSchema>;

/**
 * PATCH: only the fields sent change (no defaults here, or a PATCH would reset them). `revision` (or
 * If-Match) names the revision the change was made from. Worker shares need a headcount above zero.
 */
export const SupplierUpdateSchema = SupplierFieldsSchema.partial()
  .extend(ExpectedRevisionShape)
  .superRefine((w, ctx) => {
    // Without a headcount in the change only the stored one can tell: the service checks the merged record.
    if (w.headcount !== undefined) refineWorkforce(w, ctx);
  });
export type SupplierUpdate = z.infer<typeof SupplierUpdateSchema>;

/**
 * Why a rating is above its score's band: `unknown_data` = the policy's unknown-data floor raised it, shown as
 * e.g. "Medium · insufficient data" (the assessment's result.ratingFloor explains it).
 */
export const RATING_FLOOR_KINDS = ['unknown_data'] as const;
export const RatingFloorKindSchema = z.enum(RATING_FLOOR_KINDS);
export type RatingFloorKind = z.infer<typeof RatingFloorKindSchema>;

/** The latest assessment, summarised on the supplier. */
export const SupplierRiskSummarySchema = z.object({
  assessmentId: IdSchema,
  rating: RatingSchema,
  /** Set when a floor raised the rating; null (or absent, from older servers) when not. */
  ratingFloor: RatingFloorKindSchema.nullable().optional(),
  inherentScore: z.number(),
  residualScore: z.number(),
  assessedAt: z.string(),
  policyVersion: z.number().int(),
});

/**
 * The highest residual risk in the supplier's sub-tree, the supplier itself included (worst rating first, then
 * highest residual score): what sits below a tier-1 supplier shows on it. Archived suppliers, and what sits
 * below them, do not count. Null while nothing in the sub-tree has been assessed.
 */
export const ChainRiskSchema = z.object({
  rating: RatingSchema,
  residualScore: z.number(),
  /** The riskiest supplier (this one when its own risk is the highest). */
  supplierId: IdSchema,
});
export type ChainRisk = z.infer<typeof ChainRiskSchema>;

/** One supplier on the way from a supplier down to the riskiest one in its sub-tree. */
export const ChainRiskStepSchema = z.object({ id: IdSchema, name: z.string() });

/**
 * GET /api/suppliers/:id/chain-risk: the chain risk with the path to it, from this supplier down to the
 * riskiest one, both included (one step when it is the supplier itself; empty when chainRisk is null).
 */
export const SupplierChainRiskSchema = z.object({
  chainRisk: ChainRiskSchema.nullable(),
  path: z.array(ChainRiskStepSchema),
});
export type SupplierChainRisk = z.infer<typeof SupplierChainRiskSchema>;

export const SupplierSchema = z.object({
  id: IdSchema,
  name: z.string(),
  legalName: z.string().nullable(),
  country: z.string(),
  goods: z.array(z.string()),
  sector: z.string().nullable(),
  tier: z.number().int(),
  parentId: IdSchema.nullable(),
  annualSpend: z.number().nullable(),
  currency: z.string(),
  headcount: z.number().int().nullable(),
  migrantWorkerShare: z.number().nullable(),
  agencyWorkerShare: z.number().nullable(),
  status: SupplierStatusSchema,
  externalRef: z.string().nullable(),
  tags: z.array(z.string()),
  contacts: z.array(ContactSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
  risk: SupplierRiskSummarySchema.nullable(),
  chainRisk: ChainRiskSchema.nullable(),
  /** Edits so far (optimistic concurrency, see revision.ts); rescoring does not change it. */
  revision: RevisionSchema,
});
export type Supplier = z.infer<typeof SupplierSchema>;

/** What the scoring engine reads of a supplier (and what an assessment snapshots). */
export const SupplierProfileSchema = z.object({
  country: z.string(),
  goods: z.array(z.string()),
  tier: z.number().int(),
  headcount: z.number().int().nullable(),
  migrantWorkerShare: z.number().nullable(),
  agencyWorkerShare: z.number().nullable(),
});
export type SupplierProfile = z.infer<typeof SupplierProfileSchema>;

export const SUPPLIER_SORTS = [
  'name',
  'country',
  'tier',
  'status',
  'rating',
  'residualScore',
  'updatedAt',
  'annualSpend',
  /** Chain risk: worst rating in the sub-tree, then highest residual score. */
  'chain_risk',
] as const;

/**
 * Which suppliers: the filters of the register, shared by the list, its CSV export and the dashboard's
 * filter bar (everything but paging and sort).
 */
export const SupplierFilterSchema = z.object({
  q: text(200).optional(),
  country: text(2).toUpperCase().length(2, 'Use the two-letter ISO 3166-1 code').optional(),
  /**
   * Suppliers with a good whose text contains this (any case: "cotton" finds "cotton yarn") or that matched
   * the same ILAB good ("palm" finds "crude palm oil"; "gems" finds "rubies").
   */
  good: text(100).optional(),
  tier: z.coerce.number().int().min(1).max(MAX_SUPPLIER_TIER).optional(),
  rating: z.union([RatingSchema, z.literal('none')]).optional(),
  status: SupplierStatusSchema.optional(),
  tag: text(50).optional(),
  /** Chain risk rating, one or several comma-separated (`high,critical`). */
  chainRating: text(100)
    .toLowerCase()
    .refine(
      (v) => v.split(',').every((p) => (RATINGS as readonly string[]).includes(p.trim())),
      `Use one or more of ${RATINGS.join(', ')}, comma-separated`,
    )
    .optional(),
  /** Chain risk: residual score of the riskiest supplier in the sub-tree at least this (0–100). */
  minChainRisk: z.coerce.number().min(0).max(100).optional(),
  /** Suppliers whose latest assessment is older than this many months. */
  assessedBeforeMonths: z.coerce.number().int().min(1).max(240).optional(),
  /** Only suppliers never assessed. */
  unassessed: z.enum(['true', 'false']).optional(),
  /** Only suppliers with at least one open red flag (the dashboard's "Open red flags" figure). */
  redFlags: z.enum(['open'], { error: "Use 'open' for suppliers with an open red flag" }).optional(),
  archived: z.enum(['true', 'false']).default('false'),
});
export type SupplierFilter = z.infer<typeof SupplierFilterSchema>;
/** The ratings a `chainRating` filter names (already validated by the schema). */
export const chainRatingsOf = (v: string): Rating[] => [
  ...new Set(v.split(',').map((p) => p.trim() as Rating)),
];
/** The filter keys, e.g. for a "clear filters" button or to drop paging from a list query. */
export const SUPPLIER_FILTER_KEYS = SupplierFilterSchema.keyof().options;

/** The register page: the filters, then paging and sort. */
export const SuppliersQuerySchema = PageQuerySchema.extend(SupplierFilterSchema.shape).extend({
  sort: z.enum(SUPPLIER_SORTS).default('name'),
  order: sortOrder,
});
export type SuppliersQuery = z.infer<typeof SuppliersQuerySchema>;

export const SupplierPageSchema = pageOf(SupplierSchema);

export interface SupplierTreeNode {
  id: string;
  name: string;
  country: string;
  tier: number;
  rating: Rating | null;
  /** True when this node has children the answer leaves out (the tree reached its depth bound here). */
  moreBelow: boolean;
  children: SupplierTreeNode[];
}
// Recursive: OpenAPI needs it as a named component, hence the id.
export const SupplierTreeNodeSchema: z.ZodType<SupplierTreeNode> = z
  .lazy(() =>
    z.object({
      id: IdSchema,
      name: z.string(),
      country: z.string(),
      tier: z.number().int(),
      rating: RatingSchema.nullable(),
      moreBelow: z.boolean(),
      children: z.array(SupplierTreeNodeSchema),
    }),
  )
  .meta({ id: 'SupplierTreeNode' });

/** Columns of the import/export CSV, in template order. `external_ref`, `name`, `country`, `tier` are required. */
export const SUPPLIER_CSV_COLUMNS = [
  'external_ref',
  'name',
  'legal_name',
  'country',
  'goods',
  'sector',
  'tier',
  'parent_external_ref',
  'annual_spend',
  'currency',
  'headcount',
  'migrant_worker_share',
  'agency_worker_share',
  'status',
  'tags',
  'contact_name',
  'contact_email',
  'contact_phone',
] as const;
export type SupplierCsvColumn = (typeof SUPPLIER_CSV_COLUMNS)[number];
/** Read-only columns the export adds; import accepts and ignores them, so an export re-imports unchanged. */
export const SUPPLIER_CSV_EXPORT_ONLY_COLUMNS = [
  'rating',
  'inherent_score',
  'residual_score',
  'assessed_at',
  'policy_version',
] as const;
export const REQUIRED_CSV_COLUMNS: SupplierCsvColumn[] = ['external_ref', 'name', 'country', 'tier'];

export const ImportIssueSchema = z.object({
  /** 1-based line number in the file, counting the header as line 1; 0 for problems with the whole file. */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportRowPreviewSchema = z.object({
  row: z.number().int(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  externalRef: z.string().nullable(),
  name: z.string().nullable(),
  country: z.string().nullable(),
  changedFields: z.array(z.string()),
  /** The row's goods that match no good on the ILAB list (a warning: they import, and score as unknown). */
  goodsNotRecognised: z.array(z.string()),
});

/** A good of a row that matches no listed good, with the closest listed goods (best first; may be empty). */
export const ImportGoodWarningSchema = z.object({
  row: z.number().int(),
  good: z.string(),
  suggestions: z.array(z.string()),
});
export type ImportGoodWarning = z.infer<typeof ImportGoodWarningSchema>;

export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  errorCount: z.number().int(),
  /** The first 1,000 problems; `errorCount` has the total. */
  errors: z.array(ImportIssueSchema),
  /** The first 200 rows with what a commit would do to each. */
  sample: z.array(ImportRowPreviewSchema),
  /** How many goods, row by row, match no listed good: warnings, which never refuse a commit. */
  goodWarningCount: z.number().int(),
  /** The first 1,000 of them, each with the closest listed goods. */
  goodWarnings: z.array(ImportGoodWarningSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Suppliers created or changed in a scored field that were assessed in the request (small files). */
  assessed: z.number().int(),
  /** The background job assessing them instead (large files): GET /api/jobs/:id shows its progress. */
  assessJobId: IdSchema.nullable(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
