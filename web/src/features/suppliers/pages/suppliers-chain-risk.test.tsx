import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';

const risk = (rating: 'low' | 'medium' | 'high' | 'critical', residualScore: number) => ({
  assessmentId: '88888888-8888-4888-8888-888888888888',
  rating,
  inherentScore: residualScore,
  residualScore,
  assessedAt: '2025-06-01T10:00:00.000Z',
  policyVersion: 1,
});

// A tier-1 buyer-facing supplier rated low, with a high-risk spinner two tiers below it.
const spinner = makeSupplier({ name: 'Ahal Spinning', country: 'TM', goods: ['cotton'], tier: 3 });
const trader = makeSupplier({
  name: 'Leeds Textile Trading',
  country: 'GB',
  goods: ['garments'],
  risk: risk('low', 18.5),
  chainRisk: { rating: 'high', residualScore: 64.2, supplierId: spinner.id },
});
const GIN_ID = '55555555-aaaa-4555-8555-000000000001';
const gin = makeSupplier({
  id: GIN_ID,
  name: 'Ashgabat Cotton Gin',
  country: 'TM',
  goods: ['cotton'],
  risk: risk('critical', 75.13),
  chainRisk: { rating: 'critical', residualScore: 75.13, supplierId: GIN_ID },
});
const fresh = makeSupplier({ name: 'Porto Shoes Lda', country: 'PT', goods: ['footwear'] });

const rowOf = async (name: string) => (await screen.findByRole('link', { name })).closest('tr')!;
const chainCell = (row: HTMLElement) => {
  const headers = within(screen.getByRole('table')).getAllByRole('columnheader');
  const column = headers.findIndex((h) => h.textContent?.startsWith('Chain risk'));
  return within(row).getAllByRole('cell')[column]!;
};

describe('SuppliersPage: chain risk', () => {
  it('shows the riskiest rating of each sub-tree, saying when it sits below the supplier', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      'GET /api/suppliers': () => json(200, pageOf([trader, gin, fresh])),
    });
    renderApp('/suppliers');

    // Its own rating is low, but a supplier below it is high: the chain column says so.
    const tradeRow = await rowOf('Leeds Textile Trading');
    expect(within(tradeRow).getAllByText('Low')).toHaveLength(1);
    expect(chainCell(tradeRow).textContent).toBe('High 64.2below');
    // The riskiest in its own chain: no "below".
    expect(chainCell(await rowOf('Ashgabat Cotton Gin')).textContent).toBe('Critical 75.13');
    // Nothing assessed in the chain: a dash, not "low".
    expect(chainCell(await rowOf('Porto Shoes Lda')).textContent).toBe('–');
  });

  it('sorts by chain risk, riskiest first, then the other way', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      'GET /api/suppliers': () => json(200, pageOf([gin, trader, fresh])),
    });
    const { user, router } = renderApp('/suppliers');

    await rowOf('Ashgabat Cotton Gin');
    await user.click(screen.getByRole('button', { name: /^Chain risk/ }));
    await waitFor(() => {
      const last = find('GET', '/api/suppliers').at(-1);
      expect(last?.query.get('sort')).toBe('chain_risk');
      expect(last?.query.get('order')).toBe('desc');
    });
    const header = screen.getByRole('columnheader', { name: /^Chain risk/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('chain_risk');

    await user.click(screen.getByRole('button', { name: /^Chain risk/ }));
    await waitFor(() => expect(find('GET', '/api/suppliers').at(-1)?.query.get('order')).toBe('asc'));
    expect(screen.getByRole('columnheader', { name: /^Chain risk/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });

  it('filters by chain rating and by the lowest chain risk score, in the request, the URL and the export', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/suppliers': (request) =>
        json(200, pageOf(request.query.has('chainRating') ? [trader, gin] : [trader, gin, fresh])),
    });
    const { user, router } = renderApp('/suppliers');

    await rowOf('Porto Shoes Lda');
    await user.selectOptions(screen.getByLabelText('Chain risk'), 'High or critical');
    await user.type(screen.getByLabelText('Chain risk score at least'), '60');
    await waitFor(() => {
      const last = find('GET', '/api/suppliers').at(-1);
      expect(last?.query.get('chainRating')).toBe('high,critical');
      expect(last?.query.get('minChainRisk')).toBe('60');
    });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Porto Shoes Lda' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Leeds Textile Trading' })).toBeTruthy();
    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('chainRating')).toBe('high,critical');
    expect(search.get('minChainRisk')).toBe('60');
    const exportHref = screen.getByRole('link', { name: 'Export CSV (filtered)' }).getAttribute('href');
    const exportQuery = new URL(exportHref ?? '', 'http://x').searchParams;
    expect(exportQuery.get('chainRating')).toBe('high,critical');
    expect(exportQuery.get('minChainRisk')).toBe('60');

    // A score outside 0–100 is not sent; clearing the filters drops both.
    await user.clear(screen.getByLabelText('Chain risk score at least'));
    await user.type(screen.getByLabelText('Chain risk score at least'), '250');
    // (The list for the rating filter alone is already cached: the URL shows the change.)
    const params = () => new URLSearchParams(router.state.location.search);
    await waitFor(() => expect(params().has('minChainRisk')).toBe(false));
    expect(params().get('chainRating')).toBe('high,critical');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(params().has('chainRating')).toBe(false));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Porto Shoes Lda' })).toBeTruthy());
    expect((screen.getByLabelText('Chain risk') as HTMLSelectElement).value).toBe('');
    expect((screen.getByLabelText('Chain risk score at least') as HTMLInputElement).value).toBe('');
  });

  it('opens with the chain filters of a shared link', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      'GET /api/suppliers': () => json(200, pageOf([gin])),
    });
    renderApp('/suppliers?chainRating=critical&minChainRisk=70.5&sort=chain_risk&order=desc');

    await rowOf('Ashgabat Cotton Gin');
    const [request] = find('GET', '/api/suppliers');
    expect(request?.query.get('chainRating')).toBe('critical');
    expect(request?.query.get('minChainRisk')).toBe('70.5');
    expect(request?.query.get('sort')).toBe('chain_risk');
    expect((screen.getByLabelText('Chain risk') as HTMLSelectElement).value).toBe('critical');
    expect((screen.getByLabelText('Chain risk score at least') as HTMLInputElement).value).toBe('70.5');
  });
});
