import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AssignmentCreate } from '#shared/schemas/assignments.js';
import { issuedOf, makeAssignment } from '../../../../test/assignment-fixtures.js';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';
import { makeTemplate, summaryOf, TEMPLATE_ID } from '../../../../test/template-fixtures.js';

const gin = makeSupplier({ name: 'Ashgabat Cotton Gin', country: 'TM' });
const shoes = makeSupplier({ name: 'Porto Shoes Lda', country: 'PT' });
const knit = makeSupplier({ name: 'Dhaka Knitwear Ltd' });
const archived = makeSupplier({ name: 'Old Mill', archivedAt: '2026-01-01T00:00:00.000Z' });
const older = makeTemplate({
  id: '99999999-9999-4999-8999-000000000011',
  name: 'Short screening',
  publishedAt: '2025-05-01T09:00:00.000Z',
});
const latest = makeTemplate();
const draft = makeTemplate({
  id: '99999999-9999-4999-8999-000000000012',
  name: 'Unfinished',
  status: 'draft',
  version: null,
  publishedAt: null,
});

const routes = (role: 'officer' | 'executive' = 'officer') => ({
  'GET /api/me': () => json(200, makeSession(role)),
  'GET /api/suppliers': () => json(200, { ...pageOf([gin, shoes, knit, archived]), total: 4 }),
  'GET /api/templates': () =>
    json(200, { items: [older, draft, latest].map(summaryOf), total: 3, limit: 200, offset: 0 }),
});

