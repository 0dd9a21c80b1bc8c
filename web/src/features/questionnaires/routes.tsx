import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.js';

/** The questionnaire screens, mounted inside the app shell; each page is loaded on first visit. */
export const questionnaireRoutes: RouteObject[] = [
  {
    // The area's landing: the questionnaires sent, with the templates one link away.
    path: 'questionnaires',
    ...lazyPage(
      () => import('./pages/assignments-page.js'),
      (m) => m.AssignmentsPage,
    ),
  },
  {
    path: 'questionnaires/templates',
    ...lazyPage(
      () => import('./pages/templates-page.js'),
      (m) => m.TemplatesPage,
    ),
  },
  {
    path: 'questionnaires/templates/:id',
    ...lazyPage(
      () => import('./pages/template-page.js'),
      (m) => m.TemplatePage,
    ),
  },
  // The officer's review of one questionnaire (issue 9). The assignments list page has its own entry.
  {
    path: 'questionnaires/assignments/:id',
    ...lazyPage(
      () => import('./review/review-page.js'),
      (m) => m.ReviewPage,
    ),
  },
];
