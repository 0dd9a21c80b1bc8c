import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { issuedOf, makeAssignment } from '../../../../test/assignment-fixtures.js';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';
import { makeTemplate, summaryOf, TEMPLATE_ID } from '../../../../test/template-fixtures.js';
import { formatDate } from '../../../lib/format.js';

const supplier = makeSupplier({ id: '55555555-5555-4555-8555-000000000999', name: 'Dhaka Knitwear Ltd' });
const answering = makeAssignment({ supplierName: 'Dhaka Knitwear Ltd' });
const late = makeAssignment({
  supplierName: 'Porto Shoes Lda',
  status: 'sent',
  overdue: true,
  dueDate: '2026-10-01',
  progress: { answered: 0, required: 40, percent: 0 },
  link: { state: 'live', expiresAt: '2026-12-01T00:00:00.000Z', recipient: 'ops@porto.example' },
  reminders: {
    sent: [
      {
        slot: 'overdue_1',
        kind: 'overdue',
        slotDate: '2026-10-02',
        delivery: 'email',
        recipient: 'ops@porto.example',
        mailStatus: 'sent',
        createdAt: '2026-10-02T06:00:00.000Z',
      },
      {
        slot: 'before_3',
        kind: 'due_soon',
        slotDate: '2026-09-28',
        delivery: 'email',
        recipient: 'ops@porto.example',
        mailStatus: 'sent',
        createdAt: '2026-09-28T06:00:00.000Z',
      },
    ],
    next: { slot: 'overdue_2', kind: 'overdue', on: '2026-10-09' },
  },
});
const done = makeAssignment({
  supplierName: 'Ashgabat Cotton Gin',
  status: 'accepted',
  submittedAt: '2026-11-20T10:00:00.000Z',
  acceptedAt: '2026-11-22T10:00:00.000Z',
  validUntil: '2027-11-22',
  link: { state: 'revoked', expiresAt: null, recipient: null },
});
const page = (items = [answering, late, done], total = items.length) => ({
  items,
  total,
  limit: 25,
  offset: 0,
});

const routes = (role: 'officer' | 'executive' = 'officer') => ({
  'GET /api/me': () => json(200, makeSession(role)),
  'GET /api/assignments': () => json(200, page()),
  'GET /api/templates': () =>
    json(200, { items: [summaryOf(makeTemplate())], total: 1, limit: 200, offset: 0 }),
  'GET /api/suppliers': () => json(200, { items: [supplier], total: 1, limit: 10, offset: 0 }),
  [`GET /api/suppliers/${supplier.id}`]: () => json(200, supplier),
});

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;

