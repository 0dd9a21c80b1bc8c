import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';

const risky = makeSupplier({
  name: 'Ashgabat Cotton Gin',
  country: 'TM',
  goods: ['cotton'],
  externalRef: 'V-2',
  risk: {
    assessmentId: '88888888-8888-4888-8888-888888888888',
    rating: 'critical',
    inherentScore: 79,
    residualScore: 75.13,
    assessedAt: '2025-06-01T10:00:00.000Z',
    policyVersion: 1,
  },
});
const fresh = makeSupplier({
  name: 'Porto Shoes Lda',
  country: 'PT',
  goods: ['footwear'],
  externalRef: 'V-3',
});

describe('SuppliersPage', () => {
  it('shows rating badges, residual scores and country names', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      'GET /api/suppliers': () => json(200, pageOf([risky, fresh])),
    });
    renderApp('/suppliers');

    const row = (await screen.findByRole('link', { name: 'Ashgabat Cotton Gin' })).closest('tr')!;
    expect(within(row).getByText('Critical')).toBeTruthy();
    expect(within(row).getByText('75.13')).toBeTruthy();
    expect(within(row).getByText('Turkmenistan')).toBeTruthy();
    const other = screen.getByRole('link', { name: 'Porto Shoes Lda' }).closest('tr')!;
    expect(within(other).getByText('Not assessed')).toBeTruthy();
    // Executives read; they are not offered changes.
    expect(screen.queryByRole('link', { name: 'Add supplier' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Import CSV' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Export CSV (filtered)' })).toBeTruthy();
  });

  it('puts filters, sort and paging into the URL and the request', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/suppliers': () => json(200, { ...pageOf([risky, fresh]), total: 60 }),
    });
    const { user, router } = renderApp('/suppliers');

    await screen.findByText('Ashgabat Cotton Gin');
    await user.selectOptions(screen.getByLabelText('Rating'), 'high');
    await user.type(screen.getByLabelText('Search'), 'gin');
    await user.click(screen.getByLabelText('Never assessed only'));
    await user.click(screen.getByLabelText('With an open red flag'));
    await user.click(screen.getByRole('button', { name: /^Residual/ }));
    await waitFor(() => expect(find('GET', '/api/suppliers').at(-1)?.query.get('q')).toBe('gin'));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await waitFor(() => {
      const last = find('GET', '/api/suppliers').at(-1);
      expect(last?.query.get('rating')).toBe('high');
      expect(last?.query.get('q')).toBe('gin');
      expect(last?.query.get('unassessed')).toBe('true');
      expect(last?.query.get('redFlags')).toBe('open');
      expect(last?.query.get('sort')).toBe('residualScore');
      expect(last?.query.get('order')).toBe('desc');
      expect(last?.query.get('offset')).toBe('25');
    });
    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('rating')).toBe('high');
    expect(search.get('q')).toBe('gin');
    expect(search.get('offset')).toBe('25');

    const exportLink = screen.getByRole('link', { name: 'Export CSV (filtered)' });
    const exportQuery = new URL(exportLink.getAttribute('href') ?? '', 'http://x').searchParams;
    expect(exportQuery.get('rating')).toBe('high');
    expect(exportQuery.get('q')).toBe('gin');
    expect(exportQuery.has('offset')).toBe(false);
  });

  it('filters by good, saying it finds the text or the same ILAB good', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      'GET /api/suppliers': () => json(200, pageOf([risky])),
    });
    const { user } = renderApp('/suppliers');

    await screen.findByText('Ashgabat Cotton Gin');
    const good = screen.getByRole('searchbox', { name: 'Good' });
    const hint = document.getElementById(good.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe(
      'Text in the goods, or the same ILAB good: “palm” finds “crude palm oil”.',
    );
    await user.type(good, '  palm ');
    await waitFor(() => expect(find('GET', '/api/suppliers').at(-1)?.query.get('good')).toBe('palm'));
  });

  it('explains an empty register and offers the import and its template', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/suppliers': () => json(200, pageOf([])),
    });
    renderApp('/suppliers');

    expect(await screen.findByText('No suppliers in the register yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import from CSV' }).getAttribute('href')).toBe(
      '/suppliers/import',
    );
    expect(screen.getByRole('link', { name: 'Download the CSV template' }).getAttribute('href')).toBe(
      '/api/suppliers/import/template.csv',
    );
  });
});
