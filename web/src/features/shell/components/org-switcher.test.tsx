import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, ORG_ID, OTHER_ORG_ID } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const memberships = [
  { org: { id: ORG_ID, name: 'Demo Textiles Ltd', slug: 'demo' }, role: 'admin' as const },
  { org: { id: OTHER_ORG_ID, name: 'Harbour Foods plc', slug: 'harbour' }, role: 'executive' as const },
];

describe('organisation switcher', () => {
  it('is hidden with a single membership', async () => {
    mockFetch({ 'GET /api/me': () => json(200, makeSession('admin')) });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeTruthy();
    expect(screen.queryByLabelText('Organisation')).toBeNull();
  });

  it('switches organisation and applies the role held there', async () => {
    const switched = makeSession('executive', {
      org: memberships[1]!.org,
      memberships,
      csrfToken: 'csrf-token-harbour',
    });
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin', { memberships })),
      'POST /api/auth/switch-org': () => json(200, switched),
    });
    const { user } = renderApp('/');

    expect(await screen.findByRole('link', { name: 'Users' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Organisation'), OTHER_ORG_ID);

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Users' })).toBeNull());
    expect(find('POST', '/api/auth/switch-org')[0]?.body).toEqual({ orgId: OTHER_ORG_ID });
    expect(find('POST', '/api/auth/switch-org')[0]?.headers.get('x-csrf-token')).toBe('csrf-token-123');
    expect(screen.getByText(/signed in to Harbour Foods plc/)).toBeTruthy();
  });
});
