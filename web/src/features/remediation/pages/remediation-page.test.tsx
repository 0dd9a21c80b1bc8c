import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/roles.js';
import type { Task } from '#shared/schemas/tasks.js';
import { json, mockFetch, type RecordedRequest } from '../../../../test/fetch-mock.js';
import { makeSession, makeUser, pageOf, USER_ID } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeTask, taskPage } from '../../../../test/task-fixtures.js';

const owner = makeUser({ name: 'Olu Officer', role: 'officer' });
const executive = makeUser({ name: 'Eve Executive', role: 'executive' });

const open = makeTask({
  title: 'Return workers’ passports',
  severity: 'critical',
  overdue: true,
  dueDate: '2026-10-01',
});
const started = makeTask({
  title: 'Repay recruitment fees',
  status: 'in_progress',
  ownerId: owner.id,
  ownerName: 'Olu Officer',
  supplierName: 'Mary Spinning Mill',
});
const pending = makeTask({
  title: 'Publish a grievance channel',
  status: 'pending_verification',
  submittedForVerification: {
    by: { type: 'user', id: USER_ID, label: 'Ada Admin' },
    at: '2026-11-20T09:00:00Z',
  },
});
const closed = makeTask({ title: 'Stop overtime beyond 60 hours', status: 'closed', severity: 'medium' });
const tasks: Task[] = [open, started, pending, closed];

/** GET /api/tasks answers each column with its status's tasks. */
const listTasks = (request: RecordedRequest) =>
  json(200, taskPage(tasks.filter((t) => t.status === request.query.get('status'))));

const routesFor = (role: Role) => ({
  'GET /api/me': () => json(200, makeSession(role)),
  'GET /api/tasks': listTasks,
  'GET /api/users': () => json(200, pageOf([owner, executive])),
});

/** A day a year from now: within the three years a risk may be accepted for. */
const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

const column = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });

