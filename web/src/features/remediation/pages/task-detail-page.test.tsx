import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/roles.js';
import type { TaskDetail } from '#shared/schemas/tasks.js';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, makeUser, pageOf, USER_ID } from '../../../../test/fixtures.js';
import { makePolicy } from '../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeTaskDetail, OTHER_USER_ID } from '../../../../test/task-fixtures.js';

const owner = makeUser({ name: 'Olu Officer', role: 'officer' });
const SHA = 'a'.repeat(64);

const task = makeTaskDetail({
  title: 'Return workers’ passports',
  status: 'in_progress',
  revision: 3,
  // Shared with the supplier, who has commented.
  supplierVisible: true,
  comments: [
    {
      id: '88888888-8888-4888-8888-000000000001',
      taskId: '77777777-7777-4777-8777-000000000000',
      // As the server labels it (tasks.mapping.ts supplierLabel).
      author: { type: 'supplier_link', id: null, label: 'Dhaka Knitwear Ltd (supplier)' },
      body: 'Lockers ordered; photos to follow.',
      createdAt: '2026-11-10T08:00:00.000Z',
    },
  ],
  evidence: [
    {
      id: '99999999-9999-4999-8999-000000000001',
      taskId: '77777777-7777-4777-8777-000000000000',
      fileName: 'locker-invoice.pdf',
      mediaType: 'application/pdf',
      size: 2048,
      sha256: SHA,
      createdAt: '2026-11-11T08:00:00.000Z',
      uploadedBy: { type: 'user', id: OTHER_USER_ID, label: 'Olu Officer' },
    },
  ],
});
const path = `/api/tasks/${task.id}`;

const routesFor = (role: Role, current: () => TaskDetail = () => task) => ({
  'GET /api/me': () => json(200, makeSession(role)),
  [`GET ${path}`]: () => json(200, current()),
  'GET /api/users': () => json(200, pageOf([owner])),
});

