import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeReport } from '../../../../test/report-fixtures.js';

const statement = makeReport({
  kind: 'statement',
  title: 'Modern-slavery statement draft (UK) 2025',
  parameters: { kind: 'statement', framework: 'uk', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
  formats: ['pdf', 'docx', 'markdown'],
  issuedBy: { id: null, name: 'Eve Executive' },
});
const running = makeReport({
  kind: 'portfolio',
  title: 'Portfolio risk report',
  parameters: { kind: 'portfolio' },
  status: 'running',
  progress: { done: 2, total: 8 },
  sha256: null,
  byteSize: null,
  pageCount: null,
});
const runningDone = {
  ...running,
  status: 'ready' as const,
  progress: null,
  sha256: 'b'.repeat(64),
  byteSize: 2048,
  pageCount: 9,
};

const rowOf = (registerNumber: string) =>
  screen.getByRole('link', { name: registerNumber }).closest('tr') as HTMLElement;

describe('ReportsPage', () => {
  it('lists the register with status, size, pages, shortened SHA-256 and the downloads each report has', async () => {
    let polls = 0;
    mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      'GET /api/reports': () => json(200, pageOf([running, statement])),
      [`GET /api/reports/${running.id}`]: () => {
        polls += 1;
        return json(200, polls > 1 ? runningDone : running);
      },
    });
    renderApp('/reports');

    expect(
      await screen.findByRole('link', { name: statement.registerNumber }, { timeout: 15_000 }),
    ).toBeTruthy();
    const row = within(rowOf(statement.registerNumber));
    expect(row.getByText('Modern-slavery statement draft')).toBeTruthy();
    expect(row.getByText('by Eve Executive')).toBeTruthy();
    expect(row.getByText('Issued')).toBeTruthy();
    expect(row.getByText('180.0 KB')).toBeTruthy();
    expect(row.getByText('12 pages')).toBeTruthy();
    expect(row.getByText('a3f1c2d4e5…')).toBeTruthy();
    expect(row.getByRole('button', { name: `Copy the SHA-256 of ${statement.registerNumber}` })).toBeTruthy();
    const downloads = row.getAllByRole('link').filter((a) => a.hasAttribute('download'));
    expect(downloads.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['PDF', `/api/reports/${statement.id}/pdf`],
      ['DOCX', `/api/reports/${statement.id}/docx`],
      ['Markdown', `/api/reports/${statement.id}/markdown`],
    ]);

    // The running report shows its progress, then (its own entry polled) its result without a reload.
    const live = within(rowOf(running.registerNumber));
    expect(live.getByText('Being written')).toBeTruthy();
    expect(live.getByRole('progressbar', { name: `Progress of ${running.registerNumber}` })).toBeTruthy();
    expect(live.getByText('2 of 8 steps')).toBeTruthy();
    expect(live.queryByRole('link', { name: /Download/ })).toBeNull();
    await waitFor(() => expect(live.getByText('Issued')).toBeTruthy());
    expect(live.getByRole('link', { name: `Download ${running.registerNumber} as PDF` })).toBeTruthy();
    expect(live.getByText('9 pages')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New report' }).getAttribute('href')).toBe('/reports/new');
    expect(screen.getByRole('link', { name: 'Verify a report' }).getAttribute('href')).toBe('/verify');
  }, 20_000);

  it('filters by kind and pages through the register', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/reports': (request) =>
        json(200, { ...pageOf([statement], 60), offset: Number(request.query.get('offset') ?? 0) }),
    });
    const { user, router } = renderApp('/reports');

    await screen.findByRole('link', { name: statement.registerNumber });
    expect(screen.getByText('1–25 of 60 reports')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Kind'), 'Modern-slavery statement draft');
    await waitFor(() => expect(router.state.location.search).toContain('kind=statement'));
    await waitFor(() => expect(find('GET', '/api/reports').at(-1)?.query.get('kind')).toBe('statement'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(find('GET', '/api/reports').at(-1)?.query.get('offset')).toBe('25'));
    expect(find('GET', '/api/reports').at(-1)?.query.get('kind')).toBe('statement');
  }, 20_000);

  it('says so when nothing has been issued', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      'GET /api/reports': () => json(200, pageOf([])),
    });
    renderApp('/reports');
    expect(await screen.findByText(/No report has been issued yet/)).toBeTruthy();
  });
});
