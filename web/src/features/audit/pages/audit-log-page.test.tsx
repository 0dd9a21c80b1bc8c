import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '#shared/schemas/audit.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf, USER_ID } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const event: AuditEvent = {
  id: '66666666-6666-4666-8666-666666666666',
  seq: 7,
  actorType: 'user',
  actorId: USER_ID,
  actorLabel: 'ada@demo.test',
  action: 'user.updated',
  entityType: 'user',
  entityId: '77777777-7777-4777-8777-777777777777',
  entityLabel: 'Ada Lovelace',
  payload: { changes: { role: { from: 'officer', to: 'executive' } } },
  createdAt: '2025-03-01T12:00:00.000Z',
  prevHash: 'a'.repeat(64),
  hash: 'b3f1c2d4e5'.padEnd(64, '0'),
};

describe('AuditLogPage', () => {
  it('shows events with a short hash and an expandable payload', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/audit-events': () => json(200, pageOf([event])),
    });
    const { user } = renderApp('/settings/audit-log');

    expect(await screen.findByText('user.updated')).toBeTruthy();
    expect(screen.getByText('b3f1c2d4e5')).toBeTruthy();
    expect(screen.queryByText(/"executive"/)).toBeNull();

    const toggle = screen.getByRole('button', { name: 'Show details of event 7' });
    await user.click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/"to": "executive"/)).toBeTruthy();
  });

  it('applies filters to the query', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/audit-events': () => json(200, pageOf([event])),
    });
    const { user } = renderApp('/settings/audit-log');

    await user.selectOptions(await screen.findByLabelText('Action'), 'auth.login');
    await user.type(screen.getByLabelText('From'), '2025-03-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => {
      const last = find('GET', '/api/audit-events').at(-1);
      expect(last?.query.get('action')).toBe('auth.login');
      expect(new Date(last?.query.get('from') ?? '').getDate()).toBe(1);
    });
  });

  it('refuses an end date before the start date', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/audit-events': () => json(200, pageOf([])),
    });
    const { user } = renderApp('/settings/audit-log');

    await user.type(await screen.findByLabelText('From'), '2025-03-10');
    await user.type(screen.getByLabelText('To'), '2025-03-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(await screen.findByText('The end date must be on or after the start date')).toBeTruthy();
  });
});
