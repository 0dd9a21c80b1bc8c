import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { renderApp } from '../../../../test/render.js';

const SHA = 'c0ffee'.padEnd(64, '0');
const pdf = (name = 'CS-2026-000042.pdf') =>
  new File(['%PDF-1.7 report bytes'], name, { type: 'application/pdf' });

const routes = {
  // No session: the page is public.
  'GET /api/me': () => apiError(401, 'unauthenticated', 'Sign in'),
};

describe('VerifyPage', () => {
  it('says who issued a genuine PDF, when, what kind and its register number, with the SHA-256 checked', async () => {
    const { find } = mockFetch({
      ...routes,
      'POST /api/reports/verify': () =>
        json(200, {
          issued: true,
          reportId: '88888888-8888-4888-8888-000000000042',
          registerNumber: 'CS-2026-000042',
          kind: 'portfolio',
          issuedAt: '2026-11-30T09:15:00.000Z',
          issuedBy: 'Eve Executive',
          organisation: 'Demo Textiles Ltd',
          sha256: SHA,
        }),
    });
    const { user } = renderApp('/verify');

    await user.upload(
      await screen.findByLabelText('Choose the PDF, or drop it here', {}, { timeout: 15_000 }),
      pdf(),
    );
    const verdict = await screen.findByRole('heading', {
      level: 2,
      name: /^Issued by Demo Textiles Ltd on /,
    });
    expect(verdict.textContent).toMatch(/Portfolio risk report CS-2026-000042$/);
    expect(verdict.textContent).toContain(new Date('2026-11-30T09:15:00.000Z').getFullYear().toString());
    expect(screen.getByText(SHA)).toBeTruthy();
    expect(screen.getByText('CS-2026-000042.pdf')).toBeTruthy();
    const sent = find('POST', '/api/reports/verify')[0]?.body as FormData;
    expect((sent.get('file') as File).name).toBe('CS-2026-000042.pdf');
  }, 20_000);

  it('says a changed copy was not issued, and shows the SHA-256 of the file it checked', async () => {
    mockFetch({ ...routes, 'POST /api/reports/verify': () => json(200, { issued: false, sha256: SHA }) });
    const { user } = renderApp('/verify');

    await user.upload(await screen.findByLabelText('Choose the PDF, or drop it here'), pdf('tampered.pdf'));
    expect(
      await screen.findByRole('heading', {
        name: 'Not issued: this file does not match any report in the register.',
      }),
    ).toBeTruthy();
    expect(screen.getByText('A single changed byte makes a copy not match.')).toBeTruthy();
    expect(screen.getByText(SHA)).toBeTruthy();
    expect(screen.queryByText(/Issued by/)).toBeNull();
  }, 20_000);

  it.each([
    [413, 'payload_too_large', /larger than 25\.0 MB, the most the check accepts/],
    [415, 'unsupported_media_type', /This file is not a PDF/],
    [429, 'rate_limited', /Too many checks from your network/],
  ])(
    'explains a %i refusal in plain words',
    async (status, code, message) => {
      mockFetch({
        ...routes,
        'POST /api/reports/verify': () => apiError(status, code, 'Technical message from the server'),
      });
      const { user } = renderApp('/verify');

      await user.upload(await screen.findByLabelText('Choose the PDF, or drop it here'), pdf('big.pdf'));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toMatch(message);
      expect(alert.textContent).toContain('“big.pdf” could not be checked.');
      expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    },
    20_000,
  );

  it('is linked from the login page', async () => {
    mockFetch(routes);
    const { user, router } = renderApp('/login');
    await user.click(await screen.findByRole('link', { name: 'Check that it is genuine' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Verify a report' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/verify');
  }, 20_000);
});
