import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, makeUser, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const grace = makeUser({ name: 'Grace Officer', email: 'grace@demo.test', role: 'officer' });
const ada = makeUser({ name: 'Ada Admin', email: 'ada@demo.test', role: 'admin' });

describe('UsersPage', () => {
  it('lists users and passes search, filters, sort and paging to the API', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/users': () => json(200, { ...pageOf([ada, grace]), total: 60 }),
    });
    const { user } = renderApp('/settings/users');

    expect(await screen.findByText('Grace Officer')).toBeTruthy();
    expect(screen.getByText('1–25 of 60 users')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Status'), 'deactivated');
    await user.click(screen.getByRole('button', { name: /^Email/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await waitFor(() => {
      const last = find('GET', '/api/users').at(-1);
      expect(last?.query.get('status')).toBe('deactivated');
      expect(last?.query.get('sort')).toBe('email');
      expect(last?.query.get('order')).toBe('asc');
      expect(last?.query.get('offset')).toBe('25');
      expect(last?.query.get('limit')).toBe('25');
    });
  });

  it('changes a role only after confirmation', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/users': () => json(200, pageOf([ada, grace])),
      [`PATCH /api/users/${grace.id}`]: () => json(200, { ...grace, role: 'executive' }),
    });
    const { user } = renderApp('/settings/users');

    await user.selectOptions(await screen.findByLabelText('Role of Grace Officer'), 'executive');
    const dialog = screen.getByRole('alertdialog', { name: 'Change Grace Officer’s role?' });
    expect(dialog.textContent).toContain(
      'grace@demo.test goes from Compliance officer to Executive (read-only)',
    );
    expect(find('PATCH', `/api/users/${grace.id}`)).toHaveLength(0);
    // Nothing has changed yet, so the table still shows the stored role.
    expect((screen.getByLabelText('Role of Grace Officer') as HTMLSelectElement).value).toBe('officer');

    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const [request] = find('PATCH', `/api/users/${grace.id}`);
    expect(request?.body).toEqual({ role: 'executive' });
    expect(request?.headers.get('x-csrf-token')).toBe('csrf-token-123');
  });

  it('a cancelled role change sends nothing and keeps the role', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/users': () => json(200, pageOf([ada, grace])),
    });
    const { user } = renderApp('/settings/users');

    await user.selectOptions(await screen.findByLabelText('Role of Grace Officer'), 'admin');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(find('PATCH', `/api/users/${grace.id}`)).toHaveLength(0);
    expect((screen.getByLabelText('Role of Grace Officer') as HTMLSelectElement).value).toBe('officer');
  });

  it('shows inside the dialog why a role change was refused', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/users': () => json(200, pageOf([ada, grace])),
      [`PATCH /api/users/${ada.id}`]: () =>
        apiError(409, 'conflict', 'An organisation must keep at least one active admin'),
    });
    const { user } = renderApp('/settings/users');

    await user.selectOptions(await screen.findByLabelText('Role of Ada Admin'), 'executive');
    const dialog = screen.getByRole('alertdialog', { name: 'Change Ada Admin’s role?' });
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('An organisation must keep at least one active admin');
    expect(find('PATCH', `/api/users/${ada.id}`)[0]?.body).toEqual({ role: 'executive' });
    // The select shows what the server holds, not what was attempted.
    expect((screen.getByLabelText('Role of Ada Admin') as HTMLSelectElement).value).toBe('admin');
  });

  it('deactivates only after confirmation', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/users': () => json(200, pageOf([ada, grace])),
      [`PATCH /api/users/${grace.id}`]: () => json(200, { ...grace, status: 'deactivated' }),
    });
    const { user } = renderApp('/settings/users');

    await user.click(await screen.findByRole('button', { name: 'Deactivate Grace Officer' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Deactivate Grace Officer?' });
    expect(find('PATCH', `/api/users/${grace.id}`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const [request] = find('PATCH', `/api/users/${grace.id}`);
    expect(request?.body).toEqual({ status: 'deactivated' });
    expect(request?.headers.get('x-csrf-token')).toBe('csrf-token-123');
  });

  it('cancels a deactivation with Escape', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/users': () => json(200, pageOf([ada, grace])),
    });
    const { user } = renderApp('/settings/users');

    await user.click(await screen.findByRole('button', { name: 'Deactivate Grace Officer' }));
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(find('PATCH', `/api/users/${grace.id}`)).toHaveLength(0);
  });
});
