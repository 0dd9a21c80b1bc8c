import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.js';

/** The scoring-policy screens, mounted inside the app shell; each page is loaded on first visit. */
export const policyRoutes: RouteObject[] = [
  {
    path: 'policies',
    ...lazyPage(
      () => import('./pages/policies-page.js'),
      (m) => m.PoliciesPage,
    ),
  },
  {
    path: 'policies/:id',
    ...lazyPage(
      () => import('./pages/policy-layout.js'),
      (m) => m.PolicyLayout,
    ),
    children: [
      {
        index: true,
        ...lazyPage(
          () => import('./pages/policy-document-page.js'),
          (m) => m.PolicyDocumentPage,
        ),
      },
      {
        path: 'changes',
        ...lazyPage(
          () => import('./pages/policy-changes-page.js'),
          (m) => m.PolicyChangesPage,
        ),
      },
      {
        path: 'what-if',
        ...lazyPage(
          () => import('./pages/policy-what-if-page.js'),
          (m) => m.PolicyWhatIfPage,
        ),
      },
      {
        path: 'edit',
        ...lazyPage(
          () => import('./pages/policy-edit-page.js'),
          (m) => m.PolicyEditPage,
        ),
      },
    ],
  },
];
