import { sql } from 'drizzle-orm';
import { addDays, utcDay } from '#shared/domain/questionnaires/schedule.js';
import type { PortfolioReportParams } from '#shared/schemas/reports.js';
import type { Tx } from '../../../db/client.js';
import { rowsOf } from '../../../db/tenant.js';
import { unprocessable } from '../../../lib/app-error.js';
import { dashboardWhere, readDashboardSummary } from '../../dashboard/dashboard.service.js';
import type { supplierFilter } from '../../suppliers/suppliers.repo.js';
import type { Progress } from '../report-types.js';
import { readChangesSince } from './changes-since.js';
import { CHANGES_LISTED, DEFAULT_SINCE_DAYS, type PortfolioReportData, TOP_RISKS } from './data.js';
import { readTopRisks } from './top-risks.js';

export interface PortfolioLoadDeps {
  /** The supplier list's WHERE (suppliers module), as the dashboard uses it. */
  supplierFilter: typeof supplierFilter;
}

/**
 * Everything the report prints, in three statements inside the register's snapshot transaction: the dashboard's
 * own summary (so every KPI and chart equals GET /api/dashboard/summary for the same filters), the top risks
 * and the changes since the day. Nothing here grows with the register.
 */
export const loadPortfolio =
  ({ supplierFilter }: PortfolioLoadDeps) =>
  async (tx: Tx, orgId: string, params: PortfolioReportParams, progress: Progress) => {
    // The snapshot's own clock (the transaction's start): "today", "overdue" and the default day all agree with
    // the data read, however long the statements take.
    const [clock] = rowsOf<{ now: string | Date }>(await tx.execute(sql`select now() as now`));
    const now = new Date(clock!.now);
    const today = utcDay(now);
    const since = params.since ?? addDays(today, -DEFAULT_SINCE_DAYS);
    if (since > today)
      throw unprocessable('Choose a day on or before the issue day for "changes since"', 'since');
    const filters = params.filters ?? {};
    const where = dashboardWhere(supplierFilter, orgId, filters);

    await progress(0, 3);
    const summary = await readDashboardSummary(tx, orgId, where, now);
    await progress(1, 3);
    const topRisks = await readTopRisks(tx, orgId, where, TOP_RISKS);
    await progress(2, 3);
    const changes = await readChangesSince(tx, orgId, where, since, CHANGES_LISTED);
    await progress(3, 3);
    return { today, since, filters, summary, topRisks, changes } satisfies PortfolioReportData;
  };
