import type { RouteObject } from 'react-router';
import { RequireAuth } from '../features/auth/components/require-auth.js';
import {
  canManageApiKeys,
  canManageSuppliers,
  canManageUsers,
  canReadAuditLog,
} from '../features/auth/permissions.js';
import { policyRoutes } from '../features/policies/routes.js';
import { questionnaireRoutes } from '../features/questionnaires/routes.js';
import { remediationRoutes } from '../features/remediation/routes.js';
import { reportRoutes } from '../features/reports/routes.js';
import { AppShell } from '../features/shell/components/app-shell.js';
import { BootScreen } from '../features/shell/components/boot-screen.js';
import { NotFoundPage } from '../features/shell/pages/not-found-page.js';
import { RouteErrorPage } from '../features/shell/pages/route-error-page.js';
import { lazyPage } from './lazy-page.js';

/** The whole route table; main.tsx mounts it in a browser router, tests in a memory router. */
export const routes: RouteObject[] = [
  {
    path: '/login',
    ...lazyPage(
      () => import('../features/auth/pages/login-page.js'),
      (m) => m.LoginPage,
    ),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <BootScreen />,
  },
  {
    path: '/forgot-password',
    ...lazyPage(
      () => import('../features/auth/pages/forgot-password-page.js'),
      (m) => m.ForgotPasswordPage,
    ),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <BootScreen />,
  },
  {
    // Invitation and password reset links: /set-password#<token> (the token never reaches a server log).
    path: '/set-password',
    ...lazyPage(
      () => import('../features/auth/pages/set-password-page.js'),
      (m) => m.SetPasswordPage,
    ),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <BootScreen />,
  },
  {
    // The supplier portal: a secret link, no account; outside the signed-in shell.
    path: '/portal/:token',
    ...lazyPage(
      () => import('../features/portal/pages/portal-page.js'),
      (m) => m.PortalPage,
    ),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <BootScreen />,
  },
  {
    // The public check of an issued report: anyone holding a PDF (an auditor), no account; outside the shell.
    path: '/verify',
    ...lazyPage(
      () => import('../features/reports/pages/verify-page.js'),
      (m) => m.VerifyPage,
    ),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <BootScreen />,
  },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <BootScreen />,
    children: [
      {
        element: <AppShell />,
        children: [
          {
            index: true,
            ...lazyPage(
              () => import('../features/overview/pages/overview-page.js'),
              (m) => m.OverviewPage,
            ),
          },
          {
            path: 'suppliers',
            ...lazyPage(
              () => import('../features/suppliers/pages/suppliers-page.js'),
              (m) => m.SuppliersPage,
            ),
          },
          {
            path: 'suppliers/new',
            ...lazyPage(
              () => import('../features/suppliers/pages/supplier-new-page.js'),
              (m) => m.SupplierNewPage,
              { allowed: canManageSuppliers, title: 'Add supplier' },
            ),
          },
          {
            path: 'suppliers/import',
            ...lazyPage(
              () => import('../features/suppliers/pages/supplier-import-page.js'),
              (m) => m.SupplierImportPage,
              { allowed: canManageSuppliers, title: 'Import suppliers' },
            ),
          },
          {
            path: 'suppliers/:id',
            ...lazyPage(
              () => import('../features/suppliers/pages/supplier-detail-page.js'),
              (m) => m.SupplierDetailPage,
            ),
          },
          {
            path: 'suppliers/:id/edit',
            ...lazyPage(
              () => import('../features/suppliers/pages/supplier-edit-page.js'),
              (m) => m.SupplierEditPage,
              { allowed: canManageSuppliers, title: 'Edit supplier' },
            ),
          },
          {
            path: 'reference-data',
            ...lazyPage(
              () => import('../features/reference/pages/reference-data-page.js'),
              (m) => m.ReferenceDataPage,
            ),
          },
          ...policyRoutes,
          ...questionnaireRoutes,
          ...remediationRoutes,
          ...reportRoutes,
          {
            path: 'settings',
            ...lazyPage(
              () => import('../features/shell/pages/account-page.js'),
              (m) => m.AccountPage,
            ),
          },
          {
            path: 'settings/users',
            ...lazyPage(
              () => import('../features/users/pages/users-page.js'),
              (m) => m.UsersPage,
              { allowed: canManageUsers, title: 'Users' },
            ),
          },
          {
            path: 'settings/api-keys',
            ...lazyPage(
              () => import('../features/api-keys/pages/api-keys-page.js'),
              (m) => m.ApiKeysPage,
              { allowed: canManageApiKeys, title: 'API keys' },
            ),
          },
          {
            path: 'settings/audit-log',
            ...lazyPage(
              () => import('../features/audit/pages/audit-log-page.js'),
              (m) => m.AuditLogPage,
              { allowed: canReadAuditLog, title: 'Audit log' },
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
