import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/roles.js';
import type { ReferenceOverview } from '#shared/schemas/reference.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { json, mockFetch, type RecordedRequest } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { JOB_ID, makeJob, makePolicy, policyDocument } from '../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeSupplier, referenceData } from '../../../../test/supplier-fixtures.js';

const reference: ReferenceOverview = {
  datasets: referenceData.datasets,
  countries: Object.keys(referenceData.countries).length,
  ilabListings: referenceData.ilab.length,
  iloIndicators: referenceData.iloIndicators,
};

const assessed = (name: string, rating: 'critical' | 'high', residualScore: number): Supplier =>
  makeSupplier({
    name,
    country: 'TM',
    goods: ['cotton', 'yarn'],
    risk: {
      assessmentId: '88888888-8888-4888-8888-888888888888',
      rating,
      inherentScore: 80,
      residualScore,
      assessedAt: '2025-06-01T10:00:00.000Z',
      policyVersion: 2,
    },
  });

const worst = assessed('Ashgabat Cotton Gin', 'critical', 75.13);
const next = assessed('Dhaka Knitwear Ltd', 'high', 61.5);
const unassessed = makeSupplier({ name: 'Porto Shoes Lda', country: 'PT' });

type Totals = Record<'critical' | 'high' | 'medium' | 'low' | 'none' | 'overdue', number>;

/** The supplier list as the server answers it: a one-row page's total is the count for its filter. */
const suppliersRoute = (totals: Totals) => (request: RecordedRequest) => {
  const { query } = request;
  if (query.get('sort') === 'residualScore') {
    const items = totals.critical + totals.high > 0 ? [worst, next, unassessed] : [];
    return json(200, { ...pageOf(items, items.length), limit: 10 });
  }
  const rating = query.get('rating') as keyof Totals | null;
  const total = rating ? totals[rating] : query.get('assessedBeforeMonths') ? totals.overdue : 0;
  return json(200, { ...pageOf([], total), limit: 1 });
};

const signInAs = (role: Role, totals: Totals, extra: Parameters<typeof mockFetch>[0] = {}) =>
  mockFetch({
    ...extra,
    'GET /api/me': () => json(200, makeSession(role)),
    'GET /api/suppliers': suppliersRoute(totals),
    'GET /api/policies': () =>
      json(200, {
        items: [
          makePolicy({
            name: 'Clearsource baseline',
            version: 2,
            document: policyDocument((doc) => {
              doc.reassessmentMonths = 18;
            }),
          }),
        ],
      }),
    'GET /api/reference-data': () => json(200, reference),
    'GET /api/assignments/coverage': () =>
      json(200, {
        activeSuppliers: 60,
        covered: 15,
        share: 0.25,
        expiringSoon: 2,
        expiringWithinDays: 30,
        expired: 3,
      }),
  });

const portfolio: Totals = { critical: 3, high: 12, medium: 25, low: 8, none: 12, overdue: 5 };
const empty: Totals = { critical: 0, high: 0, medium: 0, low: 0, none: 0, overdue: 0 };

