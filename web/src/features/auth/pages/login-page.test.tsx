import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const signedOut = { 'GET /api/me': () => apiError(401, 'unauthenticated', 'Sign in to continue') };

describe('LoginPage', () => {
  it('shows the schema message for an invalid email and does not call the server', async () => {
    const { find } = mockFetch(signedOut);
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter a valid email address')).toBeTruthy();
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain('error');
    expect(find('POST', '/api/auth/login')).toHaveLength(0);
  });

  it('shows the server message when the credentials are wrong', async () => {
    const { find } = mockFetch({
      ...signedOut,
      'POST /api/auth/login': () => apiError(401, 'invalid_credentials', 'Email or password is incorrect'),
    });
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText('Email'), 'ada@demo.test');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Email or password is incorrect'));
    expect(find('POST', '/api/auth/login')[0]?.body).toEqual({
      email: 'ada@demo.test',
      password: 'wrong password',
    });
    // Still on the login page, and the form can be submitted again.
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('sends a signed-out visitor to login and back to the page they asked for', async () => {
    mockFetch({
      ...signedOut,
      'POST /api/auth/login': () => json(200, makeSession('admin')),
      'GET /api/users': () => json(200, pageOf([])),
    });
    const { user, router } = renderApp('/settings/users');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');

    await user.type(screen.getByLabelText('Email'), 'ADA@demo.test ');
    await user.type(screen.getByLabelText('Password'), 'Demo-Password-123');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Users', level: 1 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/settings/users');
  });
});

describe('session expiry', () => {
  it('returns to the login page when any query answers 401', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/users': () => apiError(401, 'unauthenticated', 'Your session has expired'),
    });
    const { router } = renderApp('/settings/users');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });
});
