import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Policy } from '#shared/schemas/policy.js';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { DRAFT_ID, makeDraft, makePolicy, PUBLISHED_ID } from '../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../test/render.js';

const published = makePolicy();
const draft = makeDraft({ name: '2026 policy', revision: 3 });

const routes = (role: 'admin' | 'officer' | 'executive', items: Policy[] = [published, draft]) => ({
  'GET /api/me': () => json(200, makeSession(role)),
  'GET /api/policies': () => json(200, { items }),
  [`GET /api/policies/${DRAFT_ID}`]: () => json(200, draft),
  [`GET /api/policies/${PUBLISHED_ID}`]: () => json(200, published),
});

// The editor a new draft opens has some 150 boxes: slow to render on a busy two-core machine.
describe('draft actions on a policy page', { timeout: 20_000 }, () => {
  it('making a draft from a policy page closes the panel and opens the new draft, with no panel left on it', async () => {
    const created = makeDraft({ id: '77777777-7777-4777-8777-000000000009', name: 'Agency focus' });
    const { find } = mockFetch({
      ...routes('admin'),
      'POST /api/policies': () => json(201, created),
      [`GET /api/policies/${created.id}`]: () => json(200, created),
    });
    const { user, router } = renderApp(`/policies/${PUBLISHED_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Make a draft copy' }));
    await user.type(screen.getByLabelText('Name of the draft'), 'Agency focus');
    await user.click(screen.getByRole('button', { name: 'Make the draft' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/policies/${created.id}/edit`));
    // The editor's first render is the slow part (see above): wait for it as long as the test may take.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Agency focus' }, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Name of the draft')).toBeNull();
    expect(screen.queryByRole('region', { name: /Make a draft copy of/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Make the draft' })).toBeNull();
    expect(find('POST', '/api/policies')).toHaveLength(1);
  });

  it('an admin deletes a draft after confirming, with its revision, and lands on the policies list', async () => {
    const { find } = mockFetch({
      ...routes('admin'),
      [`DELETE /api/policies/${DRAFT_ID}`]: () => json(200, { ok: true }),
    });
    const { user, router } = renderApp(`/policies/${DRAFT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Delete draft…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the draft “2026 policy”?' });
    expect(within(dialog).getByText(/never published/)).toBeTruthy();
    // Cancel first: nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(find('DELETE', `/api/policies/${DRAFT_ID}`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete draft…' }));
    await user.click(screen.getByRole('button', { name: 'Delete the draft' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/policies'));
    const sent = find('DELETE', `/api/policies/${DRAFT_ID}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get('if-match')).toBe('"3"');
  });

  it('shows why a delete was refused inside the dialog and stays on the draft', async () => {
    mockFetch({
      ...routes('admin'),
      [`DELETE /api/policies/${DRAFT_ID}`]: () =>
        apiError(409, 'conflict', 'Someone else changed this policy after you loaded it'),
    });
    const { user, router } = renderApp(`/policies/${DRAFT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Delete draft…' }));
    await user.click(screen.getByRole('button', { name: 'Delete the draft' }));

    const dialog = screen.getByRole('alertdialog');
    expect(await within(dialog).findByText(/Someone else changed this policy/)).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/policies/${DRAFT_ID}`);
  });

  it('offers no delete on a published policy, nor to officers and executives', async () => {
    mockFetch(routes('admin'));
    renderApp(`/policies/${PUBLISHED_ID}`);
    expect(await screen.findByRole('button', { name: 'Make a draft copy' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete draft…' })).toBeNull();
  });

  it.each(['officer', 'executive'] as const)('a %s sees the draft without a delete button', async (role) => {
    mockFetch(routes(role));
    renderApp(`/policies/${DRAFT_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: '2026 policy' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete draft…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publish…' })).toBeNull();
  });
});
