import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.js';
import { canManageSuppliers } from '../auth/permissions.js';

/** The remediation screens, mounted inside the app shell; each page is loaded on first visit. */
export const remediationRoutes: RouteObject[] = [
  {
    path: 'remediation',
    ...lazyPage(
      () => import('./pages/remediation-page.js'),
      (m) => m.RemediationPage,
    ),
  },
  {
    path: 'remediation/new',
    ...lazyPage(
      () => import('./pages/task-new-page.js'),
      (m) => m.TaskNewPage,
      // Officers and administrators make tasks (the server answers 403 to an executive).
      { allowed: canManageSuppliers, title: 'New remediation task' },
    ),
  },
  {
    path: 'remediation/:id',
    ...lazyPage(
      () => import('./pages/task-detail-page.js'),
      (m) => m.TaskDetailPage,
    ),
  },
];
