import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type DashboardQuery, DashboardSummarySchema } from '#shared/schemas/dashboard.js';
import { apiRequest } from '../../lib/api-client.js';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: (filters: DashboardQuery) => [...dashboardKeys.all, 'summary', filters] as const,
};

/** Every figure of the dashboard for the filters, in one request (the server aggregates). */
export const useDashboardSummary = (filters: DashboardQuery) =>
  useQuery({
    queryKey: dashboardKeys.summary(filters),
    queryFn: ({ signal }) =>
      apiRequest('/api/dashboard/summary', { schema: DashboardSummarySchema, query: { ...filters }, signal }),
    // A filter change keeps the figures shown until the new ones arrive, so the page does not jump.
    placeholderData: keepPreviousData,
  });
