import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeReport } from '../../../../test/report-fixtures.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';

const supplier = makeSupplier({ name: 'Ashgabat Cotton Gin' });
const queued = makeReport({
  status: 'queued',
  parameters: { kind: 'supplier', supplierId: supplier.id },
  sha256: null,
  byteSize: null,
  pageCount: null,
});
const ready = { ...queued, status: 'ready' as const, sha256: 'd'.repeat(64), byteSize: 90_000, pageCount: 7 };

describe('report entry points', () => {
  it('issues a supplier’s assessment report from its page (an executive may) and follows it to the PDF', async () => {
    let polls = 0;
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      [`GET /api/suppliers/${supplier.id}`]: () => json(200, supplier),
      [`GET /api/suppliers/${supplier.id}/assessments`]: () => json(200, pageOf([])),
      'POST /api/reports': () => json(201, queued),
      [`GET /api/reports/${queued.id}`]: () => {
        polls += 1;
        return json(200, polls > 1 ? ready : queued);
      },
    });
    const { user, router } = renderApp(`/suppliers/${supplier.id}`);

    await user.click(
      await screen.findByRole('button', { name: 'Download assessment report' }, { timeout: 15_000 }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe(`/reports/${queued.id}`), {
      timeout: 15_000,
    });
    expect(find('POST', '/api/reports')[0]?.body).toEqual({ kind: 'supplier', supplierId: supplier.id });
    const pdf = await screen.findByRole('link', { name: 'Download PDF' }, { timeout: 15_000 });
    expect(pdf.getAttribute('href')).toBe(`/api/reports/${queued.id}/pdf`);
    expect(screen.getByText(`${queued.registerNumber} is ready: 7 pages, 87.9 KB.`)).toBeTruthy();
  }, 30_000);

  it('says next to the button when the report was not issued', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      [`GET /api/suppliers/${supplier.id}`]: () => json(200, supplier),
      [`GET /api/suppliers/${supplier.id}/assessments`]: () => json(200, pageOf([])),
      'POST /api/reports': () => apiError(409, 'conflict', 'This supplier has not been assessed yet'),
    });
    const { user } = renderApp(`/suppliers/${supplier.id}`);
    await user.click(
      await screen.findByRole('button', { name: 'Download assessment report' }, { timeout: 15_000 }),
    );
    expect(
      await screen.findByText('The report was not issued. This supplier has not been assessed yet'),
    ).toBeTruthy();
  }, 30_000);
});
