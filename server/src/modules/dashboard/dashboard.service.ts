import type { SQL } from 'drizzle-orm';
import { addDays, utcDay } from '#shared/domain/questionnaires/schedule.js';
import {
  DASHBOARD_BURN_DOWN_WEEKS,
  DASHBOARD_EXPIRING_DAYS,
  DASHBOARD_TREND_MONTHS,
  type DashboardQuery,
  type DashboardSummary,
  HEAT_MAP_MAX_COUNTRIES,
  HEAT_MAP_MAX_GOODS,
  RATING_BANDS,
  type RatingBand,
} from '#shared/schemas/dashboard.js';
import type { TaskSeverity } from '#shared/schemas/tasks.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import type { supplierFilter } from '../suppliers/suppliers.repo.js';
import * as repo from './dashboard.repo.js';

const SEVERITIES: readonly TaskSeverity[] = ['critical', 'high', 'medium', 'low'];

/** The days the summary is judged on: today, the expiry horizon, the first trend month and burn-down week. */
export const windowOf = (now: Date): repo.Window => {
  const today = utcDay(now);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (DASHBOARD_TREND_MONTHS - 1), 1));
  const monday = addDays(today, -((now.getUTCDay() + 6) % 7));
  return {
    today,
    soon: addDays(today, DASHBOARD_EXPIRING_DAYS),
    trendFrom: utcDay(month),
    burnFrom: addDays(monday, -7 * (DASHBOARD_BURN_DOWN_WEEKS - 1)),
  };
};

const monthsFrom = (from: string): string[] => {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: DASHBOARD_TREND_MONTHS }, (_, i) =>
    new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 7),
  );
};

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export interface DashboardDeps {
  db: Db;
  /** The supplier list's WHERE (suppliers module): the dashboard counts what a drill-down then lists. */
  supplierFilter: typeof supplierFilter;
}

/**
 * The supplier list's own WHERE for the dashboard's filters (current suppliers only), so a drill-down shows
 * what a figure counts. The portfolio report selects its suppliers with it too.
 */
export const dashboardWhere = (filter: typeof supplierFilter, orgId: string, q: DashboardQuery) =>
  filter(orgId, { ...q, archived: 'false' });

export const createDashboardService = ({ db, supplierFilter }: DashboardDeps) => ({
  /** Every figure of the executive dashboard over the filtered suppliers: one statement. */
  async summary(ctx: RequestCtx, q: DashboardQuery, now = new Date()): Promise<DashboardSummary> {
    requireRole(ctx, 'executive');
    const where = dashboardWhere(supplierFilter, ctx.orgId, q);
    return withTenant(db, ctx.orgId, (tx) => readDashboardSummary(tx, ctx.orgId, where, now));
  },
});
export type DashboardService = ReturnType<typeof createDashboardService>;

/**
 * The summary inside a tenant transaction the caller holds: the request's own, or the portfolio report's
 * read-only snapshot (which prints these figures, so they are the dashboard's by construction).
 */
export const readDashboardSummary = async (
  tx: Tx,
  orgId: string,
  where: SQL | undefined,
  now: Date,
): Promise<DashboardSummary> => {
  const w = windowOf(now);
  const query = repo.summaryQuery(orgId, where, w, {
    countries: HEAT_MAP_MAX_COUNTRIES,
    goods: HEAT_MAP_MAX_GOODS,
  });
  const { bands, tasks, work, heat, trend, burn } = await repo.readSummary(tx, query);

  const sum = (rows: typeof bands, pick: (r: (typeof bands)[number]) => number) =>
    rows.reduce((n, r) => n + pick(r), 0);
  const total = sum(bands, (r) => r.suppliers);
  const covered = sum(bands, (r) => r.covered);

  const currencies = [...new Set(bands.filter((r) => r.with_spend > 0).map((r) => r.currency))];
  const spend = currencies
    .map((currency) => {
      const rows = bands.filter((r) => r.currency === currency);
      const amount = sum(rows, (r) => r.spend);
      return {
        currency,
        suppliers: sum(rows, (r) => r.with_spend),
        total: amount,
        byBand: RATING_BANDS.map((band) => {
          const a = rows.find((r) => r.band === band)?.spend ?? 0;
          return { band, amount: a, share: ratio(a, amount) };
        }),
      };
    })
    .sort((a, b) => b.suppliers - a.suppliers || b.total - a.total || a.currency.localeCompare(b.currency));

  const taskOf = (s: TaskSeverity) => tasks.find((r) => r.severity === s);
  const bySeverity = SEVERITIES.map((severity) => ({
    severity,
    active: taskOf(severity)?.active ?? 0,
    overdue: taskOf(severity)?.overdue ?? 0,
  }));

  const heatCountries = [...new Set(heat.map((c) => c.country))].sort();
  const heatGoods = [...new Set(heat.map((c) => c.good))].sort();

  const burnWeeks = Array.from({ length: DASHBOARD_BURN_DOWN_WEEKS }, (_, i) => addDays(w.burnFrom, 7 * i));

  return {
    today: w.today,
    suppliers: total,
    byRating: RATING_BANDS.map((band: RatingBand) => ({
      band,
      suppliers: sum(
        bands.filter((r) => r.band === band),
        (r) => r.suppliers,
      ),
    })),
    spend,
    coverage: {
      activeSuppliers: total,
      covered,
      share: ratio(covered, total),
      expiringSoon: sum(bands, (r) => r.expiring),
      expired: sum(bands, (r) => r.expired),
      expiringWithinDays: DASHBOARD_EXPIRING_DAYS,
    },
    questionnaires: {
      outstanding: work?.outstanding ?? 0,
      overdue: work?.overdue ?? 0,
      awaitingReview: work?.awaiting_review ?? 0,
    },
    remediation: {
      active: bySeverity.reduce((n, s) => n + s.active, 0),
      overdue: bySeverity.reduce((n, s) => n + s.overdue, 0),
      bySeverity,
    },
    redFlags: { open: work?.red_flags ?? 0, suppliers: work?.red_flag_suppliers ?? 0 },
    riskAccepted: {
      total: tasks.reduce((n, r) => n + r.accepted, 0),
      expiringSoon: tasks.reduce((n, r) => n + r.accepted_expiring, 0),
      expiringWithinDays: DASHBOARD_EXPIRING_DAYS,
    },
    heatMap: {
      countries: heatCountries,
      goods: heatGoods,
      cells: heat.map((c) => ({
        country: c.country,
        good: c.good,
        suppliers: c.suppliers,
        assessed: c.assessed,
        avgResidual: round1(c.avg_residual),
        highOrCritical: c.high_or_critical,
      })),
    },
    trend: monthsFrom(w.trendFrom).map((month) => {
      const r = trend.find((t) => t.month === month);
      return {
        month,
        assessed: r?.assessed ?? 0,
        avgResidual: round1(r?.avg_residual ?? null),
        low: r?.low ?? 0,
        medium: r?.medium ?? 0,
        high: r?.high ?? 0,
        critical: r?.critical ?? 0,
      };
    }),
    burnDown: burnWeeks.map((week) => {
      const r = burn.find((b) => b.week === week);
      return { week, opened: r?.opened ?? 0, closed: r?.closed ?? 0 };
    }),
  };
};