describe('questionnaires sent (the questionnaire area’s landing)', { timeout: 20_000 }, () => {
  it('lists each questionnaire with its status, progress, due date and link, and links to its review', async () => {
    mockFetch(routes());
    renderApp('/questionnaires');

    await screen.findByRole('table', { name: 'Questionnaires sent to suppliers' });
    const row = rowOf('Dhaka Knitwear Ltd');
    expect(row.textContent).toContain('Self-assessment, version 1');
    expect(row.textContent).toContain('In progress');
    expect(row.textContent).toContain('30% answered');
    expect(row.textContent).toContain('Handed over, not e-mailed');
    expect(
      within(row)
        .getByRole('link', { name: /Open\s*the questionnaire of Dhaka/ })
        .getAttribute('href'),
    ).toBe(`/questionnaires/assignments/${answering.id}`);
    const overdue = rowOf('Porto Shoes Lda');
    expect(within(overdue).getByText('Overdue')).toBeTruthy();
    expect(overdue.textContent).toContain('E-mailed to ops@porto.example');
    const accepted = rowOf('Ashgabat Cotton Gin');
    expect(accepted.textContent).toContain('Revoked');
    expect(accepted.textContent).toContain('submitted');
    expect(accepted.textContent).toMatch(/scored until .*2027/);
    // An accepted questionnaire's link is not re-opened (the server refuses), and a revoked one not revoked.
    expect(within(accepted).queryByRole('button', { name: /Re-issue|New link|Revoke/ })).toBeNull();
    // Templates are one link away.
    const nav = screen.getByRole('navigation', { name: 'Questionnaires' });
    expect(within(nav).getByRole('link', { name: 'Templates' }).getAttribute('href')).toBe(
      '/questionnaires/templates',
    );
  });

  it("offers revoking an accepted questionnaire's live link, saying it cannot be re-issued", async () => {
    const closed = makeAssignment({
      supplierName: 'Lima Cocoa SAC',
      status: 'accepted',
      submittedAt: '2026-11-20T10:00:00.000Z',
      acceptedAt: '2026-11-22T10:00:00.000Z',
      validUntil: '2027-11-22',
      link: { state: 'live', expiresAt: '2027-01-20T00:00:00.000Z', recipient: null },
    });
    mockFetch({ ...routes(), 'GET /api/assignments': () => json(200, page([answering, closed])) });
    const { user } = renderApp('/questionnaires');

    await screen.findByRole('table', { name: 'Questionnaires sent to suppliers' });
    expect(within(rowOf('Lima Cocoa SAC')).queryByRole('button', { name: /Re-issue/ })).toBeNull();
    await user.click(within(rowOf('Lima Cocoa SAC')).getByRole('button', { name: /Revoke link/ }));
    const dialog = await screen.findByRole('alertdialog', { name: /Revoke the link of Lima Cocoa SAC/ });
    expect(dialog.textContent).toMatch(/remediation tasks shared with it/);
    expect(dialog.textContent).toMatch(/cannot be re-issued/);
  });

  it('says under each due date how many reminders went out and when the next is planned', async () => {
    mockFetch(routes());
    renderApp('/questionnaires');

    await screen.findByRole('table', { name: 'Questionnaires sent to suppliers' });
    const column = screen.getAllByRole('columnheader').findIndex((th) => th.textContent === 'Due');
    const cell = (name: string) => rowOf(name).querySelectorAll('td')[column]?.textContent;
    expect(cell('Porto Shoes Lda')).toBe(
      `${formatDate('2026-10-01')}2 reminders sentnext reminder ${formatDate('2026-10-09')}`,
    );
    expect(cell('Dhaka Knitwear Ltd')).toBe(formatDate(answering.dueDate));
  });

  it('puts the filters into the request and the URL, and reads them back from it', async () => {
    const { find } = mockFetch(routes());
    const { user, router } = renderApp(`/questionnaires?supplierId=${supplier.id}`);

    await screen.findByRole('table', { name: 'Questionnaires sent to suppliers' });
    // A supplier chosen in the URL is named in its filter.
    await waitFor(() =>
      expect((screen.getByLabelText('Supplier') as HTMLInputElement).value).toBe('Dhaka Knitwear Ltd'),
    );
    await user.selectOptions(screen.getByLabelText('Status'), 'submitted');
    await user.selectOptions(screen.getByLabelText('Due date'), 'true');
    await user.selectOptions(screen.getByLabelText('Questionnaire'), TEMPLATE_ID);

    await waitFor(() => {
      const query = find('GET', '/api/assignments').at(-1)?.query;
      expect(query?.get('status')).toBe('submitted');
      expect(query?.get('overdue')).toBe('true');
      expect(query?.get('templateId')).toBe(TEMPLATE_ID);
      expect(query?.get('supplierId')).toBe(supplier.id);
      expect(query?.get('limit')).toBe('25');
    });
    const url = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(url)).toEqual({
      supplierId: supplier.id,
      status: 'submitted',
      overdue: 'true',
      templateId: TEMPLATE_ID,
    });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('pages through the list', async () => {
    const { find } = mockFetch({ ...routes(), 'GET /api/assignments': () => json(200, page(undefined, 60)) });
    const { user, router } = renderApp('/questionnaires');
    await screen.findByText('1–25 of 60 questionnaires');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(find('GET', '/api/assignments').at(-1)?.query.get('offset')).toBe('25'));
    expect(new URLSearchParams(router.state.location.search).get('offset')).toBe('25');
  });

  it('revokes a link only after confirmation, from the revision the officer saw', async () => {
    const revoked = { ...answering, link: { ...answering.link, state: 'revoked' as const }, revision: 5 };
    const { find } = mockFetch({
      ...routes(),
      [`POST /api/assignments/${answering.id}/revoke-link`]: () => json(200, revoked),
    });
    const { user } = renderApp('/questionnaires');
    await screen.findByRole('table', { name: 'Questionnaires sent to suppliers' });

    await user.click(within(rowOf('Dhaka Knitwear Ltd')).getByRole('button', { name: /Revoke link/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke the link of Dhaka Knitwear Ltd?' });
    expect(dialog.textContent).toContain('answers given so far are kept');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(find('POST', `/api/assignments/${answering.id}/revoke-link`)).toHaveLength(0);

    await user.click(within(rowOf('Dhaka Knitwear Ltd')).getByRole('button', { name: /Revoke link/ }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revoke link' }));
    expect(await screen.findByText(/The link of Dhaka Knitwear Ltd was revoked/)).toBeTruthy();
    expect(find('POST', `/api/assignments/${answering.id}/revoke-link`)[0]?.headers.get('if-match')).toBe(
      '"4"',
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says why a revoke failed inside the dialog (someone changed it meanwhile)', async () => {
    mockFetch({
      ...routes(),
      [`POST /api/assignments/${answering.id}/revoke-link`]: () =>
        apiError(409, 'conflict', 'This questionnaire was changed by someone else. Reload it and try again.'),
    });
    const { user } = renderApp('/questionnaires');
    await screen.findByRole('table', { name: 'Questionnaires sent to suppliers' });
    await user.click(within(rowOf('Dhaka Knitwear Ltd')).getByRole('button', { name: /Revoke link/ }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revoke link' }));
    expect(await within(screen.getByRole('alertdialog')).findByText(/changed by someone else/)).toBeTruthy();
  });

  it('re-issues a link and shows the new one once, to copy, when no e-mail can carry it', async () => {
    const portalUrl = 'http://localhost/portal/new-secret';
    const { find } = mockFetch({
      ...routes(),
      [`POST /api/assignments/${answering.id}/reissue-link`]: () =>
        json(200, issuedOf({ ...answering, revision: 5 }, portalUrl)),
      [`POST /api/assignments/${late.id}/reissue-link`]: () => json(200, issuedOf({ ...late, revision: 5 })),
    });
    const { user } = renderApp('/questionnaires');
    await screen.findByRole('table', { name: 'Questionnaires sent to suppliers' });

    await user.click(within(rowOf('Dhaka Knitwear Ltd')).getByRole('button', { name: /Re-issue link/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Send Dhaka Knitwear Ltd a new link?' });
    expect(dialog.textContent).toContain('The current link stops working at once');
    await user.click(within(dialog).getByRole('button', { name: 'Re-issue link' }));

    const panel = await screen.findByRole('region', { name: 'New link for Dhaka Knitwear Ltd' });
    expect(find('POST', `/api/assignments/${answering.id}/reissue-link`)[0]?.headers.get('if-match')).toBe(
      '"4"',
    );
    expect(panel.textContent).toContain('shown only once and will not be shown again');
    expect((within(panel).getByLabelText(/Questionnaire link for Dhaka/) as HTMLInputElement).value).toBe(
      portalUrl,
    );
    await user.click(within(panel).getByRole('button', { name: 'Copy the link for Dhaka Knitwear Ltd' }));
    expect(await navigator.clipboard.readText()).toBe(portalUrl);
    await user.click(within(panel).getByRole('button', { name: 'I have copied the link – close' }));
    expect(screen.queryByDisplayValue(portalUrl)).toBeNull();

    // E-mailed: it says to whom, and shows no link.
    await user.click(within(rowOf('Porto Shoes Lda')).getByRole('button', { name: /Re-issue link/ }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Re-issue link' }));
    expect(
      await screen.findByText(/A new link for Porto Shoes Lda was e-mailed to ops@porto.example/),
    ).toBeTruthy();
  });

  it('lets executives read the list and open a questionnaire, but not change links', async () => {
    mockFetch(routes('executive'));
    renderApp('/questionnaires');
    await screen.findByRole('table', { name: 'Questionnaires sent to suppliers' });
    expect(screen.getAllByRole('link', { name: /^Open/ }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /Revoke|Re-issue|New link/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Choose suppliers to send to' })).toBeNull();
  });
});
