import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '#shared/schemas/users.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, makeUser, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const grace = makeUser({ name: 'Grace Officer', email: 'grace@demo.test', role: 'officer', revision: 1 });
const ada = makeUser({ name: 'Ada Admin', email: 'ada@demo.test', role: 'admin' });

const stale = (current: User) =>
  json(409, {
    error: {
      code: 'conflict',
      message: `Someone else changed this user after you loaded it (it is now at revision ${current.revision}).`,
      requestId: 'req-test',
      current,
    },
  });

describe('UsersPage when someone else changed the member first', () => {
  it('says what they are now, and applies the role change on top only when asked', async () => {
    // Another admin deactivated Grace after this table was loaded.
    const now: User = { ...grace, status: 'deactivated', revision: 2 };
    let patches = 0;
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/users': () => json(200, pageOf([ada, patches ? now : grace])),
      [`PATCH /api/users/${grace.id}`]: () => {
        patches += 1;
        return patches === 1 ? stale(now) : json(200, { ...now, role: 'executive', revision: 3 });
      },
    });
    const { user } = renderApp('/settings/users');

    await user.selectOptions(await screen.findByLabelText('Role of Grace Officer'), 'executive');
    const confirm = await screen.findByRole('alertdialog');
    await user.click(within(confirm).getByRole('button', { name: 'Change role' }));

    const title = await screen.findByText('Someone else changed Grace Officer while you were looking');
    const alert = title.closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('They are now Compliance officer, deactivated.');
    expect(alert.textContent).toContain('Your change (make them Executive (read-only)) was not applied.');
    const [first] = find('PATCH', `/api/users/${grace.id}`);
    expect(first?.headers.get('if-match')).toBe('"1"');
    expect(first?.body).toEqual({ role: 'executive' });

    await user.click(within(alert).getByRole('button', { name: 'Apply my change anyway' }));
    await waitFor(() => expect(find('PATCH', `/api/users/${grace.id}`)).toHaveLength(2));
    const second = find('PATCH', `/api/users/${grace.id}`)[1];
    expect(second?.headers.get('if-match')).toBe('"2"');
    expect(second?.body).toEqual({ role: 'executive' });
    await waitFor(() => expect(screen.queryByText(/Someone else changed/)).toBeNull());
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('a deactivation someone else already made: says so, offers nothing to apply', async () => {
    const now: User = { ...grace, status: 'deactivated', revision: 2 };
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/users': () => json(200, pageOf([ada, grace])),
      [`PATCH /api/users/${grace.id}`]: () => stale(now),
    });
    const { user } = renderApp('/settings/users');

    await user.click(await screen.findByRole('button', { name: 'Deactivate Grace Officer' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    const title = await screen.findByText('Someone else changed Grace Officer while you were looking');
    const alert = title.closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('Your change is already in effect.');
    expect(within(alert).queryByRole('button', { name: 'Apply my change anyway' })).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(find('PATCH', `/api/users/${grace.id}`)[0]?.headers.get('if-match')).toBe('"1"');
  });
});
