import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PublishApprovalSetting, PublishRequest } from '#shared/schemas/publish-requests.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, USER_ID } from '../../../../test/fixtures.js';
import { DRAFT_ID, JOB_ID, makeDraft, makeJob, makePolicy } from '../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../test/render.js';

const published = makePolicy();
const draft = makeDraft({ name: '2026 policy', revision: 4 });
const OTHER_ADMIN = '33333333-3333-4333-8333-999999999999';
const REQUEST_ID = '99999999-9999-4999-8999-000000000001';

const required: PublishApprovalSetting = {
  required: true,
  source: 'default',
  activeAdmins: 2,
  reason: 'On by default with two or more administrators (2 active administrators).',
};
const notRequired: PublishApprovalSetting = {
  required: false,
  source: 'default',
  activeAdmins: 1,
  reason: 'Off by default: with one active administrator there is nobody to approve.',
};
const pendingBy = (id: string, name: string): PublishRequest => ({
  id: REQUEST_ID,
  policyId: DRAFT_ID,
  policyRevision: 4,
  status: 'pending',
  requestedBy: { id, name },
  comment: 'Lower thresholds after the audit',
  createdAt: '2025-06-01T09:00:00.000Z',
  decidedBy: null,
  decisionComment: null,
  decidedAt: null,
});

const routes = (
  setting: PublishApprovalSetting,
  pending: PublishRequest[],
  role: 'admin' | 'officer' = 'admin',
) => ({
  'GET /api/me': () => json(200, makeSession(role)),
  'GET /api/policies': () => json(200, { items: [published, draft] }),
  [`GET /api/policies/${DRAFT_ID}`]: () => json(200, draft),
  'GET /api/publish-approval': () => json(200, setting),
  'GET /api/publish-requests': () => json(200, { items: pending }),
});

