import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPasswordChecker } from '#shared/domain/passwords/strength.js';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const STRONG = 'Violet-Oboe-Thunder-8';

// The estimator's dictionary loads lazily; load it once up front so each test sees verdicts at once.
beforeAll(async () => {
  await loadPasswordChecker();
});

const openAccount = (routes: Parameters<typeof mockFetch>[0] = {}) => {
  const network = mockFetch({ 'GET /api/me': () => json(200, makeSession('executive')), ...routes });
  return { ...network, ...renderApp('/settings') };
};

type User = ReturnType<typeof renderApp>['user'];

/** Pasted, as from a password manager (typing 20 characters a key at a time is slow in jsdom). */
const paste = async (user: User, field: HTMLElement, text: string) => {
  await user.click(field);
  await user.paste(text);
};

const fill = async (user: User, current: string, next: string, again = next) => {
  await paste(user, await screen.findByLabelText('Current password'), current);
  await paste(user, screen.getByLabelText('New password'), next);
  await paste(user, screen.getByLabelText('New password again'), again);
};

describe('Account page: change your password', () => {
  it('shows the shared verdict as the new password is entered', async () => {
    const { user } = openAccount();
    const field = await screen.findByLabelText('New password');

    await paste(user, field, 'password1234');
    expect(await screen.findByText(/not accepted\./)).toBeTruthy();
    expect(screen.getByText(/This is similar to a commonly used password\./)).toBeTruthy();
    expect(screen.getByText('Add more words that are less common.')).toBeTruthy();
    // The verdict describes the box, so it is read again whenever the box is focused.
    const description = (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(description).toMatch(/At least 12 characters.*not accepted\. .*commonly used password/);

    await user.clear(field);
    await paste(user, field, STRONG);
    expect(await screen.findByText(/good to use\./)).toBeTruthy();
  });

  it.each([
    ['a repeated character', 'aaaaaaaaaaaa', /Repeated characters/],
    ['the e-mail address', 'ada@demo.test!', /e-mail address or name/],
  ])('refuses %s without sending it, and says why on the field', async (_l, weak, why) => {
    const { user, find } = openAccount();
    await fill(user, 'Correct-Horse-Battery-9', weak);
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    const field = screen.getByLabelText('New password');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(field.getAttribute('aria-describedby')).toContain('error');
    expect(
      document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent,
    ).toMatch(why);
    expect(find('POST', '/api/me/password')).toHaveLength(0);
  });

  it('refuses two different new passwords without sending them', async () => {
    const { user, find } = openAccount();
    await fill(user, 'Correct-Horse-Battery-9', STRONG, `${STRONG}x`);
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('The two new passwords differ')).toBeTruthy();
    expect(find('POST', '/api/me/password')).toHaveLength(0);
  });

  it('sends the current and the new password, says which sessions ended, and empties the form', async () => {
    const { user, find } = openAccount({
      'POST /api/me/password': () => json(200, { ok: true, otherSessionsEnded: 2 }),
    });
    await fill(user, 'Correct-Horse-Battery-9', STRONG);
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Your password was changed')).toBeTruthy();
    expect(screen.getByText(/signed out of 2 other sessions/)).toBeTruthy();
    const [request] = find('POST', '/api/me/password');
    expect(request?.body).toEqual({ currentPassword: 'Correct-Horse-Battery-9', newPassword: STRONG });
    expect(request?.headers.get('x-csrf-token')).toBe('csrf-token-123');
    for (const label of ['Current password', 'New password', 'New password again']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).value).toBe('');
    }
  });

  it('puts a wrong current password on its field', async () => {
    const { user } = openAccount({
      'POST /api/me/password': () =>
        apiError(400, 'validation_failed', 'This is not your current password', [
          { path: 'currentPassword', message: 'This is not your current password' },
        ]),
    });
    await fill(user, 'not-my-password', STRONG);
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('This is not your current password')).toBeTruthy();
    expect(screen.getByLabelText('Current password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Your password was changed')).toBeNull();
  });
});
