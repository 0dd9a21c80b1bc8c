import { DASHBOARD_FILTER_KEYS, type DashboardQuery, type RatingBand } from '#shared/schemas/dashboard.js';
import type { TasksQuery } from '#shared/schemas/tasks.js';

type Params = Record<string, string | number | undefined>;

const withParams = (path: string, params: Params): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

/** The dashboard's filters as supplier-list parameters (the same names: the list reads SupplierFilterSchema). */
const filterParams = (filters: DashboardQuery): Params =>
  Object.fromEntries(DASHBOARD_FILTER_KEYS.map((key) => [key, filters[key]]));

/**
 * The supplier list showing what a figure counts: the dashboard's filters plus the segment's own (a rating
 * band, a country and a good, or only those with an open red flag). A segment's own value wins over the filter of the same name.
 */
export const suppliersHref = (
  filters: DashboardQuery,
  segment: { rating?: RatingBand; country?: string; good?: string; redFlags?: 'open' } = {},
): string => withParams('/suppliers', { ...filterParams(filters), ...segment });

/**
 * The remediation board showing what a figure counts (its URL parameters are TasksQuerySchema's names): the
 * dashboard's supplier filters (the board takes the same names, and counts a task when its supplier matches)
 * plus the figure's own task filters.
 */
export const tasksHref = (
  filters: DashboardQuery,
  params: Partial<
    Pick<
      TasksQuery,
      'severity' | 'status' | 'overdue' | 'ownerId' | 'supplierId' | 'openedWeek' | 'closedWeek'
    >
  > = {},
): string => withParams('/remediation', { ...filterParams(filters), ...params });

/** The questionnaires list (AssignmentsQuerySchema's names). */
export const questionnairesHref = (params: { status?: string; overdue?: 'true' } = {}): string =>
  withParams('/questionnaires', params);
