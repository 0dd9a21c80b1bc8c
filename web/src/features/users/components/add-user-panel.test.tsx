import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, makeUser } from '../../../../test/fixtures.js';
import { renderWithProviders } from '../../../../test/render.js';
import { authKeys } from '../../auth/api.js';
import { AddUserPanel } from './add-user-panel.js';

const fillForm = async (user: ReturnType<typeof renderWithProviders>['user']) => {
  await user.type(screen.getByLabelText('Name'), 'Grace Officer');
  await user.type(screen.getByLabelText('Email'), 'grace@demo.test');
  await user.selectOptions(screen.getByLabelText('Role'), 'officer');
};

describe('AddUserPanel', () => {
  it('puts a server validation issue on its field', async () => {
    mockFetch({
      'POST /api/users': () =>
        apiError(400, 'validation_failed', 'Check the highlighted fields', [
          { path: 'email', message: 'This email is already a member of the organisation' },
        ]),
    });
    const { user } = renderWithProviders(<AddUserPanel onClose={() => {}} />);

    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    expect(await screen.findByText('This email is already a member of the organisation')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    // Every issue found its field, so no duplicate form-level message.
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('shows a form-level message when the server refuses without field issues', async () => {
    mockFetch({ 'POST /api/users': () => apiError(403, 'forbidden', 'Only administrators can add users') });
    const { user } = renderWithProviders(<AddUserPanel onClose={() => {}} />);

    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Only administrators can add users'),
    );
  });

  it('without a mailer, shows the invitation link once, with a copy button', async () => {
    const created = makeUser({ name: 'Grace Officer', email: 'grace@demo.test' });
    const url = 'http://localhost:3000/set-password#Tmp-Secret-4821-xyz';
    const invitation = {
      kind: 'invitation',
      delivery: 'handed_over',
      url,
      expiresAt: '2026-12-07T10:00:00.000Z',
    };
    const { find } = mockFetch({ 'POST /api/users': () => json(201, { ...created, invitation }) });
    const onClose = vi.fn();
    const { user, queryClient } = renderWithProviders(<AddUserPanel onClose={onClose} />);
    queryClient.setQueryData(authKeys.me(), makeSession('admin'));

    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    const secret = (await screen.findByLabelText('Invitation link for grace@demo.test')) as HTMLInputElement;
    expect(secret.value).toBe(url);
    expect(screen.getByText(/No mail server is configured/).textContent).toContain('only once');

    // An empty password box means "invite them": the field is left out of the request.
    const [request] = find('POST', '/api/users');
    expect(request?.body).toEqual({ name: 'Grace Officer', email: 'grace@demo.test', role: 'officer' });
    expect(request?.headers.get('x-csrf-token')).toBe('csrf-token-123');

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
    // user-event installs a clipboard stub on navigator; read back what the button wrote.
    expect(await navigator.clipboard.readText()).toBe(url);

    await user.click(screen.getByRole('button', { name: /I have passed it on/ }));
    expect(onClose).toHaveBeenCalled();
  });

  it('with a mailer, says the invitation is on its way and until when it works', async () => {
    const created = makeUser({ name: 'Grace Officer', email: 'grace@demo.test' });
    const invitation = { kind: 'invitation', delivery: 'email', expiresAt: '2026-12-07T10:00:00.000Z' };
    mockFetch({ 'POST /api/users': () => json(201, { ...created, invitation }) });
    const { user, queryClient } = renderWithProviders(<AddUserPanel onClose={vi.fn()} />);
    queryClient.setQueryData(authKeys.me(), makeSession('admin'));
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Add user' }));
    expect((await screen.findByText(/An invitation is on its way to grace@demo.test/)).textContent).toMatch(
      /valid once until/,
    );
    expect(screen.queryByRole('button', { name: 'Copy' })).toBeNull();
  });

  it('checks the password rule from the shared schema when one is typed', async () => {
    const { find } = mockFetch({});
    const { user } = renderWithProviders(<AddUserPanel onClose={() => {}} />);

    await fillForm(user);
    await user.type(screen.getByLabelText('Password (optional)'), 'short');
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    expect(await screen.findByText('Use at least 12 characters')).toBeTruthy();
    expect(find('POST', '/api/users')).toHaveLength(0);
  });
});
