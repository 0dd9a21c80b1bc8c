import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeReport } from '../../../../test/report-fixtures.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';

const supplier = makeSupplier({ name: 'Dhaka Knitwear Ltd' });
const issued = makeReport({ status: 'queued', sha256: null, byteSize: null, pageCount: null });

const routes = {
  'GET /api/me': () => json(200, makeSession('executive')),
  'GET /api/suppliers': () => json(200, pageOf([supplier])),
  [`GET /api/suppliers/${supplier.id}`]: () => json(200, supplier),
  'POST /api/reports': () => json(201, issued),
  [`GET /api/reports/${issued.id}`]: () => json(200, issued),
};

const issue = () => screen.getByRole('button', { name: 'Issue report' });

describe('ReportNewPage', () => {
  it('asks for a kind, then a supplier, before issuing a supplier report; then opens it with focus on its status', async () => {
    const { find } = mockFetch(routes);
    const { user, router } = renderApp('/reports/new');

    await user.click(await screen.findByRole('button', { name: 'Issue report' }, { timeout: 15_000 }));
    expect(await screen.findByText(/Choose a report kind/)).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: /Supplier assessment report/ }));
    await user.click(issue());
    expect(await screen.findByText('Choose a supplier')).toBeTruthy();
    expect(find('POST', '/api/reports')).toHaveLength(0);

    await user.type(screen.getByRole('combobox', { name: 'Supplier' }), 'Dhaka');
    await user.click(await screen.findByRole('option', { name: /Dhaka Knitwear Ltd/ }));
    await user.click(issue());

    await waitFor(() => expect(router.state.location.pathname).toBe(`/reports/${issued.id}`));
    expect(find('POST', '/api/reports')[0]?.body).toEqual({ kind: 'supplier', supplierId: supplier.id });
    const status = await screen.findByRole('region', { name: 'Waiting to start' });
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(screen.getByText(/Writing CS-2026-/)).toBeTruthy();
  }, 30_000);

  it('checks a statement’s period, starts it on the last complete calendar year, and sends the framework', async () => {
    const { find } = mockFetch(routes);
    const { user, router } = renderApp('/reports/new?kind=statement');

    const from = (await screen.findByLabelText('Period from')) as HTMLInputElement;
    const to = screen.getByLabelText('Period to') as HTMLInputElement;
    const lastYear = new Date().getFullYear() - 1;
    expect([from.value, to.value]).toEqual([`${lastYear}-01-01`, `${lastYear}-12-31`]);
    expect((screen.getByLabelText('Framework') as HTMLSelectElement).value).toBe('uk');

    await user.clear(to);
    await user.type(to, `${lastYear - 1}-06-30`);
    await user.click(issue());
    expect(await screen.findByText('The period must end after it starts')).toBeTruthy();

    await user.clear(to);
    await user.type(to, `${lastYear}-06-30`);
    await user.selectOptions(
      screen.getByLabelText('Framework'),
      'Australia Modern Slavery Act 2018, s.16(1)',
    );
    await user.click(issue());
    await waitFor(() => expect(router.state.location.pathname).toBe(`/reports/${issued.id}`));
    expect(find('POST', '/api/reports')[0]?.body).toEqual({
      kind: 'statement',
      framework: 'au',
      periodStart: `${lastYear}-01-01`,
      periodEnd: `${lastYear}-06-30`,
    });
  }, 30_000);

  it('carries the dashboard’s filters into a portfolio report, leaving out a tier the list does not offer, and asks for changes over the last quarter', async () => {
    const { find } = mockFetch(routes);
    const { user, router } = renderApp('/reports/new?kind=portfolio&country=BD&tier=0&good=cotton');

    expect(await screen.findByRole('radio', { name: /Portfolio risk report/ })).toHaveProperty(
      'checked',
      true,
    );
    expect((screen.getByLabelText('Good') as HTMLInputElement).value).toBe('cotton');
    await user.click(issue());
    // tier=0 from a hand-edited link is not in the list: the select shows "Any tier" and nothing is sent.
    await waitFor(() => expect(router.state.location.pathname).toBe(`/reports/${issued.id}`));
    const body = find('POST', '/api/reports')[0]?.body as { kind: string; filters: object; since?: string };
    expect(body.kind).toBe('portfolio');
    expect(body.filters).toEqual({ country: 'BD', good: 'cotton' });
    expect(body.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, 30_000);

  it('shows the API’s field errors next to the field they name, the rest above the form', async () => {
    mockFetch({
      ...routes,
      'POST /api/reports': () =>
        apiError(400, 'bad_request', 'Check the highlighted fields', [
          { path: '/filters/country', message: 'No supplier of the register is in this country' },
          { path: 'body.since', message: 'Changes since must be in the past' },
        ]),
    });
    const { user } = renderApp('/reports/new?kind=portfolio&country=BD');

    await screen.findByRole('radio', { name: /Portfolio risk report/ });
    await user.clear(screen.getByLabelText('Changes since'));
    await user.type(screen.getByLabelText('Changes since'), '2099-01-01');
    await user.click(issue());
    expect(await screen.findByText('Changes since must be in the past')).toBeTruthy();
    expect(screen.getByText('No supplier of the register is in this country')).toBeTruthy();
    expect(screen.getByLabelText('Changes since').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Country' }).getAttribute('aria-invalid')).toBe('true');
  }, 30_000);

  it('reports a refusal without a field (the supplier is gone) above the form', async () => {
    mockFetch({
      ...routes,
      'POST /api/reports': () => apiError(404, 'not_found', 'Supplier not found'),
    });
    const { user } = renderApp(`/reports/new?kind=supplier&supplierId=${supplier.id}`);
    await screen.findByDisplayValue('Dhaka Knitwear Ltd');
    await user.click(issue());
    expect((await screen.findByRole('alert')).textContent).toBe('Supplier not found');
  }, 30_000);
});