describe('TaskDetailPage', () => {
  it('shows the thread and the evidence with its SHA-256, and posts a comment', async () => {
    let stored = task;
    const { find } = mockFetch({
      ...routesFor('officer', () => stored),
      [`POST ${path}/comments`]: () => {
        const comment = {
          id: '88888888-8888-4888-8888-000000000002',
          taskId: task.id,
          author: { type: 'user' as const, id: USER_ID, label: 'Ada Admin' },
          body: 'Thanks: send the photos here.',
          createdAt: '2026-11-12T08:00:00.000Z',
        };
        stored = { ...task, comments: [...task.comments, comment] };
        return json(201, comment);
      },
    });
    const { user } = renderApp(`/remediation/${task.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Return workers’ passports' })).toBeTruthy();
    expect(screen.getByText('Lockers ordered; photos to follow.')).toBeTruthy();
    expect(screen.getByText('Dhaka Knitwear Ltd (supplier)')).toBeTruthy();
    const file = screen.getByRole('link', { name: 'locker-invoice.pdf' });
    expect(file.getAttribute('href')).toBe(`${path}/evidence/99999999-9999-4999-8999-000000000001`);
    expect(screen.getByText(SHA)).toBeTruthy();

    // Staff are told before they write that the supplier reads the thread.
    expect(screen.getByLabelText('Add a comment').getAttribute('aria-describedby')).toMatch(/hint/);
    expect(screen.getByText(/Shared with the supplier: it reads every comment here/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(screen.getByText('Write a comment')).toBeTruthy();
    await user.type(screen.getByLabelText('Add a comment'), 'Thanks: send the photos here.');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(
      await screen.findByText('Thanks: send the photos here.', { selector: '.comment-body' }),
    ).toBeTruthy();
    expect(find('POST', `${path}/comments`)[0]?.body).toEqual({ body: 'Thanks: send the photos here.' });
  }, 20_000);

  it('uploads evidence with progress and lists it after', async () => {
    let stored = task;
    const { find } = mockFetch({
      ...routesFor('officer', () => stored),
      [`POST ${path}/evidence`]: () => {
        const added = {
          ...task.evidence[0]!,
          id: '99999999-9999-4999-8999-000000000002',
          fileName: 'photos.pdf',
        };
        stored = { ...task, evidence: [...task.evidence, added] };
        return json(201, added);
      },
    });
    const { user } = renderApp(`/remediation/${task.id}`);

    const input = await screen.findByLabelText('Add a file');
    await user.upload(input, new File(['%PDF'], 'photos.pdf', { type: 'application/pdf' }));
    expect(await screen.findByRole('link', { name: 'photos.pdf' })).toBeTruthy();
    expect(find('POST', `${path}/evidence`)[0]?.body).toBeInstanceOf(FormData);
  }, 20_000);

  it('names the criterion as the policy in force does, and shows the key only when that policy lacks it', async () => {
    const fromFinding = { ...task, criterion: 'debt_bondage' };
    const policy = makePolicy();
    mockFetch({
      ...routesFor('officer', () => fromFinding),
      'GET /api/policies': () => json(200, { items: [policy] }),
    });
    renderApp(`/remediation/${task.id}`);
    const about = await screen.findByRole('heading', { name: 'About' });
    const facts = about.closest('section') as HTMLElement;
    expect(await within(facts).findByText('Debt bondage')).toBeTruthy();
    expect(facts.textContent).not.toContain('debt_bondage');
  }, 20_000);

  it('shows a criterion the policy in force no longer has by its key, said so', async () => {
    mockFetch({
      ...routesFor('officer', () => ({ ...task, criterion: 'retired_criterion' })),
      'GET /api/policies': () => json(200, { items: [makePolicy()] }),
    });
    renderApp(`/remediation/${task.id}`);
    expect(await screen.findByText('(not in the policy in force)')).toBeTruthy();
    expect(screen.getByText('retired_criterion')).toBeTruthy();
  }, 20_000);

  it('gives the file picker its label and the app’s button look, reachable by keyboard', async () => {
    mockFetch(routesFor('officer'));
    const { user } = renderApp(`/remediation/${task.id}`);
    const input = await screen.findByLabelText('Add a file');
    expect(input.getAttribute('type')).toBe('file');
    expect(input.classList.contains('file-input')).toBe(true);
    // Tab order reaches it after the evidence links (it is not hidden behind a styled stand-in).
    input.blur();
    (screen.getByRole('link', { name: 'locker-invoice.pdf' }) as HTMLElement).focus();
    await user.tab();
    expect(document.activeElement).toBe(input);
  }, 20_000);

  it('saves only the changed fields with the revision it was opened at, and offers a merge on 409', async () => {
    const theirs = { ...task, description: 'Lockers for every worker, by December.', revision: 4 };
    let calls = 0;
    const { find } = mockFetch({
      ...routesFor('officer'),
      [`PATCH ${path}`]: () => {
        calls += 1;
        if (calls === 1)
          return json(409, {
            error: {
              code: 'conflict',
              message: 'Someone else changed this task',
              requestId: 'r',
              current: { ...theirs, comments: undefined, evidence: undefined },
            },
          });
        return json(200, { ...theirs, title: 'Return every passport', revision: 5 });
      },
    });
    const { user } = renderApp(`/remediation/${task.id}`);

    const title = await screen.findByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Return every passport');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Someone else changed this task while you were editing it')).toBeTruthy();
    const [first] = find('PATCH', path);
    expect(first?.body).toEqual({ title: 'Return every passport' });
    expect(first?.headers.get('if-match')).toBe('"3"');

    await user.click(screen.getByRole('button', { name: 'Load their version and keep my changes' }));
    expect((screen.getByLabelText('Description') as HTMLTextAreaElement).value).toBe(theirs.description);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Return every passport');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Changes saved.')).toBeTruthy();
    expect(find('PATCH', path)[1]?.headers.get('if-match')).toBe('"4"');
  }, 20_000);

  it('shows the server’s field message under the field', async () => {
    mockFetch({
      ...routesFor('officer'),
      [`PATCH ${path}`]: () =>
        apiError(400, 'validation_failed', 'Check the highlighted fields', [
          { path: 'dueDate', message: 'A due date cannot be before the task was created' },
        ]),
    });
    const { user } = renderApp(`/remediation/${task.id}`);

    const due = await screen.findByLabelText('Due date');
    await user.clear(due);
    await user.type(due, '2020-01-01');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('A due date cannot be before the task was created')).toBeTruthy();
  }, 20_000);

  it('asks for a reason to send a task back, and not another person’s verification of their own', async () => {
    const pending = makeTaskDetail({
      status: 'pending_verification',
      submittedForVerification: {
        by: { type: 'user', id: USER_ID, label: 'Ada Admin' },
        at: '2026-11-20T09:00:00Z',
      },
    });
    const { find } = mockFetch({
      ...routesFor('officer', () => pending),
      [`GET /api/tasks/${pending.id}`]: () => json(200, pending),
      [`POST /api/tasks/${pending.id}/transition`]: () => json(200, { ...pending, status: 'in_progress' }),
    });
    const { user } = renderApp(`/remediation/${pending.id}`);

    expect(await screen.findByText(/Marked done by Ada Admin/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Verify and close' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send back' }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Send back' }));
    expect(within(dialog).getByText('Send back: say why in a comment')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Reason'), 'The photos show only one floor');
    await user.click(within(dialog).getByRole('button', { name: 'Send back' }));
    await waitFor(() => expect(find('POST', `/api/tasks/${pending.id}/transition`)).toHaveLength(1));
    expect(find('POST', `/api/tasks/${pending.id}/transition`)[0]?.body).toEqual({
      to: 'in_progress',
      revision: 1,
      comment: 'The photos show only one floor',
    });
  }, 20_000);

  it('lets an executive read, not change', async () => {
    mockFetch(routesFor('executive'));
    renderApp(`/remediation/${task.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Return workers’ passports' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Edit task' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Mark done/ })).toBeNull();
    expect(screen.queryByLabelText('Add a comment')).toBeNull();
    expect(screen.queryByLabelText('Add a file')).toBeNull();
  });
});