describe('OverviewPage', () => {
  it('counts suppliers per rating, each count a link to the filtered list', async () => {
    signInAs('executive', portfolio);
    renderApp('/');

    const tiles = await screen.findByRole('list', { name: 'Suppliers by rating' });
    const critical = within(tiles).getByRole('link', { name: /^Critical: 3 suppliers, 5% of the register/ });
    expect(critical.getAttribute('href')).toBe('/suppliers?rating=critical');
    expect(
      within(tiles)
        .getByRole('link', { name: /^High: 12 suppliers/ })
        .getAttribute('href'),
    ).toBe('/suppliers?rating=high');
    expect(
      within(tiles)
        .getByRole('link', { name: /^Not assessed: 12 suppliers/ })
        .getAttribute('href'),
    ).toBe('/suppliers?rating=none');
    expect(screen.getByRole('link', { name: '60 suppliers in the register' })).toBeTruthy();
  });

  it('opens the filtered supplier list from a count', async () => {
    signInAs('officer', portfolio);
    const { user, router } = renderApp('/');

    await user.click(await screen.findByRole('link', { name: /^Critical: 3 suppliers/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/suppliers'));
    expect(router.state.location.search).toBe('?rating=critical');
  });

  it('ranks the assessed suppliers by residual risk, leaving never-assessed ones out', async () => {
    const { find } = signInAs('executive', portfolio);
    renderApp('/');

    const table = await screen.findByRole('table', { name: 'Suppliers with the highest residual risk' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Ashgabat Cotton Gin' })).toBeTruthy();
    expect(within(rows[0]!).getByText('Critical')).toBeTruthy();
    expect(within(rows[0]!).getByText('Turkmenistan')).toBeTruthy();
    expect(within(rows[0]!).getByText('cotton, yarn')).toBeTruthy();
    expect(within(table).queryByText('Porto Shoes Lda')).toBeNull();
    const [top] = find('GET', '/api/suppliers').filter((r) => r.query.get('sort') === 'residualScore');
    expect(top?.query.get('order')).toBe('desc');
    expect(top?.query.get('limit')).toBe('10');
  });

  it('shows coverage with the policy’s reassessment interval, and the scoring basis', async () => {
    const { find } = signInAs('executive', portfolio);
    renderApp('/');

    const coverage = await screen.findByRole('region', { name: 'Assessment coverage' });
    expect(within(coverage).getByText(/of 60 suppliers assessed/).textContent).toContain('48');
    expect(within(coverage).getByRole('link', { name: 'Never assessed' }).getAttribute('href')).toBe(
      '/suppliers?rating=none',
    );
    const overdue = within(coverage).getByRole('link', { name: 'Last assessed over 18 months ago' });
    expect(overdue.getAttribute('href')).toBe('/suppliers?assessedBeforeMonths=18');
    await waitFor(() => expect(overdue.closest('div')?.querySelector('dd')?.textContent).toBe('5'));
    // Questionnaire answers count only until they expire: the share that still does, and what is running out.
    const answered = within(coverage).getByRole('link', { name: 'Backed by current questionnaire answers' });
    expect(answered.getAttribute('href')).toBe('/questionnaires?status=accepted');
    await waitFor(() => expect(answered.closest('div')?.querySelector('dd')?.textContent).toBe('15 (25%)'));
    expect(within(coverage).getByText('Answers expiring within 30 days').nextSibling?.textContent).toBe('2');
    expect(within(coverage).getByText('Answers expired, no longer counted').nextSibling?.textContent).toBe(
      '3',
    );
    expect(find('GET', '/api/suppliers').some((r) => r.query.get('assessedBeforeMonths') === '18')).toBe(
      true,
    );

    const basis = screen.getByRole('region', { name: 'Scoring basis' });
    expect(
      within(basis).getByRole('link', { name: 'Clearsource baseline, version 2' }).getAttribute('href'),
    ).toMatch(/^\/policies\/[0-9a-f-]+$/);
    const datasets = await within(basis).findByRole('list', { name: 'Datasets and editions' });
    expect(within(datasets).getByText('TIP 2025')).toBeTruthy();
    expect(within(datasets).getByText('ILAB 2022')).toBeTruthy();
  });

  it('offers the import to an officer when the register is empty', async () => {
    signInAs('officer', empty);
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'No suppliers in the register yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import suppliers from CSV' }).getAttribute('href')).toBe(
      '/suppliers/import',
    );
    expect(screen.queryByRole('list', { name: 'Suppliers by rating' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('tells an executive with an empty register who can add suppliers, without offering it', async () => {
    signInAs('executive', empty);
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'No suppliers in the register yet' })).toBeTruthy();
    expect(screen.getByText(/Compliance officers and administrators of Demo Textiles Ltd/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Import suppliers from CSV' })).toBeNull();
  });

  it('shows the progress of a rescore going on, since it changes every figure', async () => {
    const running = makeJob({ status: 'running', progress: { done: 12, total: 60, percent: 20 } });
    signInAs('executive', portfolio, {
      'GET /api/jobs': () => json(200, { items: [running], total: 1, limit: 1, offset: 0 }),
      [`GET /api/jobs/${JOB_ID}`]: () => json(200, running),
    });
    renderApp('/');

    expect(
      await screen.findByRole('heading', { name: 'Rescoring every supplier under version 3' }),
    ).toBeTruthy();
    expect(await screen.findByText('12 of 60 suppliers (20%)')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Rescoring suppliers' })).toBeTruthy();
  });

  it('shows no rescore panel when nothing is going on', async () => {
    signInAs('executive', portfolio, {
      'GET /api/jobs': () => json(200, { items: [], total: 0, limit: 1, offset: 0 }),
    });
    renderApp('/');

    await screen.findByRole('list', { name: 'Suppliers by rating' });
    expect(screen.queryByRole('progressbar', { name: 'Rescoring suppliers' })).toBeNull();
    expect(screen.queryByRole('heading', { name: /Rescor/ })).toBeNull();
  });
});
