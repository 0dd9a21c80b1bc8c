import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '#shared/schemas/api-keys.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const key: ApiKey = {
  id: '55555555-5555-4555-8555-555555555555',
  name: 'ERP supplier sync',
  role: 'officer',
  prefix: 'cs_live_ab12',
  createdAt: '2025-02-01T10:00:00.000Z',
  createdBy: null,
  lastUsedAt: null,
  revokedAt: null,
  expiresAt: null,
};

describe('ApiKeysPage', () => {
  it('shows a new key once and warns that it will not be shown again', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/api-keys': () => json(200, pageOf([])),
      'POST /api/api-keys': () => json(201, { ...key, key: 'cs_live_ab12.very-secret-value' }),
    });
    const { user } = renderApp('/settings/api-keys');

    expect(await screen.findByText('No active API keys.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    await user.type(screen.getByLabelText('Name'), 'ERP supplier sync');
    await user.selectOptions(screen.getByLabelText('Role'), 'officer');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const secret = (await screen.findByLabelText('API key ERP supplier sync')) as HTMLInputElement;
    expect(secret.value).toBe('cs_live_ab12.very-secret-value');
    expect(screen.getByText('It will not be shown again')).toBeTruthy();
    expect(find('POST', '/api/api-keys')[0]?.body).toEqual({ name: 'ERP supplier sync', role: 'officer' });

    await user.click(screen.getByRole('button', { name: /I have stored the key/ }));
    expect(screen.queryByLabelText('API key ERP supplier sync')).toBeNull();
  });

  it('revokes after confirmation and can include revoked keys', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/api-keys': () => json(200, pageOf([key])),
      [`DELETE /api/api-keys/${key.id}`]: () => json(200, { ...key, revokedAt: '2025-03-01T10:00:00.000Z' }),
    });
    const { user } = renderApp('/settings/api-keys');

    expect(await screen.findByText('Never used')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Revoke ERP supplier sync' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revoke key' }));

    await waitFor(() => expect(find('DELETE', `/api/api-keys/${key.id}`)).toHaveLength(1));
    expect(find('DELETE', `/api/api-keys/${key.id}`)[0]?.headers.get('x-csrf-token')).toBe('csrf-token-123');

    await user.click(screen.getByLabelText('Show revoked keys'));
    await waitFor(() =>
      expect(find('GET', '/api/api-keys').at(-1)?.query.get('includeRevoked')).toBe('true'),
    );
  });

  it('creates a key with an expiry at the end of the chosen day, and shows when it was made to end', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/api-keys': () => json(200, pageOf([])),
      'POST /api/api-keys': (request) =>
        json(201, {
          ...key,
          expiresAt: (request.body as { expiresAt: string }).expiresAt,
          key: 'cs_live_ab12.very-secret-value',
        }),
    });
    const { user } = renderApp('/settings/api-keys');

    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    await user.type(screen.getByLabelText('Name'), 'ERP supplier sync');
    await user.type(screen.getByLabelText('Expires on (optional)'), '2031-06-30');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    await screen.findByLabelText('API key ERP supplier sync');
    const sent = find('POST', '/api/api-keys')[0]?.body as { expiresAt: string };
    expect(sent.expiresAt).toBe(new Date(2031, 5, 30, 23, 59, 59, 999).toISOString());
    expect(screen.getByText(/in this organisation until/).textContent).toContain('2031');
  });

  it('tells active, expired and never-expiring keys apart in the list', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/api-keys': () =>
        json(
          200,
          pageOf([
            { ...key, id: '55555555-5555-4555-8555-000000000001', name: 'lasting' },
            {
              ...key,
              id: '55555555-5555-4555-8555-000000000002',
              name: 'ended',
              expiresAt: '2020-01-01T00:00:00.000Z',
            },
            {
              ...key,
              id: '55555555-5555-4555-8555-000000000003',
              name: 'ending',
              expiresAt: '2099-01-01T00:00:00.000Z',
            },
          ]),
        ),
    });
    renderApp('/settings/api-keys');

    const row = async (name: string) => (await screen.findByText(name)).closest('tr') as HTMLElement;
    expect(within(await row('lasting')).getByText('Active')).toBeTruthy();
    expect(within(await row('lasting')).getByText('Never')).toBeTruthy();
    expect(within(await row('ended')).getByText('Expired')).toBeTruthy();
    expect(within(await row('ending')).getByText('Active')).toBeTruthy();
    expect(within(await row('ending')).getByText(/2099/)).toBeTruthy();
  });
});
