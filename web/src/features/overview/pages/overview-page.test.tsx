import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Role } from '#shared/roles.js';
import type { DashboardSummary } from '#shared/schemas/dashboard.js';
import type { ReferenceOverview } from '#shared/schemas/reference.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { JOB_ID, makeJob, makePolicy } from '../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeSupplier, referenceData } from '../../../../test/supplier-fixtures.js';
import { makeTask, taskPage } from '../../../../test/task-fixtures.js';

const reference: ReferenceOverview = {
  datasets: referenceData.datasets,
  countries: Object.keys(referenceData.countries).length,
  ilabListings: referenceData.ilab.length,
  iloIndicators: referenceData.iloIndicators,
};

const worst: Supplier = makeSupplier({
  name: 'Ashgabat Cotton Gin',
  country: 'TM',
  goods: ['cotton'],
  risk: {
    assessmentId: '88888888-8888-4888-8888-888888888888',
    rating: 'critical',
    inherentScore: 80,
    residualScore: 75.13,
    assessedAt: '2025-06-01T10:00:00.000Z',
    policyVersion: 2,
  },
});

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const weeks = Array.from({ length: 26 }, (_, i) =>
  new Date(Date.UTC(2026, 5, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10),
);

const summary = (over: Partial<DashboardSummary> = {}): DashboardSummary => ({
  today: '2026-11-30',
  suppliers: 60,
  byRating: [
    { band: 'critical', suppliers: 3 },
    { band: 'high', suppliers: 12 },
    { band: 'medium', suppliers: 25 },
    { band: 'low', suppliers: 8 },
    { band: 'none', suppliers: 12 },
  ],
  spend: [
    {
      currency: 'USD',
      suppliers: 40,
      total: 1000,
      byBand: [
        { band: 'critical', amount: 100, share: 0.1 },
        { band: 'high', amount: 400, share: 0.4 },
        { band: 'medium', amount: 500, share: 0.5 },
        { band: 'low', amount: 0, share: 0 },
        { band: 'none', amount: 0, share: 0 },
      ],
    },
  ],
  coverage: {
    activeSuppliers: 60,
    covered: 15,
    share: 0.25,
    expiringSoon: 2,
    expired: 3,
    expiringWithinDays: 30,
  },
  questionnaires: { outstanding: 9, overdue: 4, awaitingReview: 2 },
  remediation: {
    active: 7,
    overdue: 3,
    bySeverity: [
      { severity: 'critical', active: 2, overdue: 2 },
      { severity: 'high', active: 3, overdue: 1 },
      { severity: 'medium', active: 2, overdue: 0 },
      { severity: 'low', active: 0, overdue: 0 },
    ],
  },
  redFlags: { open: 5, suppliers: 2 },
  riskAccepted: { total: 4, expiringSoon: 1, expiringWithinDays: 30 },
  heatMap: {
    countries: ['TM', 'UZ'],
    goods: ['=cmd|calc', 'cotton'],
    cells: [
      { country: 'TM', good: 'cotton', suppliers: 4, assessed: 4, avgResidual: 81.5, highOrCritical: 4 },
      { country: 'UZ', good: 'cotton', suppliers: 2, assessed: 0, avgResidual: null, highOrCritical: 0 },
      { country: 'UZ', good: '=cmd|calc', suppliers: 1, assessed: 1, avgResidual: 20, highOrCritical: 0 },
    ],
  },
  trend: months.map((month, i) => ({
    month,
    assessed: i,
    avgResidual: i === 0 ? null : 50,
    low: i,
    medium: 0,
    high: 0,
    critical: 0,
  })),
  burnDown: weeks.map((week, i) => ({ week, opened: i % 3, closed: i % 2 })),
  ...over,
});

const signInAs = (role: Role, answer: () => Response, extra: Parameters<typeof mockFetch>[0] = {}) =>
  mockFetch({
    'GET /api/me': () => json(200, makeSession(role)),
    'GET /api/dashboard/summary': answer,
    'GET /api/suppliers': () => json(200, { ...pageOf([worst], 1), limit: 10 }),
    'GET /api/policies': () =>
      json(200, { items: [makePolicy({ name: 'Clearsource baseline', version: 2 })] }),
    'GET /api/reference-data': () => json(200, reference),
    ...extra,
  });

afterEach(() => vi.unstubAllGlobals());
// The page's chunk (the charts library) loads lazily: slow on a loaded machine, so wait longer than 1 s.
configure({ asyncUtilTimeout: 10_000 });

// Generous: the first render loads the page's chunk (the charts library), slow on a loaded machine.
describe('OverviewPage: the executive dashboard', { timeout: 30_000 }, () => {
  it('shows the headline figures, each a link to what it counts', async () => {
    signInAs('executive', () => json(200, summary()));
    renderApp('/');

    const tiles = await screen.findByRole('list', { name: 'Key figures' });
    const link = (name: RegExp) => within(tiles).getByRole('link', { name });
    expect(link(/^Suppliers: 60, 15 rated high or critical/).getAttribute('href')).toBe('/suppliers');
    expect(link(/^Coverage: 25%, 15 of 60/).getAttribute('href')).toBe('/questionnaires?status=accepted');
    expect(link(/^Questionnaires outstanding: 9, 4 overdue, 2 awaiting review/).getAttribute('href')).toBe(
      '/questionnaires?overdue=true',
    );
    expect(link(/^Overdue remediation: 3, of 7 open tasks/).getAttribute('href')).toBe(
      '/remediation?overdue=true',
    );
    expect(link(/^Risk accepted: 4, 1 expire within 30 days/).getAttribute('href')).toBe(
      '/remediation?status=risk_accepted',
    );
    expect(link(/^Open red flags: 5, at 2 suppliers/).getAttribute('href')).toBe('/suppliers?redFlags=open');
  });

  it('gives every chart a table with the drill-down links, for screen readers and on request', async () => {
    signInAs('executive', () => json(200, summary()));
    const { user } = renderApp('/');

    const ratings = await screen.findByRole('region', { name: 'Suppliers by rating' });
    const table = within(ratings).getByRole('table', { name: 'Suppliers by rating' });
    const critical = within(table).getByRole('link', { name: 'Critical' });
    expect(critical.getAttribute('href')).toBe('/suppliers?rating=critical');
    // Hidden from sight, its links stay out of the Tab order until the table is shown.
    expect(critical.getAttribute('tabindex')).toBe('-1');
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe('Critical35%');
    await user.click(within(ratings).getByRole('button', { name: 'Show table' }));
    expect(within(ratings).getByRole('button', { name: 'Show chart' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(within(ratings).getByRole('link', { name: 'Critical' }).getAttribute('tabindex')).toBeNull();

    const remediation = screen.getByRole('region', { name: 'Open remediation by severity' });
    expect(within(remediation).getByRole('link', { name: 'Critical' }).getAttribute('href')).toBe(
      '/remediation?severity=critical',
    );
    expect(within(remediation).getByRole('link', { name: 'High, Overdue: 1' }).getAttribute('href')).toBe(
      '/remediation?severity=high&overdue=true',
    );

    const trend = screen.getByRole('region', { name: 'Risk trend' });
    expect(within(within(trend).getByRole('table')).getAllByRole('row')).toHaveLength(13);
    const burn = screen.getByRole('region', { name: 'Remediation burn-down' });
    expect(within(within(burn).getByRole('table')).getAllByRole('row')).toHaveLength(27);
  });

  it('draws the heat map as a table of links to the supplier list for each country and good', async () => {
    signInAs('executive', () => json(200, summary()));
    renderApp('/');

    const heat = await screen.findByRole('region', { name: 'Risk by country and good' });
    const cell = within(heat).getByRole('link', { name: /^Turkmenistan \(TM\), cotton: 4 suppliers/ });
    expect(cell.getAttribute('href')).toBe('/suppliers?country=TM&good=cotton');
    expect(cell.getAttribute('aria-label')).toContain('average residual risk 81.5, 4 high or critical');
    expect(within(heat).getByRole('link', { name: /UZ\), cotton: 2 suppliers, none assessed/ })).toBeTruthy();
    expect(within(heat).getAllByText('No suppliers')).toHaveLength(1);
  });

  it('keeps the filters in the URL, asks for them, and carries them into every supplier link', async () => {
    const { find } = signInAs('executive', () => json(200, summary()));
    const { user, router } = renderApp('/?country=TM&tier=2');

    const ratings = await screen.findByRole('region', { name: 'Suppliers by rating' });
    const request = find('GET', '/api/dashboard/summary').at(-1);
    expect(request?.query.get('country')).toBe('TM');
    expect(request?.query.get('tier')).toBe('2');
    expect(within(ratings).getByRole('link', { name: 'High' }).getAttribute('href')).toBe(
      '/suppliers?country=TM&tier=2&rating=high',
    );

    await user.selectOptions(screen.getByLabelText('Tier'), '1');
    await waitFor(() => expect(router.state.location.search).toBe('?country=TM&tier=1'));
    await waitFor(() => expect(find('GET', '/api/dashboard/summary').at(-1)?.query.get('tier')).toBe('1'));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('carries the filters into the remediation links; the board keeps them, says so, and clears them', async () => {
    const { find } = signInAs('executive', () => json(200, summary()), {
      'GET /api/tasks': () => json(200, taskPage([])),
      'GET /api/users': () => json(200, pageOf([])),
    });
    const { user, router } = renderApp('/?country=TM&tier=2');

    const tiles = await screen.findByRole('list', { name: 'Key figures' });
    expect(
      within(tiles)
        .getByRole('link', { name: /^Overdue remediation/ })
        .getAttribute('href'),
    ).toBe('/remediation?country=TM&tier=2&overdue=true');
    const remediation = screen.getByRole('region', { name: 'Open remediation by severity' });
    const critical = within(remediation).getByRole('link', { name: 'Critical' });
    expect(critical.getAttribute('href')).toBe('/remediation?country=TM&tier=2&severity=critical');

    await user.click(critical);
    await screen.findByRole('heading', { level: 1, name: 'Remediation' });
    expect(screen.getByText('tier 2, TM')).toBeTruthy();
    await waitFor(() => expect(find('GET', '/api/tasks').length).toBeGreaterThan(0));
    for (const request of find('GET', '/api/tasks')) {
      expect(request.query.get('country')).toBe('TM');
      expect(request.query.get('tier')).toBe('2');
      expect(request.query.get('severity')).toBe('critical');
    }

    await user.click(screen.getByRole('button', { name: 'Remove supplier filter' }));
    await waitFor(() => expect(router.state.location.search).toBe('?severity=critical'));
    expect(screen.queryByText(/Filtered to suppliers/)).toBeNull();
    await waitFor(() => expect(find('GET', '/api/tasks').at(-1)?.query.get('country')).toBeNull());
  });

  it('opens the tasks behind a burn-down bar: the board filtered to that week, saying so', async () => {
    const closedTask = makeTask({ title: 'Stop overtime beyond 60 hours', status: 'closed' });
    const { find } = signInAs('executive', () => json(200, summary()), {
      'GET /api/tasks': (request) =>
        json(200, taskPage(request.query.get('status') === 'open' ? [] : [closedTask])),
      'GET /api/users': () => json(200, pageOf([])),
    });
    const { user, router } = renderApp('/?country=TM&tier=2');

    // The last week (from 23 Nov): 1 opened, 1 closed. Each figure links to that week's tasks.
    const burn = await screen.findByRole('region', { name: 'Remediation burn-down' });
    const table = within(burn).getByRole('table');
    expect(within(table).getByRole('link', { name: '2026-11-23, Opened: 1' }).getAttribute('href')).toBe(
      '/remediation?country=TM&tier=2&openedWeek=2026-11-23',
    );
    const closed = within(table).getByRole('link', { name: '2026-11-23, Closed: 1' });
    expect(closed.getAttribute('href')).toBe('/remediation?country=TM&tier=2&closedWeek=2026-11-23');
    expect(within(table).getByRole('link', { name: '2026-06-08, Opened: 1' }).getAttribute('href')).toBe(
      '/remediation?country=TM&tier=2&openedWeek=2026-06-08',
    );

    await user.click(closed);
    await screen.findByRole('heading', { level: 1, name: 'Remediation' });
    // Said in words with the week's count; only the Closed column (a week's closures are all closed).
    const note = (await screen.findByText(/Closed in the week of/)).closest('p')!;
    expect(note.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-23');
    await waitFor(() => expect(note.firstElementChild?.textContent).toMatch(/: 1 task$/));
    expect(screen.getByRole('region', { name: /^Closed/ })).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^Open/ })).toBeNull();
    // The Columns filter says the same, rather than "Every status".
    const columns = screen.getByRole('combobox', { name: 'Columns' }) as HTMLSelectElement;
    expect(columns.selectedOptions[0]?.textContent).toBe('Closed (closed that week)');
    await screen.findByRole('article', { name: 'Stop overtime beyond 60 hours' });
    for (const request of find('GET', '/api/tasks')) {
      expect(request.query.get('closedWeek')).toBe('2026-11-23');
      expect(request.query.get('country')).toBe('TM');
    }

    await user.click(within(note).getByRole('button', { name: 'Remove week filter' }));
    await waitFor(() => expect(router.state.location.search).toBe('?country=TM&tier=2'));
    expect(screen.queryByText(/in the week of/)).toBeNull();
    expect(await screen.findByRole('region', { name: /^Open/ })).toBeTruthy();
    expect(columns.selectedOptions[0]?.textContent).toBe('Every status');
  });

  it('downloads a chart’s figures as CSV with formula cells neutralised', async () => {
    signInAs('executive', () => json(200, summary()));
    const blobs: Blob[] = [];
    // jsdom has no object URLs: record the file instead (put back after the test).
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:dashboard';
    };
    URL.revokeObjectURL = () => {};
    onTestFinished(() => {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    });
    const { user } = renderApp('/');

    const heat = await screen.findByRole('region', { name: 'Risk by country and good' });
    await user.click(within(heat).getByRole('button', { name: 'Download Risk by country and good as CSV' }));
    expect(blobs).toHaveLength(1);
    // A byte-order mark first, so spreadsheet programs read UTF-8.
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      'Country,Good,Suppliers,Assessed,Average residual risk,High or critical',
    );
    expect(text).toContain('TM,cotton,4,4,81.5,4\r\n');
    expect(text).toContain("UZ,'=cmd|calc,1,1,20,0\r\n");
    expect(text).toContain('UZ,cotton,2,0,,0\r\n');
  });

  it('says when no supplier matches the filters, and offers the import on an empty register', async () => {
    signInAs('officer', () => json(200, summary({ suppliers: 0 })));
    renderApp('/?tag=nothing');
    expect(await screen.findByRole('heading', { name: 'No supplier matches these filters' })).toBeTruthy();

    vi.unstubAllGlobals();
    signInAs('officer', () => json(200, summary({ suppliers: 0 })));
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'No suppliers in the register yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import suppliers from CSV' }).getAttribute('href')).toBe(
      '/suppliers/import',
    );
  });

  it('explains a failure and retries', async () => {
    let calls = 0;
    signInAs('executive', () =>
      ++calls === 1
        ? apiError(403, 'forbidden', 'Your role does not allow this action')
        : json(200, summary()),
    );
    const { user } = renderApp('/');
    expect(await screen.findByText('The dashboard could not be loaded')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Key figures' })).toBeTruthy();
  });

  it('shows the progress of a rescore going on, since it changes every figure', async () => {
    const running = makeJob({ status: 'running', progress: { done: 12, total: 60, percent: 20 } });
    signInAs('executive', () => json(200, summary()), {
      'GET /api/jobs': () => json(200, { items: [running], total: 1, limit: 1, offset: 0 }),
      [`GET /api/jobs/${JOB_ID}`]: () => json(200, running),
    });
    renderApp('/');
    expect(await screen.findByText('12 of 60 suppliers (20%)')).toBeTruthy();
  });
});
