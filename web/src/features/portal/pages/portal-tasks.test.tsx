import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PortalTask, PortalTasks } from '#shared/schemas/tasks.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makePortal, PORTAL_API, PORTAL_TOKEN } from '../../../../test/portal-fixtures.js';
import { renderApp } from '../../../../test/render.js';

const TASK_ID = '77777777-7777-4777-8777-000000000101';
const task: PortalTask = {
  id: TASK_ID,
  title: 'Return workers’ passports',
  description: 'Give each worker back their identity documents and a lockable locker.',
  severity: 'critical',
  dueDate: '2026-10-01',
  overdue: true,
  status: 'open',
  canMarkDone: true,
  comments: [
    {
      id: '88888888-8888-4888-8888-000000000101',
      author: 'organisation',
      authorLabel: 'Demo Retail Ltd',
      body: 'Please send a photo of the lockers.',
      createdAt: '2026-11-10T08:00:00.000Z',
    },
  ],
  evidence: [],
  updatedAt: '2026-11-10T08:00:00.000Z',
};
const list = (items: PortalTask[]): PortalTasks => ({
  organisation: 'Demo Retail Ltd',
  supplierName: 'Anatolia Textiles',
  items,
});

describe('supplier portal: tasks', { timeout: 20_000 }, () => {
  it('lists the supplier’s tasks after the questionnaire it has sent, with the organisation’s comments', async () => {
    mockFetch({
      [`GET ${PORTAL_API}`]: () => json(200, makePortal({ status: 'accepted', editable: false })),
      [`GET ${PORTAL_API}/tasks`]: () => json(200, list([task])),
    });
    renderApp(`/portal/${PORTAL_TOKEN}`);

    const section = await screen.findByRole('region', { name: 'Tasks (1)' });
    const item = within(section).getByRole('article', { name: 'Return workers’ passports' });
    expect(within(item).getByText('Critical')).toBeTruthy();
    expect(within(item).getByText(/Overdue/)).toBeTruthy();
    expect(within(item).getByText('Please send a photo of the lockers.')).toBeTruthy();
    expect(within(item).getByText('Demo Retail Ltd')).toBeTruthy();
  });

  it('lets the supplier comment, attach evidence and mark the task done', async () => {
    // The server's state: each change answers the task, and the list read after shows it too.
    let current = task;
    const { find } = mockFetch({
      [`GET ${PORTAL_API}`]: () => json(200, makePortal({ status: 'accepted', editable: false })),
      [`GET ${PORTAL_API}/tasks`]: () => json(200, list([current])),
      [`POST ${PORTAL_API}/tasks/${TASK_ID}/comments`]: () => {
        current = {
          ...current,
          comments: [
            ...current.comments,
            {
              id: '88888888-8888-4888-8888-000000000102',
              author: 'supplier',
              authorLabel: 'Anatolia Textiles',
              body: 'Lockers installed on both floors.',
              createdAt: '2026-11-12T08:00:00.000Z',
            },
          ],
        };
        return json(201, current);
      },
      [`POST ${PORTAL_API}/tasks/${TASK_ID}/evidence`]: () => {
        const file = {
          id: '99999999-9999-4999-8999-000000000101',
          fileName: 'lockers.pdf',
          mediaType: 'application/pdf',
          size: 4,
          sha256: 'b'.repeat(64),
          createdAt: '2026-11-12T08:00:00.000Z',
        };
        current = { ...current, evidence: [...current.evidence, file] };
        return json(201, file);
      },
      [`POST ${PORTAL_API}/tasks/${TASK_ID}/done`]: () => {
        current = { ...current, status: 'pending_verification', canMarkDone: false };
        return json(200, current);
      },
    });
    const { user } = renderApp(`/portal/${PORTAL_TOKEN}`);

    const item = await screen.findByRole('article', { name: 'Return workers’ passports' });
    await user.click(within(item).getByRole('button', { name: 'Send comment' }));
    expect(within(item).getByText('Write a comment first')).toBeTruthy();
    await user.type(within(item).getByLabelText('Write a comment'), 'Lockers installed on both floors.');
    await user.click(within(item).getByRole('button', { name: 'Send comment' }));
    expect(await within(item).findByText('Lockers installed on both floors.')).toBeTruthy();
    expect(within(item).getByText('You')).toBeTruthy();
    expect(find('POST', `${PORTAL_API}/tasks/${TASK_ID}/comments`)[0]?.body).toEqual({
      body: 'Lockers installed on both floors.',
    });

    await user.upload(
      within(item).getByLabelText('Attach a file'),
      new File(['%PDF'], 'lockers.pdf', { type: 'application/pdf' }),
    );
    expect(await within(item).findByText('lockers.pdf')).toBeTruthy();

    await user.click(within(item).getByRole('button', { name: 'Mark done' }));
    expect(await within(item).findByText(/Marked done. Demo Retail Ltd checks it/)).toBeTruthy();
    expect(within(item).getByText('lockers.pdf')).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Mark done' })).toBeNull();
    await waitFor(() => expect(find('POST', `${PORTAL_API}/tasks/${TASK_ID}/done`)).toHaveLength(1));
  });

  it('shows nothing about tasks when none is shared with the supplier', async () => {
    mockFetch({
      [`GET ${PORTAL_API}`]: () => json(200, makePortal()),
      [`GET ${PORTAL_API}/tasks`]: () => json(200, list([])),
    });
    renderApp(`/portal/${PORTAL_TOKEN}`);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(screen.queryByRole('region', { name: /^Tasks/ })).toBeNull());
  });
});