describe('RemediationPage (the board)', () => {
  it('shows a column per status with each task’s supplier, severity, owner, due date and overdue flag', async () => {
    mockFetch(routesFor('officer'));
    renderApp('/remediation');

    expect(await screen.findByRole('heading', { level: 1, name: 'Remediation' })).toBeTruthy();
    const first = await screen.findByRole('article', { name: 'Return workers’ passports' });
    expect(within(column('Open')).getByRole('article', { name: 'Return workers’ passports' })).toBe(first);
    expect(within(first).getByText('Dhaka Knitwear Ltd')).toBeTruthy();
    expect(within(first).getByText('Critical')).toBeTruthy();
    expect(within(first).getByText('Overdue')).toBeTruthy();
    expect(within(first).getByText('Unassigned')).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'Return workers’ passports' }).getAttribute('href')).toBe(
      `/remediation/${open.id}`,
    );
    const second = within(column('In progress')).getByRole('article', { name: 'Repay recruitment fees' });
    expect(within(second).getByText('Olu Officer')).toBeTruthy();
    expect(
      within(column('Closed')).getByRole('article', { name: 'Stop overtime beyond 60 hours' }),
    ).toBeTruthy();
    expect(within(column('Risk accepted')).getByText('No tasks')).toBeTruthy();
    // Only the moves the table gives an officer: an open task starts or is marked done, never accepted.
    expect(within(first).getByRole('button', { name: /^Start/ })).toBeTruthy();
    expect(within(first).getByRole('button', { name: /^Mark done/ })).toBeTruthy();
    expect(within(first).queryByRole('button', { name: /Accept the risk/ })).toBeNull();
    // Four eyes: the officer who marked it done is not offered its verification.
    const third = within(column('Pending verification')).getByRole('article', {
      name: 'Publish a grievance channel',
    });
    expect(within(third).queryByRole('button', { name: /Verify and close/ })).toBeNull();
    expect(within(third).getByRole('button', { name: /^Send back/ })).toBeTruthy();
  }, 20_000);

  it('reads its filters from the URL under the API’s names and sends them with every column', async () => {
    const { find } = mockFetch(routesFor('executive'));
    const { router, user } = renderApp('/remediation?severity=high&overdue=true');

    await screen.findByRole('heading', { level: 1, name: 'Remediation' });
    await waitFor(() => expect(find('GET', '/api/tasks').length).toBe(5));
    for (const request of find('GET', '/api/tasks')) {
      expect(request.query.get('severity')).toBe('high');
      expect(request.query.get('overdue')).toBe('true');
    }
    expect((screen.getByLabelText('Severity') as HTMLSelectElement).value).toBe('high');
    expect((screen.getByLabelText('Overdue only') as HTMLInputElement).checked).toBe(true);

    await user.selectOptions(await screen.findByLabelText('Owner'), 'Unassigned');
    await waitFor(() => expect(router.state.location.search).toContain('ownerId=none'));
    await waitFor(() =>
      expect(find('GET', '/api/tasks').some((r) => r.query.get('ownerId') === 'none')).toBe(true),
    );

    // An executive reads: no moves, no selection, no new task.
    expect(screen.queryByRole('button', { name: /^Start/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /^Select/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New task' })).toBeNull();
  }, 20_000);

  it('moves a task with its button, sending the revision it was shown at; the focus follows the card', async () => {
    let moved = false;
    const { find } = mockFetch({
      ...routesFor('officer'),
      'GET /api/tasks': (request) => {
        const now = tasks.map((t) =>
          t.id === open.id && moved ? { ...t, status: 'in_progress' as const, revision: 2 } : t,
        );
        return json(200, taskPage(now.filter((t) => t.status === request.query.get('status'))));
      },
      [`POST /api/tasks/${open.id}/transition`]: () => {
        moved = true;
        return json(200, { ...open, status: 'in_progress', revision: 2, comments: [], evidence: [] });
      },
    });
    const { user } = renderApp('/remediation');

    const card = await screen.findByRole('article', { name: 'Return workers’ passports' });
    within(card)
      .getByRole('button', { name: /^Start/ })
      .focus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('“Return workers’ passports” moved to In progress.')).toBeTruthy();
    expect(find('POST', `/api/tasks/${open.id}/transition`)[0]?.body).toEqual({
      to: 'in_progress',
      revision: 1,
    });
    const landed = within(column('In progress')).getByRole('article', { name: 'Return workers’ passports' });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(landed).getByRole('link', { name: 'Return workers’ passports' }),
      ),
    );
    expect(within(column('Open')).queryByRole('article', { name: 'Return workers’ passports' })).toBeNull();
  }, 20_000);

  it('asks an administrator for a justification and an end day before accepting a risk', async () => {
    const { find } = mockFetch({
      ...routesFor('admin'),
      [`POST /api/tasks/${open.id}/transition`]: () =>
        json(200, { ...open, status: 'risk_accepted', revision: 2, comments: [], evidence: [] }),
    });
    const { user } = renderApp('/remediation');

    const card = await screen.findByRole('article', { name: 'Return workers’ passports' });
    await user.click(within(card).getByRole('button', { name: /^Accept the risk/ }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Accept the risk' }));
    expect(within(dialog).getByText('Explain why the risk is accepted rather than fixed')).toBeTruthy();
    expect(find('POST', `/api/tasks/${open.id}/transition`)).toHaveLength(0);

    await user.type(
      within(dialog).getByLabelText('Justification'),
      'Sole supplier of this yarn; audited monthly',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Accept the risk' }));
    expect(within(dialog).getByText(/Choose the day the acceptance ends/)).toBeTruthy();

    const until = within(dialog).getByLabelText('Accepted until');
    await user.type(until, inAYear);
    await user.click(within(dialog).getByRole('button', { name: 'Accept the risk' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(find('POST', `/api/tasks/${open.id}/transition`)[0]?.body).toEqual({
      to: 'risk_accepted',
      revision: 1,
      justification: 'Sole supplier of this yarn; audited monthly',
      riskAcceptedUntil: inAYear,
    });
  }, 30_000);

  it('gives the ticked tasks an owner, or a due date, together', async () => {
    const { find } = mockFetch({
      ...routesFor('officer'),
      'POST /api/tasks/bulk': () => json(200, { items: [] }),
    });
    const { user } = renderApp('/remediation');

    await user.click(await screen.findByRole('checkbox', { name: 'Select Return workers’ passports' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Repay recruitment fees' }));
    // A closed task is done: it cannot be edited, so it cannot be ticked.
    expect(screen.queryByRole('checkbox', { name: 'Select Stop overtime beyond 60 hours' })).toBeNull();
    const bar = screen.getByRole('region', { name: 'Selected tasks' });
    expect(within(bar).getByText('2 tasks selected')).toBeTruthy();
    // Executives cannot own a task: only people who can work on it are offered.
    expect(within(bar).queryByRole('option', { name: 'Eve Executive' })).toBeNull();

    await user.selectOptions(within(bar).getByLabelText('Owner'), 'Olu Officer');
    await user.click(within(bar).getByRole('button', { name: 'Assign owner' }));

    expect(await screen.findByText('2 tasks given to Olu Officer.')).toBeTruthy();
    expect(find('POST', '/api/tasks/bulk')[0]?.body).toEqual({
      ids: [open.id, started.id],
      ownerId: owner.id,
    });
    expect(screen.queryByRole('region', { name: 'Selected tasks' })).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'Select Return workers’ passports' }));
    const again = screen.getByRole('region', { name: 'Selected tasks' });
    await user.type(within(again).getByLabelText('Due date'), '2099-03-01');
    await user.click(within(again).getByRole('button', { name: 'Set due date' }));
    await waitFor(() => expect(find('POST', '/api/tasks/bulk')).toHaveLength(2));
    expect(find('POST', '/api/tasks/bulk')[1]?.body).toEqual({ ids: [open.id], dueDate: '2099-03-01' });
  }, 30_000);

  it('shows one column when the URL names a status', async () => {
    const { find } = mockFetch(routesFor('officer'));
    renderApp('/remediation?status=closed');

    expect(await screen.findByRole('article', { name: 'Stop overtime beyond 60 hours' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^Open/ })).toBeNull();
    expect(find('GET', '/api/tasks').every((r) => r.query.get('status') === 'closed')).toBe(true);
  });
});
