import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { renderApp } from '../../../../test/render.js';

const signedOut = { 'GET /api/me': () => apiError(401, 'unauthenticated', 'Sign in to continue') };
const live = {
  kind: 'invitation',
  state: 'live',
  email: 'nadia@demo.test',
  name: 'Nadia Haddad',
  organisation: 'Demo Retail Group',
  expiresAt: '2026-12-07T10:00:00.000Z',
};

describe('SetPasswordPage', () => {
  it('welcomes an invited person, sends the token from the fragment with the password, and offers sign-in', async () => {
    const { find } = mockFetch({
      ...signedOut,
      'POST /api/account-links/inspect': () => json(200, live),
      'POST /api/account-links/password': () =>
        json(200, { ok: true, kind: 'invitation', email: 'nadia@demo.test', sessionsEnded: 0 }),
    });
    const { user } = renderApp('/set-password#tok-123');
    expect(await screen.findByRole('heading', { name: 'Welcome to Demo Retail Group' })).toBeTruthy();
    expect(screen.getByText('nadia@demo.test')).toBeTruthy();
    expect(find('POST', '/api/account-links/inspect')[0]?.body).toEqual({ token: 'tok-123' });

    await user.type(screen.getByLabelText('New password'), 'Quiet-Lantern-Orchard-47');
    await user.click(screen.getByRole('button', { name: 'Open my account' }));
    expect(await screen.findByRole('heading', { name: 'Your password is set' })).toBeTruthy();
    expect(find('POST', '/api/account-links/password')[0]?.body).toEqual({
      token: 'tok-123',
      password: 'Quiet-Lantern-Orchard-47',
    });
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
  });

  it('shows the server’s verdict on a weak password on the field', async () => {
    mockFetch({
      ...signedOut,
      'POST /api/account-links/inspect': () => json(200, live),
      'POST /api/account-links/password': () =>
        apiError(400, 'validation_failed', 'Choose a stronger password: add another word or two', [
          { path: 'password', message: 'Add another word or two' },
        ]),
    });
    const { user } = renderApp('/set-password#tok-123');
    await user.type(await screen.findByLabelText('New password'), 'nadia-haddad-1');
    await user.click(screen.getByRole('button', { name: 'Open my account' }));
    expect(await screen.findByText('Add another word or two')).toBeTruthy();
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
  });

  it('says plainly when an invitation expired, and whom to ask', async () => {
    mockFetch({
      ...signedOut,
      'POST /api/account-links/inspect': () =>
        json(200, { ...live, state: 'expired', email: null, name: null }),
    });
    renderApp('/set-password#tok-123');
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeTruthy();
    expect(screen.getByText(/Ask an administrator of Demo Retail Group/)).toBeTruthy();
    expect(screen.queryByLabelText('New password')).toBeNull();
  });

  it('says a link is not valid when the server never issued it, and when the fragment is missing', async () => {
    mockFetch({
      ...signedOut,
      'POST /api/account-links/inspect': () => apiError(404, 'not_found', 'Link was not found'),
    });
    const { unmount } = renderApp('/set-password#nope');
    expect(await screen.findByRole('heading', { name: 'This link is not valid' })).toBeTruthy();
    unmount();
    renderApp('/set-password');
    expect(await screen.findByRole('heading', { name: 'This link is incomplete' })).toBeTruthy();
  });
});

describe('ForgotPasswordPage', () => {
  it('asks for a link and shows the same answer whatever the address', async () => {
    const message = 'If an account uses this address, a link to choose a new password is on its way.';
    const { find } = mockFetch({
      ...signedOut,
      'POST /api/auth/password-reset': () => json(202, { ok: true, message }),
    });
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    await screen.findByRole('heading', { name: 'Forgot your password?' });
    await user.type(screen.getByLabelText('Email'), 'Ada@Demo.test');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(find('POST', '/api/auth/password-reset')[0]?.body).toEqual({ email: 'ada@demo.test' });
  });
});
