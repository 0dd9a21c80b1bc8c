import type { DashboardQuery, DashboardSummary } from '#shared/schemas/dashboard.js';
import type { Rating } from '#shared/schemas/suppliers.js';
import type { TaskSeverity } from '#shared/schemas/tasks.js';

// What the portfolio risk report prints, read in the register's snapshot transaction (load.ts) and drawn by
// render.ts. Everything here is bounded whatever the size of the register: the dashboard's aggregates, 20 top
// risks and short "changes since" lists with their totals ("and N more"), so memory stays flat.

/** How many of the riskiest suppliers the report lists. */
export const TOP_RISKS = 20;
/** How many rows each "changes since" list prints before "and N more". */
export const CHANGES_LISTED = 10;
/** "Changes since" looks back this many days from the issue day unless the report names a day. */
export const DEFAULT_SINCE_DAYS = 90;

export interface TopRisk {
  name: string;
  country: string;
  rating: Rating | null;
  residualScore: number;
  /** Findings (red flags and criteria) still open. */
  openFindings: number;
  /** Remediation tasks open, in progress or pending verification (the dashboard's "active"). */
  openTasks: number;
}

/** A bounded list and how many there are in all. */
export interface Listed<T> {
  total: number;
  items: T[];
}

export interface NewHighRisk {
  name: string;
  country: string;
  rating: Rating;
  residualScore: number | null;
  /** The rating when the day began (its latest assessment before it), null when it had none. */
  was: Rating | null;
  /** The day (UTC) it was first rated high or critical after the day began. */
  on: string | null;
}

export interface ClosedTask {
  supplier: string;
  title: string;
  severity: TaskSeverity;
  /** The day (UTC) it was verified and closed. */
  on: string;
}

export interface RatingMove {
  name: string;
  from: Rating;
  to: Rating;
  fromScore: number;
  toScore: number | null;
}

export interface ChangesSince {
  /** Rated high or critical now, and not when the day began. */
  newHighRisk: Listed<NewHighRisk>;
  /** Remediation tasks verified and closed since the day began. */
  closedTasks: Listed<ClosedTask>;
  /** Suppliers rated both then and now whose rating differs: worse (up) and better (down); largest listed. */
  ratingMoves: Listed<RatingMove> & { up: number; down: number };
}

export interface PortfolioReportData {
  /** The issue day (UTC) the dashboard's "overdue" and "expiring" were judged on. */
  today: string;
  /** Changes are counted from the start of this day (UTC). */
  since: string;
  /** The dashboard's filters the report was issued with (empty: the whole register). */
  filters: DashboardQuery;
  /** GET /api/dashboard/summary for the same filters, read in the report's snapshot. */
  summary: DashboardSummary;
  topRisks: TopRisk[];
  changes: ChangesSince;
}
