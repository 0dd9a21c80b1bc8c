import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.js';
import { canIssueReports } from '../auth/permissions.js';

/** The reports screens, mounted inside the app shell; each page is loaded on first visit. */
export const reportRoutes: RouteObject[] = [
  {
    path: 'reports',
    ...lazyPage(
      () => import('./pages/reports-page.js'),
      (m) => m.ReportsPage,
    ),
  },
  {
    path: 'reports/new',
    ...lazyPage(
      () => import('./pages/report-new-page.js'),
      (m) => m.ReportNewPage,
      { allowed: canIssueReports, title: 'New report' },
    ),
  },
  {
    path: 'reports/:id',
    ...lazyPage(
      () => import('./pages/report-page.js'),
      (m) => m.ReportPage,
    ),
  },
];
