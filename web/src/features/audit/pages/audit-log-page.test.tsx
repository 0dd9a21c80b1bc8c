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
  it('shows the entity by name, a one-line summary and the time with its zone; raw JSON one click away', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/audit-events': () => json(200, pageOf([event])),
    });
    const { user } = renderApp('/settings/audit-log');

    expect(await screen.findByText('role officer → executive')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show every event for User Ada Lovelace' })).toBeTruthy();
    const time = screen.getByTitle(event.createdAt);
    expect(time.textContent).toMatch(/2025/);
    expect(time.textContent).toMatch(/(UTC|GMT)/);
    expect(screen.queryByText(/"executive"/)).toBeNull();

    const toggle = screen.getByRole('button', { name: 'Show details of event 7' });
    await user.click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/"to": "executive"/)).toBeTruthy();
    expect(screen.getByText(event.hash)).toBeTruthy();
  });

  it('shows erased personal values as erased', async () => {
    const erased = { erased: true as const, erasedAt: '2025-04-01T00:00:00.000Z', digest: 'c'.repeat(64) };
    const created: AuditEvent = {
      ...event,
      id: '88888888-8888-4888-8888-888888888888',
      action: 'user.created',
      payload: { email: erased, name: erased, role: 'officer' },
    };
    mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/audit-events': () => json(200, pageOf([created])),
    });
    renderApp('/settings/audit-log');
    expect(await screen.findByText('(erased) ((erased)) created as officer')).toBeTruthy();
  });

  it('searches by entity name and offers the filtered list as CSV', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/audit-events': () => json(200, pageOf([event])),
    });
    const { user } = renderApp('/settings/audit-log');
    await user.type(await screen.findByLabelText('Entity name'), 'Knit');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(find('GET', '/api/audit-events').at(-1)?.query.get('entity')).toBe('Knit'));
    const link = screen.getByRole('link', { name: 'Export CSV' });
    await waitFor(() =>
      expect(link.getAttribute('href')).toBe('/api/audit-events/export.csv?entity=Knit&order=desc'),
    );
  });

  it('verifies the chain on request and reports a missing tail', async () => {
    const verify = {
      ok: false,
      checked: 120,
      firstBroken: null,
      head: { seq: 120, hash: 'd'.repeat(64), createdAt: '2025-03-01T12:00:00.000Z' },
      checkpoints: {
        total: 2,
        matched: 1,
        latest: null,
        problems: [{ seq: 150, reason: 'the chain ends at #120 but checkpoint #150 was recorded at …' }],
      },
      missingTail: { chainEndsAt: 120, checkpointSeq: 150, recordedAt: '2025-03-02T09:00:00.000Z' },
      personalValues: { checked: 4, erased: 1, mismatched: [] },
    };
    mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/audit-events': () => json(200, pageOf([event])),
      'GET /api/audit-events/verify': () => json(200, verify),
    });
    const { user } = renderApp('/settings/audit-log');
    await user.click(await screen.findByRole('button', { name: 'Verify chain' }));
    expect(await screen.findByText('The chain does not verify')).toBeTruthy();
    expect(screen.getByText(/the chain ends at #120 but checkpoint #150 was recorded at/i)).toBeTruthy();
    expect(screen.getByText(/1 of 2 signed checkpoints hold/)).toBeTruthy();
    // Officers verify; only administrators download the checkpoints.
    expect(screen.queryByRole('button', { name: 'Download checkpoints' })).toBeNull();
  });

  it('lets an administrator download the signed checkpoints', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/audit-events': () => json(200, pageOf([event])),
      'GET /api/audit-events/checkpoints': () =>
        json(200, {
          orgId: '99999999-9999-4999-8999-999999999999',
          algorithm: 'Ed25519',
          publicKey: 'PEM',
          keyId: 'abc',
          message: 'format',
          checkpoints: [],
        }),
    });
    URL.createObjectURL = () => 'blob:checkpoints';
    URL.revokeObjectURL = () => {};
    const { user } = renderApp('/settings/audit-log');
    await user.click(await screen.findByRole('button', { name: 'Download checkpoints' }));
    await waitFor(() => expect(find('GET', '/api/audit-events/checkpoints')).toHaveLength(1));
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