describe('four-eyes publishing on a draft', () => {
  it('asks for approval (a comment is required) pinning the revision on screen, when the rule is on', async () => {
    const { find } = mockFetch({
      ...routes(required, []),
      [`POST /api/policies/${DRAFT_ID}/publish-requests`]: () => json(201, pendingBy(USER_ID, 'Ada Admin')),
    });
    const { user } = renderApp(`/policies/${DRAFT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Request approval…' }));
    expect(screen.queryByRole('button', { name: 'Publish…' })).toBeNull();
    const form = screen.getByRole('region', { name: 'Request approval to publish' });
    await user.click(within(form).getByRole('button', { name: 'Send the request' }));
    expect(within(form).getByText('A comment is required')).toBeTruthy();
    expect(find('POST', `/api/policies/${DRAFT_ID}/publish-requests`)).toHaveLength(0);

    await user.type(within(form).getByLabelText('What changes and why'), 'Lower thresholds');
    await user.click(within(form).getByRole('button', { name: 'Send the request' }));
    await waitFor(() => expect(find('POST', `/api/policies/${DRAFT_ID}/publish-requests`)).toHaveLength(1));
    expect(find('POST', `/api/policies/${DRAFT_ID}/publish-requests`)[0]?.body).toEqual({
      comment: 'Lower thresholds',
      revision: 4,
    });
  });

  it("shows another admin's request with its comment and the changes link; rejecting needs a comment", async () => {
    const { find } = mockFetch({
      ...routes(required, [pendingBy(OTHER_ADMIN, 'Grace Admin')]),
      [`POST /api/publish-requests/${REQUEST_ID}/reject`]: () =>
        json(200, { ...pendingBy(OTHER_ADMIN, 'Grace Admin'), status: 'rejected' }),
    });
    const { user } = renderApp(`/policies/${DRAFT_ID}`);

    const panel = await screen.findByRole('region', { name: 'Awaiting approval to publish' });
    expect(panel.textContent).toContain('Grace Admin');
    expect(panel.textContent).toContain('Lower thresholds after the audit');
    expect(
      within(panel).getByRole('link', { name: 'See what this draft changes' }).getAttribute('href'),
    ).toBe(`/policies/${DRAFT_ID}/changes`);
    expect(screen.queryByRole('button', { name: /Publish…|Request approval…/ })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Withdraw the request' })).toBeNull();

    await user.click(within(panel).getByRole('button', { name: 'Reject' }));
    expect(within(panel).getByText('Say why you reject it')).toBeTruthy();
    expect(find('POST', `/api/publish-requests/${REQUEST_ID}/reject`)).toHaveLength(0);
    await user.type(within(panel).getByLabelText('Your comment'), 'Too strict');
    await user.click(within(panel).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(find('POST', `/api/publish-requests/${REQUEST_ID}/reject`)).toHaveLength(1));
    expect(find('POST', `/api/publish-requests/${REQUEST_ID}/reject`)[0]?.body).toEqual({
      comment: 'Too strict',
    });
  });

  it('approving publishes and follows the rescore', async () => {
    const { find } = mockFetch({
      ...routes(required, [pendingBy(OTHER_ADMIN, 'Grace Admin')]),
      [`POST /api/publish-requests/${REQUEST_ID}/approve`]: () =>
        json(200, {
          request: { ...pendingBy(OTHER_ADMIN, 'Grace Admin'), status: 'approved' },
          publish: { policy: { ...draft, status: 'published', version: 3 }, job: makeJob() },
        }),
      [`GET /api/jobs/${JOB_ID}`]: () => json(200, makeJob({ status: 'running' })),
    });
    const { user, router } = renderApp(`/policies/${DRAFT_ID}`);

    const panel = await screen.findByRole('region', { name: 'Awaiting approval to publish' });
    await user.click(within(panel).getByRole('button', { name: 'Approve and publish' }));
    await waitFor(() => expect(router.state.location.search).toBe(`?job=${JOB_ID}`));
    expect(find('POST', `/api/publish-requests/${REQUEST_ID}/approve`)[0]?.body).toEqual({});
  });

  it('the requester may only withdraw; an officer only reads', async () => {
    const { find } = mockFetch({
      ...routes(required, [pendingBy(USER_ID, 'Ada Admin')]),
      [`POST /api/publish-requests/${REQUEST_ID}/withdraw`]: () =>
        json(200, { ...pendingBy(USER_ID, 'Ada Admin'), status: 'withdrawn' }),
    });
    const { user } = renderApp(`/policies/${DRAFT_ID}`);
    const panel = await screen.findByRole('region', { name: 'Awaiting approval to publish' });
    expect(within(panel).queryByRole('button', { name: 'Approve and publish' })).toBeNull();
    // The draft is frozen while the request is pending: no Edit tab leading into a refusal.
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    await user.click(within(panel).getByRole('button', { name: 'Withdraw the request' }));
    await waitFor(() => expect(find('POST', `/api/publish-requests/${REQUEST_ID}/withdraw`)).toHaveLength(1));
  });

  it('an officer sees the pending request without any action', async () => {
    mockFetch(routes(required, [pendingBy(OTHER_ADMIN, 'Grace Admin')], 'officer'));
    renderApp(`/policies/${DRAFT_ID}`);
    const panel = await screen.findByRole('region', { name: 'Awaiting approval to publish' });
    expect(within(panel).queryAllByRole('button')).toHaveLength(0);
  });

  it('with the rule off, a lone admin publishes directly and the page says why', async () => {
    mockFetch(routes(notRequired, []));
    renderApp(`/policies/${DRAFT_ID}`);
    expect(await screen.findByRole('button', { name: 'Publish…' })).toBeTruthy();
    expect(await screen.findByText(/needs no second approval.*nobody to approve/)).toBeTruthy();
  });

  it('the policies list marks a draft awaiting approval and shows the rule', async () => {
    const { find } = mockFetch({
      ...routes(required, [pendingBy(OTHER_ADMIN, 'Grace Admin')]),
      'PUT /api/publish-approval': () => json(200, { ...notRequired, source: 'explicit', activeAdmins: 2 }),
    });
    const { user } = renderApp('/policies');
    const row = (await screen.findByRole('link', { name: '2026 policy' })).closest('tr')!;
    expect(await within(row).findByText('awaiting approval')).toBeTruthy();
    expect(within(row).queryByRole('link', { name: 'Edit 2026 policy' })).toBeNull();
    const rule = screen.getByRole('region', { name: 'Approval to publish' });
    expect(rule.textContent).toContain("A second administrator's approval is required.");
    await user.selectOptions(within(rule).getByLabelText('Rule for this organisation'), 'off');
    await waitFor(() => expect(find('PUT', '/api/publish-approval')[0]?.body).toEqual({ required: false }));
  });
});
