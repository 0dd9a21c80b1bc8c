import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';

const fieldError = (input: HTMLElement) => {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent).join(' ');
};

describe('SupplierForm', () => {
  it('sends the form as the create schema shapes it and puts a 409 on the external reference', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/suppliers': () => json(200, pageOf([])),
      'POST /api/suppliers': () =>
        apiError(409, 'conflict', 'Another supplier already has the external reference "V-1"', [
          { path: 'externalRef', message: 'Another supplier already has the external reference "V-1"' },
        ]),
    });
    const { user } = renderApp('/suppliers/new');

    await user.type(await screen.findByLabelText('Name'), 'Dhaka Knitwear');
    await user.type(screen.getByLabelText('External reference'), 'V-1');
    await user.type(screen.getByRole('combobox', { name: 'Country' }), 'Bangla');
    await user.keyboard('{Enter}');
    await user.type(screen.getByLabelText('Goods'), 'cotton, garments{Enter}');
    await user.type(screen.getByLabelText('Headcount (optional)'), '300');
    await user.type(screen.getByLabelText('Migrant workers, % (optional)'), '12.5');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await user.type(screen.getByLabelText('Contact 1 name'), 'Rahim Uddin');
    await user.click(screen.getByRole('button', { name: 'Add supplier' }));

    const externalRef = screen.getByLabelText('External reference');
    await waitFor(() => expect(externalRef.getAttribute('aria-invalid')).toBe('true'));
    expect(fieldError(externalRef)).toContain('Another supplier already has the external reference "V-1"');
    // Placed on its field, so the form-level alert stays empty.
    expect(screen.getByRole('alert').textContent).toBe('');

    const [request] = find('POST', '/api/suppliers');
    expect(request?.headers.get('x-csrf-token')).toBe('csrf-token-123');
    expect(request?.body).toMatchObject({
      name: 'Dhaka Knitwear',
      country: 'BD',
      goods: ['cotton', 'garments'],
      tier: 1,
      externalRef: 'V-1',
      headcount: 300,
      migrantWorkerShare: 12.5,
      agencyWorkerShare: null,
      currency: 'USD',
      status: 'onboarding',
      contacts: [{ name: 'Rahim Uddin', email: '', phone: '' }],
    });
  }, 20_000);

  it('shows the schema error on the country picker and sends nothing', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/suppliers': () => json(200, pageOf([])),
    });
    const { user } = renderApp('/suppliers/new');

    await user.type(await screen.findByLabelText('Name'), 'Nowhere Mills');
    await user.click(screen.getByRole('button', { name: 'Add supplier' }));

    const country = screen.getByRole('combobox', { name: 'Country' });
    await waitFor(() => expect(country.getAttribute('aria-invalid')).toBe('true'));
    expect(fieldError(country)).toContain('Use the two-letter ISO 3166-1 code');
    expect(document.activeElement).toBe(country);
    expect(find('POST', '/api/suppliers')).toHaveLength(0);
  });

  it('refuses a worker share without a headcount above zero on the share field, and sends nothing', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/suppliers': () => json(200, pageOf([])),
    });
    const { user } = renderApp('/suppliers/new');

    await user.type(await screen.findByLabelText('Name'), 'Empty Mills');
    await user.type(screen.getByRole('combobox', { name: 'Country' }), 'Bangla');
    await user.keyboard('{Enter}');
    await user.type(screen.getByLabelText('Headcount (optional)'), '0');
    await user.type(screen.getByLabelText('Agency workers, % (optional)'), '100');
    await user.click(screen.getByRole('button', { name: 'Add supplier' }));

    const agency = screen.getByLabelText('Agency workers, % (optional)');
    await waitFor(() => expect(agency.getAttribute('aria-invalid')).toBe('true'));
    expect(fieldError(agency)).toContain('A worker share needs a headcount above zero');
    expect(find('POST', '/api/suppliers')).toHaveLength(0);
  }, 20_000);

  it('sends only the changed fields when editing', async () => {
    const supplier = makeSupplier({ tags: ['strategic'] });
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/suppliers': () => json(200, pageOf([])),
      [`GET /api/suppliers/${supplier.id}`]: () => json(200, supplier),
      [`PATCH /api/suppliers/${supplier.id}`]: () => json(200, { ...supplier, headcount: 2000 }),
      [`GET /api/suppliers/${supplier.id}/assessments`]: () => json(200, { ...pageOf([]), limit: 20 }),
      [`GET /api/suppliers/${supplier.id}/tree`]: () =>
        json(200, {
          id: supplier.id,
          name: supplier.name,
          country: 'BD',
          tier: 1,
          rating: null,
          moreBelow: false,
          children: [],
        }),
    });
    const { user } = renderApp(`/suppliers/${supplier.id}/edit`);

    const headcount = await screen.findByLabelText('Headcount (optional)');
    await user.clear(headcount);
    await user.type(headcount, '2000');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(find('PATCH', `/api/suppliers/${supplier.id}`)).toHaveLength(1));
    expect(find('PATCH', `/api/suppliers/${supplier.id}`)[0]?.body).toEqual({ headcount: 2000 });
    expect(await screen.findByText('Changes saved.')).toBeTruthy();
  });
});
