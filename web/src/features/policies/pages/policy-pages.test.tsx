import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '#shared/schemas/jobs.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import {
  DRAFT_ID,
  JOB_ID,
  makeDraft,
  makeJob,
  makePolicy,
  makeWhatIf,
  PUBLISHED_ID,
  policyDocument,
  RETIRED_ID,
} from '../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../test/render.js';

const retired = makePolicy({ id: RETIRED_ID, version: 1, status: 'retired', basedOnId: null });
const published = makePolicy();
const draft = makeDraft({
  document: policyDocument((doc) => {
    doc.name = '2026 policy';
    doc.criteria.find((c) => c.key === 'recruitment_fees_employer_pays')!.weight = 15;
  }),
});

const baseRoutes = (role: 'admin' | 'officer' | 'executive' = 'admin') => ({
  'GET /api/me': () => json(200, makeSession(role)),
  'GET /api/policies': () => json(200, { items: [published, draft, retired] }),
  [`GET /api/policies/${DRAFT_ID}`]: () => json(200, draft),
  [`GET /api/policies/${PUBLISHED_ID}`]: () => json(200, published),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('policy pages', () => {
  it('lists the policy in use, drafts and retired versions', async () => {
    mockFetch(baseRoutes());
    renderApp('/policies');

    const card = await screen.findByRole('region', { name: published.name });
    expect(within(card).getByText(/Version 2/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Make a draft copy' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '2026 policy' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Version 1' })).toBeTruthy();
  });

  it('makes a draft copy under the name given and opens its editor', async () => {
    const created = makeDraft({ id: '77777777-7777-4777-8777-000000000009', name: 'Agency focus' });
    const { find } = mockFetch({
      ...baseRoutes(),
      'POST /api/policies': () => json(201, created),
      [`GET /api/policies/${created.id}`]: () => json(200, created),
    });
    const { user, router } = renderApp('/policies');

    await user.click(await screen.findByRole('button', { name: 'Make a draft copy' }));
    await user.type(screen.getByLabelText('Name of the draft'), 'Agency focus');
    await user.click(screen.getByRole('button', { name: 'Make the draft' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/policies/${created.id}/edit`));
    expect(find('POST', '/api/policies')[0]?.body).toEqual({ basedOn: PUBLISHED_ID, name: 'Agency focus' });
  });

  it('lists what a draft changes against the policy in use', async () => {
    mockFetch(baseRoutes());
    renderApp(`/policies/${DRAFT_ID}/changes`);

    const row = (await screen.findByText("Criterion 'No recruitment fees (employer pays)' weight")).closest(
      'tr',
    );
    expect(row?.textContent).toContain('8');
    expect(row?.textContent).toContain('15');
    expect(screen.getAllByRole('columnheader', { name: 'Version 2 (in use)' }).length).toBeGreaterThan(0);
    expect(screen.getByText(/settings differ from Version 2/)).toBeTruthy();
  });

  it('runs a what-if and shows counts per rating and the biggest movers', async () => {
    const { find } = mockFetch({
      ...baseRoutes('executive'),
      [`POST /api/policies/${DRAFT_ID}/what-if`]: () => json(200, makeWhatIf()),
    });
    const { user } = renderApp(`/policies/${DRAFT_ID}/what-if`);

    expect(await screen.findByText(/Nothing is saved/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Run what-if' }));

    const counts = await screen.findByRole('table', {
      name: 'Suppliers per rating, now and under this policy',
    });
    const high = within(counts).getByRole('row', { name: /High/ });
    expect(high.textContent).toContain('12');
    expect(high.textContent).toContain('15');
    expect(high.textContent).toContain('+3');
    expect(screen.getByText(/9 move up/)).toBeTruthy();
    expect(screen.getByText(/1 down/)).toBeTruthy();

    const movers = screen.getByRole('table', { name: 'Suppliers whose residual risk moves most' });
    const link = within(movers).getByRole('link', { name: 'Dhaka Knitwear Ltd' });
    expect(link.getAttribute('href')).toBe('/suppliers/55555555-5555-4555-8555-000000000101');
    const row = link.closest('tr');
    expect(row?.textContent).toContain('Bangladesh (BD)');
    expect(row?.textContent).toContain('48.5');
    expect(row?.textContent).toContain('55.25');
    expect(row?.textContent).toContain('+6.75');
    expect(find('POST', `/api/policies/${DRAFT_ID}/what-if`)).toHaveLength(1);
  });

  it('publishes after confirmation and follows the rescore until it is done', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const progress: Job[] = [
      makeJob({ status: 'running', progress: { done: 20, total: 60, percent: 33.3 } }),
      makeJob({ status: 'succeeded', progress: { done: 60, total: 60, percent: 100 } }),
    ];
    const jobReads: Job[] = [];
    const { find } = mockFetch({
      ...baseRoutes(),
      [`POST /api/policies/${DRAFT_ID}/publish`]: () =>
        json(200, {
          policy: { ...draft, status: 'published', version: 3, publishedAt: '2025-06-02T09:00:00.000Z' },
          job: makeJob(),
        }),
      [`GET /api/jobs/${JOB_ID}`]: () => {
        const job = progress[Math.min(jobReads.length, progress.length - 1)]!;
        jobReads.push(job);
        return json(200, job);
      },
    });
    const { user, router } = renderApp(`/policies/${DRAFT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Publish…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Publish “2026 policy” as version 3?' });
    expect(dialog.textContent).toContain('Version 2');
    expect(dialog.textContent).toContain('Every supplier is rescored');
    expect(find('POST', `/api/policies/${DRAFT_ID}/publish`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Publish version 3' }));

    expect(await screen.findByText('20 of 60 suppliers (33.3%)')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Rescoring suppliers' }).getAttribute('value')).toBe(
      '33.3',
    );
    expect(router.state.location.search).toBe(`?job=${JOB_ID}`);

    await act(() => vi.advanceTimersByTimeAsync(600));

    expect(await screen.findByText('Done: 60 of 60 suppliers (100%)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See the supplier list' }).getAttribute('href')).toBe(
      '/suppliers',
    );
    const reads = jobReads.length;
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(jobReads.length).toBe(reads);
  });

  it('shows a rescore in progress on the policies page from the job in the URL', async () => {
    mockFetch({
      ...baseRoutes(),
      [`GET /api/jobs/${JOB_ID}`]: () =>
        json(200, makeJob({ status: 'running', progress: { done: 6, total: 60, percent: 10 } })),
    });
    renderApp(`/policies?job=${JOB_ID}`);

    expect(await screen.findByText('6 of 60 suppliers (10%)')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Rescoring every supplier under version 3' })).toBeTruthy();
  });

  it('shows a rescore still going on when the page is opened without the job in the URL', async () => {
    const running = makeJob({ status: 'running', progress: { done: 30, total: 60, percent: 50 } });
    const { find } = mockFetch({
      ...baseRoutes(),
      'GET /api/jobs': () => json(200, { items: [running], total: 1, limit: 1, offset: 0 }),
      [`GET /api/jobs/${JOB_ID}`]: () => json(200, running),
    });
    renderApp('/policies');

    expect(await screen.findByText('30 of 60 suppliers (50%)')).toBeTruthy();
    const [list] = find('GET', '/api/jobs');
    expect(list?.query.get('active')).toBe('true');
    expect(list?.query.get('kind')).toBe('rescore');
  });

  it('offers an executive no way to edit, copy, publish or run a what-if', async () => {
    mockFetch(baseRoutes('executive'));
    renderApp(`/policies/${DRAFT_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: '2026 policy' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Document' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'What-if' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Publish/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Make a draft copy' })).toBeNull();
  });

  it('offers an executive no draft copy or edit on the policies page', async () => {
    mockFetch(baseRoutes('executive'));
    renderApp('/policies');

    expect(await screen.findByRole('link', { name: '2026 policy' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Make a draft copy' })).toBeNull();
    expect(screen.queryByRole('link', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy into a draft' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'What-if' })).toBeNull();
  });
});
