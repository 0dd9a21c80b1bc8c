import type { RouteObject } from 'react-router';
import { PoliciesPage } from './pages/policies-page.js';
import { PolicyChangesPage } from './pages/policy-changes-page.js';
import { PolicyDocumentPage } from './pages/policy-document-page.js';
import { PolicyEditPage } from './pages/policy-edit-page.js';
import { PolicyLayout } from './pages/policy-layout.js';
import { PolicyWhatIfPage } from './pages/policy-what-if-page.js';

/** The scoring-policy screens, mounted inside the app shell. */
export const policyRoutes: RouteObject[] = [
  { path: 'policies', element: <PoliciesPage /> },
  {
    path: 'policies/:id',
    element: <PolicyLayout />,
    children: [
      { index: true, element: <PolicyDocumentPage /> },
      { path: 'changes', element: <PolicyChangesPage /> },
      { path: 'what-if', element: <PolicyWhatIfPage /> },
      { path: 'edit', element: <PolicyEditPage /> },
    ],
  },
];