/** Today + days as YYYY-MM-DD in local time, as the due date box holds it. */
const dayIn = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// Whole-app journeys through several screens: slower than one component on a busy two-core machine.
describe('sending a questionnaire from the supplier list', { timeout: 20_000 }, () => {
  it('selects suppliers by row, by page and by keyboard, and counts them', async () => {
    mockFetch(routes());
    const { user } = renderApp('/suppliers');

    await user.click(await screen.findByRole('checkbox', { name: 'Select Ashgabat Cotton Gin' }));
    expect(screen.getByText('1 supplier selected')).toBeTruthy();
    // The page box selects every selectable row (not the archived one), then clears them all.
    const page = screen.getByRole('checkbox', { name: 'Select every supplier on this page' });
    expect((page as HTMLInputElement).indeterminate).toBe(true);
    await user.click(page);
    expect(screen.getByText('3 suppliers selected')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Select Old Mill' })).toHaveProperty('disabled', true);
    await user.click(page);
    expect(screen.queryByText(/suppliers? selected/)).toBeNull();
    // The keyboard ticks a row too (Space on a focused checkbox).
    screen.getByRole('checkbox', { name: 'Select Porto Shoes Lda' }).focus();
    await user.keyboard(' ');
    expect(screen.getByText('1 supplier selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.getByText('Tick suppliers to send them a questionnaire.')).toBeTruthy();
  });

  it('sends to the selected suppliers and shows each handed-over link once, with a copy button', async () => {
    const portalUrl = 'http://localhost/portal/secret-token-for-gin';
    const { find } = mockFetch({
      ...routes(),
      'POST /api/assignments': () =>
        json(201, {
          items: [
            issuedOf(
              makeAssignment({ supplierId: gin.id, supplierName: gin.name, status: 'sent' }),
              portalUrl,
            ),
            issuedOf(
              makeAssignment({
                supplierId: shoes.id,
                supplierName: shoes.name,
                status: 'sent',
                link: { state: 'live', expiresAt: null, recipient: 'compliance@porto.example' },
              }),
            ),
          ],
        }),
    });
    const { user } = renderApp('/suppliers');

    await user.click(await screen.findByRole('checkbox', { name: 'Select Ashgabat Cotton Gin' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Porto Shoes Lda' }));
    expect(screen.getByText('2 suppliers selected')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Send questionnaire' }));
    const form = await screen.findByRole('form', { name: 'Send questionnaire' });
    expect(within(form).getByText('2 suppliers: Ashgabat Cotton Gin, Porto Shoes Lda')).toBeTruthy();
    // Only published versions are offered, the most recently published one first and chosen.
    const template = within(form).getByLabelText('Questionnaire') as HTMLSelectElement;
    expect([...template.options].map((o) => o.text)).toEqual([
      'Self-assessment (version 1)',
      'Short screening (version 1)',
    ]);
    expect(template.value).toBe(TEMPLATE_ID);
    expect((within(form).getByLabelText('Due date') as HTMLInputElement).value).toBe(dayIn(30));
    await user.type(within(form).getByLabelText(/Message to the supplier/), 'Please answer by the due date.');
    expect((within(form).getByLabelText('Send again') as HTMLSelectElement).value).toBe('once');
    await user.selectOptions(within(form).getByLabelText('Send again'), 'Every 12 months');
    await user.click(within(form).getByRole('button', { name: 'Send to 2 suppliers' }));

    const result = await screen.findByRole('region', { name: 'Questionnaire sent to 2 suppliers' });
    expect(find('POST', '/api/assignments')[0]?.body).toEqual({
      templateId: TEMPLATE_ID,
      supplierIds: [gin.id, shoes.id],
      dueDate: dayIn(30),
      message: 'Please answer by the due date.',
      recurrence: { kind: 'every_months', months: 12 },
    } satisfies AssignmentCreate);
    expect(result.textContent).toContain('Porto Shoes Lda: e-mailed to compliance@porto.example');
    expect(result.textContent).toContain('shown only once and will not be shown again');
    const link = within(result).getByLabelText(
      'Questionnaire link for Ashgabat Cotton Gin',
    ) as HTMLInputElement;
    expect(link.value).toBe(portalUrl);
    // The e-mailed link is never shown.
    expect(within(result).queryByLabelText(/Questionnaire link for Porto/)).toBeNull();
    await user.click(within(result).getByRole('button', { name: 'Copy the link for Ashgabat Cotton Gin' }));
    expect(await within(result).findByText('Copied to the clipboard.')).toBeTruthy();
    // user-event installs a clipboard stub on navigator; read back what the button wrote.
    expect(await navigator.clipboard.readText()).toBe(portalUrl);
    // Sent: the selection is cleared, and closing leaves no link behind.
    await user.click(within(result).getByRole('button', { name: 'I have copied the link – close' }));
    expect(screen.queryByDisplayValue(portalUrl)).toBeNull();
    expect(screen.getByText('Tick suppliers to send them a questionnaire.')).toBeTruthy();
  });

  it('selects the link text when the clipboard is not available', async () => {
    const portalUrl = 'http://localhost/portal/another-secret';
    mockFetch({
      ...routes(),
      'POST /api/assignments': () =>
        json(201, { items: [issuedOf(makeAssignment({ supplierName: gin.name }), portalUrl)] }),
    });
    const { user } = renderApp('/suppliers');
    // Plain http on a non-local host has no clipboard API (after user-event installed its stub).
    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    onTestFinished(() => {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    });
    await user.click(await screen.findByRole('checkbox', { name: 'Select Ashgabat Cotton Gin' }));
    await user.click(screen.getByRole('button', { name: 'Send questionnaire' }));
    await user.click(await screen.findByRole('button', { name: 'Send questionnaire' }));
    await user.click(await screen.findByRole('button', { name: /Copy the link for/ }));
    expect(await screen.findByText(/Copying is not available here/)).toBeTruthy();
    const box = screen.getByLabelText(`Questionnaire link for ${gin.name}`) as HTMLInputElement;
    expect(document.activeElement).toBe(box);
    expect(box.selectionEnd! - box.selectionStart!).toBe(portalUrl.length);
  });

  it('shows the server’s field errors at their fields', async () => {
    mockFetch({
      ...routes(),
      'POST /api/assignments': () =>
        apiError(400, 'validation_failed', 'The due date is in the past', [
          { path: 'dueDate', message: 'Choose today or a later day' },
        ]),
    });
    const { user } = renderApp('/suppliers');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Porto Shoes Lda' }));
    await user.click(screen.getByRole('button', { name: 'Send questionnaire' }));
    const form = await screen.findByRole('form', { name: 'Send questionnaire' });
    await user.click(within(form).getByRole('button', { name: 'Send questionnaire' }));

    const due = within(form).getByLabelText('Due date');
    await waitFor(() => expect(due.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('Choose today or a later day')).toBeTruthy();
    expect(due.getAttribute('aria-describedby')).toContain(
      within(form).getByText('Choose today or a later day').id,
    );
  });

  it('checks the form with the shared contract before calling the server', async () => {
    const { find } = mockFetch(routes());
    const { user } = renderApp('/suppliers');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Porto Shoes Lda' }));
    await user.click(screen.getByRole('button', { name: 'Send questionnaire' }));
    const form = await screen.findByRole('form', { name: 'Send questionnaire' });
    await user.clear(within(form).getByLabelText('Due date'));
    await user.click(within(form).getByRole('button', { name: 'Send questionnaire' }));
    expect(await within(form).findByText('Use a date as YYYY-MM-DD')).toBeTruthy();
    expect(find('POST', '/api/assignments')).toHaveLength(0);
  });

  it('warns, without refusing, when a chosen supplier already has this questionnaire open', async () => {
    const open = makeAssignment({ supplierId: shoes.id, supplierName: shoes.name, status: 'in_progress' });
    const { find } = mockFetch({
      ...routes(),
      'GET /api/assignments': () => json(200, { items: [open], total: 1, limit: 200, offset: 0 }),
    });
    const { user } = renderApp('/suppliers');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Porto Shoes Lda' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Ashgabat Cotton Gin' }));
    await user.click(screen.getByRole('button', { name: 'Send questionnaire' }));
    const form = await screen.findByRole('form', { name: 'Send questionnaire' });

    const warning = (
      await within(form).findByText('One supplier already has this questionnaire open')
    ).closest('.alert') as HTMLElement;
    expect(warning.textContent).toContain('Porto Shoes Lda: in progress');
    expect(warning.textContent).not.toContain('Ashgabat');
    expect(find('GET', '/api/assignments')[0]?.query.get('templateId')).toBe(TEMPLATE_ID);
    expect(within(form).getByRole('button', { name: 'Send to 2 suppliers' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('offers executives no selection and no sending', async () => {
    mockFetch(routes('executive'));
    renderApp('/suppliers');
    await screen.findByRole('link', { name: 'Ashgabat Cotton Gin' });
    expect(screen.queryByRole('checkbox', { name: /^Select/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send questionnaire' })).toBeNull();
  });
});
