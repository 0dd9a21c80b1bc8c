import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { issuedOf, makeAssignment } from '../../../../../test/assignment-fixtures.js';
import { json, mockFetch } from '../../../../../test/fetch-mock.js';
import { makeSession } from '../../../../../test/fixtures.js';
import { renderApp } from '../../../../../test/render.js';
import { makeSupplier } from '../../../../../test/supplier-fixtures.js';
import { makeTemplate, summaryOf, TEMPLATE_ID } from '../../../../../test/template-fixtures.js';

const supplier = makeSupplier({ name: 'Porto Shoes Lda', country: 'PT' });
const submitted = makeAssignment({
  supplierId: supplier.id,
  supplierName: supplier.name,
  status: 'submitted',
  submittedAt: '2026-11-20T10:00:00.000Z',
});

const routes = (role: 'officer' | 'executive', archivedAt: string | null = null) => ({
  'GET /api/me': () => json(200, makeSession(role)),
  [`GET /api/suppliers/${supplier.id}`]: () => json(200, { ...supplier, archivedAt }),
  [`GET /api/suppliers/${supplier.id}/assessments`]: () =>
    json(200, { items: [], total: 0, limit: 20, offset: 0 }),
  'GET /api/assignments': () => json(200, { items: [submitted], total: 1, limit: 5, offset: 0 }),
  'GET /api/templates': () =>
    json(200, { items: [summaryOf(makeTemplate())], total: 1, limit: 200, offset: 0 }),
});

describe('a supplier’s questionnaires on its page', { timeout: 20_000 }, () => {
  it('lists them with status and a link to each, and sends a new one to this supplier', async () => {
    const portalUrl = 'http://localhost/portal/porto-secret';
    const { find } = mockFetch({
      ...routes('officer'),
      'POST /api/assignments': () =>
        json(201, { items: [issuedOf({ ...submitted, status: 'sent' }, portalUrl)] }),
    });
    const { user } = renderApp(`/suppliers/${supplier.id}`);

    const section = await screen.findByRole('region', { name: 'Questionnaires' });
    const link = await within(section).findByRole('link', { name: /Self-assessment/ });
    expect(link.getAttribute('href')).toBe(`/questionnaires/assignments/${submitted.id}`);
    expect(section.textContent).toContain('Submitted');
    expect(find('GET', '/api/assignments')[0]?.query.get('supplierId')).toBe(supplier.id);

    await user.click(within(section).getByRole('button', { name: 'Send questionnaire' }));
    const form = await screen.findByRole('form', { name: 'Send questionnaire' });
    expect(within(form).getByText('Porto Shoes Lda')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Send questionnaire' }));
    await screen.findByRole('region', { name: 'Questionnaire sent' });
    const body = find('POST', '/api/assignments')[0]?.body as { supplierIds: string[]; templateId: string };
    expect(body.supplierIds).toEqual([supplier.id]);
    expect(body.templateId).toBe(TEMPLATE_ID);
    expect((screen.getByLabelText('Questionnaire link for Porto Shoes Lda') as HTMLInputElement).value).toBe(
      portalUrl,
    );
    // The list is asked again, so the new questionnaire shows.
    await waitFor(() => expect(find('GET', '/api/assignments').length).toBeGreaterThan(1));
  });

  it('offers no sending to executives, nor for an archived supplier', async () => {
    mockFetch(routes('executive'));
    const { unmount } = renderApp(`/suppliers/${supplier.id}`);
    const section = await screen.findByRole('region', { name: 'Questionnaires' });
    await within(section).findByRole('link', { name: /Self-assessment/ });
    expect(screen.queryByRole('button', { name: 'Send questionnaire' })).toBeNull();
    unmount();

    mockFetch(routes('officer', '2026-01-01T00:00:00.000Z'));
    renderApp(`/suppliers/${supplier.id}`);
    await screen.findByRole('region', { name: 'Questionnaires' });
    expect(screen.queryByRole('button', { name: 'Send questionnaire' })).toBeNull();
  });
});
