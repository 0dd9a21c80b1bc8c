import { z } from 'zod';
import { RatingSchema, SupplierFilterSchema } from './suppliers.js';
import { TaskSeveritySchema } from './tasks.js';

// The executive dashboard (issue 10): `GET /api/dashboard/summary`. Every figure is an aggregate the database
// computes over the suppliers the filters select (the same filter semantics as the supplier list, so a
// drill-down link shows exactly the suppliers a figure counts).

/**
 * The dashboard-wide filters: the register's business-unit tag, country, tier and good, with the register's
 * own rules (SupplierFilterSchema). Tasks, findings and questionnaires count when their supplier matches.
 */
export const DashboardQuerySchema = SupplierFilterSchema.pick({
  tag: true,
  country: true,
  tier: true,
  good: true,
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;
export const DASHBOARD_FILTER_KEYS = DashboardQuerySchema.keyof().options;

/** A band of the portfolio: the four ratings, or `none` (never assessed: unknown, not low). */
export const RatingBandSchema = z.union([RatingSchema, z.literal('none')]);
export type RatingBand = z.infer<typeof RatingBandSchema>;
/** Worst first: the order of every band list and chart. */
export const RATING_BANDS = [
  'critical',
  'high',
  'medium',
  'low',
  'none',
] as const satisfies readonly RatingBand[];

/** How many days ahead "expiring soon" looks (answers, risk acceptances). */
export const DASHBOARD_EXPIRING_DAYS = 30;
/** The trend's months and the burn-down's weeks, the current one included. */
export const DASHBOARD_TREND_MONTHS = 12;
export const DASHBOARD_BURN_DOWN_WEEKS = 26;
/** The heat map's rows and columns: the countries and goods with the most suppliers. */
export const HEAT_MAP_MAX_COUNTRIES = 12;
export const HEAT_MAP_MAX_GOODS = 10;

const count = z.number().int();

export const BandCountSchema = z.object({ band: RatingBandSchema, suppliers: count });

/** Spend in one currency (amounts in different currencies are never added up). */
export const SpendByCurrencySchema = z.object({
  currency: z.string(),
  /** Suppliers with a recorded annual spend in this currency. */
  suppliers: count,
  total: z.number(),
  byBand: z.array(z.object({ band: RatingBandSchema, amount: z.number(), share: z.number() })),
});

export const SeverityTasksSchema = z.object({
  severity: TaskSeveritySchema,
  /** Open, in progress or pending verification. */
  active: count,
  /** Active and past the due date. */
  overdue: count,
});

export const HeatCellSchema = z.object({
  country: z.string(),
  /** The good as written on the suppliers (lower case): the supplier list's `good` filter finds them. */
  good: z.string(),
  suppliers: count,
  assessed: count,
  /** Average residual score of the assessed ones, 0–100; null when none is assessed. */
  avgResidual: z.number().nullable(),
  /** Rated high or critical. */
  highOrCritical: count,
});

export const TrendPointSchema = z.object({
  /** YYYY-MM. */
  month: z.string(),
  /** Assessments made in the month (a supplier reassessed twice counts twice), then their ratings. */
  assessed: count,
  /** Their average residual score, 0-100; null in a month without any. */
  avgResidual: z.number().nullable(),
  low: count,
  medium: count,
  high: count,
  critical: count,
});

export const BurnDownPointSchema = z.object({
  /** The Monday starting the week (YYYY-MM-DD, UTC). */
  week: z.string(),
  opened: count,
  /** Closed after verification in the week. */
  closed: count,
});

export const DashboardSummarySchema = z.object({
  /** The day (UTC) "overdue" and "expiring" were judged against. */
  today: z.string(),
  /** Current (not archived) suppliers the filters select. */
  suppliers: count,
  byRating: z.array(BandCountSchema),
  /** Most suppliers first. */
  spend: z.array(SpendByCurrencySchema),
  /**
   * Coverage, as GET /api/assignments/coverage counts it, over the filtered suppliers: `covered` have a
   * current assessment and accepted questionnaire answers that have not expired.
   */
  coverage: z.object({
    activeSuppliers: count,
    covered: count,
    /** covered / activeSuppliers, 0–1. */
    share: z.number(),
    expiringSoon: count,
    expired: count,
    expiringWithinDays: count,
  }),
  questionnaires: z.object({
    /** Waiting for the supplier (sent, in progress, returned) or for review (submitted). */
    outstanding: count,
    /** Waiting for the supplier past the due date. */
    overdue: count,
    awaitingReview: count,
  }),
  remediation: z.object({
    active: count,
    overdue: count,
    /** Every severity, worst first. */
    bySeverity: z.array(SeverityTasksSchema),
  }),
  redFlags: z.object({ open: count, suppliers: count }),
  riskAccepted: z.object({ total: count, expiringSoon: count, expiringWithinDays: count }),
  heatMap: z.object({
    countries: z.array(z.string()),
    goods: z.array(z.string()),
    cells: z.array(HeatCellSchema),
  }),
  /** Oldest month first, months without assessments included. */
  trend: z.array(TrendPointSchema),
  /** Oldest week first, every week included. */
  burnDown: z.array(BurnDownPointSchema),
});
export type DashboardSummary = z.infer<typeof DashboardSummarySchema>;
