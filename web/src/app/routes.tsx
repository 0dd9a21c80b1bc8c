import type { RouteObject } from 'react-router';
import { ApiKeysPage } from '../features/api-keys/pages/api-keys-page.js';
import { AuditLogPage } from '../features/audit/pages/audit-log-page.js';
import { RequireAuth } from '../features/auth/components/require-auth.js';
import { RequireRole } from '../features/auth/components/require-role.js';
import { LoginPage } from '../features/auth/pages/login-page.js';
import {
  canManageApiKeys,
  canManageSuppliers,
  canManageUsers,
  canReadAuditLog,
} from '../features/auth/permissions.js';
import { OverviewPage } from '../features/overview/pages/overview-page.js';
import { policyRoutes } from '../features/policies/routes.js';
import { ReferenceDataPage } from '../features/reference/pages/reference-data-page.js';
import { AppShell } from '../features/shell/components/app-shell.js';
import { AccountPage } from '../features/shell/pages/account-page.js';
import { NotFoundPage } from '../features/shell/pages/not-found-page.js';
import { QuestionnairesPage } from '../features/shell/pages/questionnaires-page.js';
import { RemediationPage } from '../features/shell/pages/remediation-page.js';
import { ReportsPage } from '../features/shell/pages/reports-page.js';
import { RouteErrorPage } from '../features/shell/pages/route-error-page.js';
import { SupplierDetailPage } from '../features/suppliers/pages/supplier-detail-page.js';
import { SupplierEditPage } from '../features/suppliers/pages/supplier-edit-page.js';
import { SupplierImportPage } from '../features/suppliers/pages/supplier-import-page.js';
import { SupplierNewPage } from '../features/suppliers/pages/supplier-new-page.js';
import { SuppliersPage } from '../features/suppliers/pages/suppliers-page.js';
import { UsersPage } from '../features/users/pages/users-page.js';

/** The whole route table; main.tsx mounts it in a browser router, tests in a memory router. */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'suppliers', element: <SuppliersPage /> },
          {
            path: 'suppliers/new',
            element: (
              <RequireRole allowed={canManageSuppliers} title="Add supplier">
                <SupplierNewPage />
              </RequireRole>
            ),
          },
          {
            path: 'suppliers/import',
            element: (
              <RequireRole allowed={canManageSuppliers} title="Import suppliers">
                <SupplierImportPage />
              </RequireRole>
            ),
          },
          { path: 'suppliers/:id', element: <SupplierDetailPage /> },
          {
            path: 'suppliers/:id/edit',
            element: (
              <RequireRole allowed={canManageSuppliers} title="Edit supplier">
                <SupplierEditPage />
              </RequireRole>
            ),
          },
          { path: 'reference-data', element: <ReferenceDataPage /> },
          ...policyRoutes,
          { path: 'questionnaires', element: <QuestionnairesPage /> },
          { path: 'remediation', element: <RemediationPage /> },
          { path: 'reports', element: <ReportsPage /> },
          { path: 'settings', element: <AccountPage /> },
          {
            path: 'settings/users',
            element: (
              <RequireRole allowed={canManageUsers} title="Users">
                <UsersPage />
              </RequireRole>
            ),
          },
          {
            path: 'settings/api-keys',
            element: (
              <RequireRole allowed={canManageApiKeys} title="API keys">
                <ApiKeysPage />
              </RequireRole>
            ),
          },
          {
            path: 'settings/audit-log',
            element: (
              <RequireRole allowed={canReadAuditLog} title="Audit log">
                <AuditLogPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
